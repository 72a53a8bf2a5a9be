import { slowestFirst, WORKERS } from '@reception/vitest-config';
import { defineConfig } from 'vitest/config';

/**
 * Every package's unit tests in one run (`npm run test:unit`), so that one pool schedules all their files:
 * as turbo tasks, each package ran its files one after another on a 2-core machine, and a late start of
 * the two longest packages (robot-link, robot-bridge) set the wall time. Cross-process tests
 * (`test/`) are not a project here; they run after, on their own.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
    maxWorkers: WORKERS,
    sequence: {
      sequencer: slowestFirst([
        'robot-link/src/faults.test.ts',
        'robot-bridge/src/missions/socket-missions.test.ts',
        'robot-link/src/robot-base.contract.test.ts',
        'robot-bridge/src/main.test.ts',
        'queue/src/external/http-ticket-queue.test.ts',
        'voice/src/cli/cli.test.ts',
        'missions/src/mission-engine.test.ts',
        'robot-bridge/src/admin/admin-cli.test.ts',
        'nav/src/cli.test.ts',
      ]),
    },
  },
});

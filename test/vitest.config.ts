import { vitestConfig } from '@reception/vitest-config';
import { mergeConfig } from 'vitest/config';

// Cross-process tests start real bridges and browsers. Two files at a time: most of their time is the
// simulated robot driving in real time (missions, the robot screen, the console map), which waits rather
// than computes, so a second file fits beside it on a small machine.
export default mergeConfig(vitestConfig('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 }), {
  test: { fileParallelism: true, maxWorkers: 2, hookTimeout: 60_000 },
});

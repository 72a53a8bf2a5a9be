import { availableParallelism } from 'node:os';
import { slowestFirst, vitestConfig } from '@reception/vitest-config';
import { mergeConfig } from 'vitest/config';

// Cross-process tests start real bridges, browsers and the simulated robot, each in its own process. Most
// of their time is the robot driving in real time (missions, the robot screen, the console map), which
// waits rather than computes (a fifth of two cores busy at three files): two more files than cores. The
// files that drive the robot start first, or the longest would start last on a fresh clone.
export default mergeConfig(vitestConfig('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 }), {
  test: {
    fileParallelism: true,
    maxWorkers: availableParallelism() + 2,
    hookTimeout: 60_000,
    sequence: {
      sequencer: slowestFirst([
        'kiosk-robot.test.ts',
        'missions.test.ts',
        'missions-obstacles.test.ts',
        'kiosk-screens.test.ts',
        'console-map.test.ts',
        'kiosk-defects.test.ts',
        'kiosk-offline.test.ts',
        'missions-faults.test.ts',
        'kiosk-voice.test.ts',
      ]),
    },
  },
});

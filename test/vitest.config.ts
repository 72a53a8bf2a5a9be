import { slowestFirst, vitestConfig } from '@reception/vitest-config';
import { mergeConfig } from 'vitest/config';

// Cross-process tests start real bridges, browsers and the simulated robot. Most of their time is the
// robot driving in real time (missions, the robot screen, the console map), which waits rather than
// computes: `WORKERS` files at a time, four on two cores (about a fifth of both cores busy at three). The files that
// drive the robot start first, or the longest would start last on a fresh clone.
export default mergeConfig(vitestConfig('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 }), {
  test: {
    fileParallelism: true,
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

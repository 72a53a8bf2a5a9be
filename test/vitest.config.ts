import { slowestFirst, vitestConfig, WORKERS } from '@reception/vitest-config';
import { mergeConfig } from 'vitest/config';

// Cross-process tests start real bridges, browsers and the simulated robot, each in its own process. Most
// of their time is the robot driving in real time (missions, the robot screen, the console map), which
// waits rather than computes (a fifth of two cores busy at three files): one more file than cores. Not
// more: at four on two cores, two of five fresh-clone runs failed real-time checks when the machine was
// slow (a robot not home in 120 s, a confirmation not drawn in 30 s). The files that drive the robot start
// first, or the longest would start last on a fresh clone.
export default mergeConfig(vitestConfig('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 }), {
  test: {
    fileParallelism: true,
    maxWorkers: WORKERS,
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

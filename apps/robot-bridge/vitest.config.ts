import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('robot-bridge', { include: ['src/**/*.test.ts'] });

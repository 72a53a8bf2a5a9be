import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('robot-link', { include: ['src/**/*.test.ts'] });

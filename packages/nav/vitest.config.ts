import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('nav', { include: ['src/**/*.test.ts'] });

import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('intent', { include: ['src/**/*.test.ts'] });

import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('queue', { include: ['src/**/*.test.ts'] });

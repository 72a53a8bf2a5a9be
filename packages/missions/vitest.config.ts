import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('missions', { include: ['src/**/*.test.ts'] });

import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('voice', { include: ['src/**/*.test.ts'] });

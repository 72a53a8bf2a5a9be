import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('e2e', { include: ['**/*.test.ts'] });

import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('dossiers', { include: ['src/**/*.test.ts'] });

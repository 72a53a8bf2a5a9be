import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('i18n', { include: ['src/**/*.test.ts'] });

import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('protocol', { include: ['src/**/*.test.ts'], typecheck: true });

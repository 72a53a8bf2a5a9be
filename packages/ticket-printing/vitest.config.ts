import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('ticket-printing', { include: ['src/**/*.test.ts'] });

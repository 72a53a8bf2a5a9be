import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('staff-web', { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] });

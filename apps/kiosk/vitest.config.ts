import { vitestConfig } from '@reception/vitest-config';

export default vitestConfig('kiosk', { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] });

import { vitestConfig } from '@reception/vitest-config';
import { mergeConfig } from 'vitest/config';

// Cross-process tests start real bridges and browsers: one file at a time on a small shared machine.
export default mergeConfig(vitestConfig('e2e', { include: ['**/*.test.ts'], testTimeout: 60_000 }), {
  test: { fileParallelism: false, hookTimeout: 60_000 },
});

import { defineConfig } from 'vitest/config';

/** Shared vitest settings: tests beside the code, Node environment, no timing assertions. */
export function vitestConfig(name: string, overrides: { testTimeout?: number; include?: string[] } = {}) {
  return defineConfig({
    test: {
      name,
      include: overrides.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: 'node',
      testTimeout: overrides.testTimeout ?? 20_000,
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'] },
    },
  });
}

import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings: tests beside the code, Node environment, no timing assertions.
 * @param {string} name project name shown in reports
 * @param {{ testTimeout?: number; include?: string[]; environment?: string; typecheck?: boolean }} [overrides]
 */
export function vitestConfig(name, overrides = {}) {
  return defineConfig({
    test: {
      name,
      include: overrides.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: overrides.environment ?? 'node',
      testTimeout: overrides.testTimeout ?? 20_000,
      // Type-level tests (`*.test-d.ts`) only where a package asks for them: tsc is slow on 2 cores.
      typecheck: { enabled: overrides.typecheck ?? false, include: ['src/**/*.test-d.ts'] },
    },
  });
}

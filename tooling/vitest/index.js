import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';

/**
 * Files run at once, in each package and in the all-packages run (`npm run test:unit`): one more than
 * cores, since the longest files wait on ptys, sockets, timers and child processes rather than compute.
 * Not more: at two more on two cores, the real-time link tests (the firmware ends a session after 500 ms
 * without a heartbeat) failed in a fresh-clone run beside the CPU-heavy ones (CLI spawns, ONNX models).
 */
export const WORKERS = availableParallelism() + 1;

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
      // Every project needs it (vitest runs a project whose maxWorkers is 1 file by file even inside a
      // multi-project run), and all the same, or they cannot share one pool.
      maxWorkers: WORKERS,
      // Type-level tests (`*.test-d.ts`) only where a package asks for them: tsc is slow on 2 cores.
      typecheck: { enabled: overrides.typecheck ?? false, include: ['src/**/*.test-d.ts'] },
    },
  });
}

/**
 * A sequencer that starts the named files first, in the order given, then the rest in vitest's own order.
 * Vitest orders by the durations of the last run and, on a fresh clone (CI) with no results yet, by file
 * size, which started the longest files last: a 3 KB file that drives the robot for two minutes then sets
 * the wall time alone. Name the files that wait longest, slowest first.
 * @param {string[]} first file names (`missions.test.ts`) or path tails (`src/cli/cli.test.ts`)
 */
export function slowestFirst(first) {
  const rank = (/** @type {string} */ file) => {
    const i = first.findIndex((tail) => file.endsWith(`/${tail}`));
    return i < 0 ? first.length : i;
  };
  return class SlowestFirst extends BaseSequencer {
    /** @param {import('vitest/node').TestSpecification[]} files */
    async sort(files) {
      const base = await super.sort(files);
      return [...base].sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
    }
  };
}

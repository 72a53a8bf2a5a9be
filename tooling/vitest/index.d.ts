import type { ViteUserConfig } from 'vitest/config';
export function vitestConfig(
  name: string,
  overrides?: { testTimeout?: number; include?: string[]; environment?: string; typecheck?: boolean },
): ViteUserConfig;
export function slowestFirst(first: string[]): typeof import('vitest/node').BaseSequencer;
export const WORKERS: number;

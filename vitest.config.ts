import { defineConfig } from 'vitest/config';

// Root: every workspace's own vitest config is one project, so `npx vitest` from the root runs them all.
export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'test'] },
});

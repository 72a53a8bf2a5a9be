import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Electron's main process (ES module) and preload (CommonJS: sandboxed preloads cannot be ES modules), each
// bundled into one file in dist-electron/. Run with `--mode main` or `--mode preload`.
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    publicDir: false,
    build: {
      outDir: resolve(import.meta.dirname, 'dist-electron'),
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: {
        entry: resolve(import.meta.dirname, preload ? 'src/preload/preload.ts' : 'src/main/main.ts'),
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.js'),
      },
      rollupOptions: {
        // onnxruntime-node is a native addon with its own binaries: loaded from node_modules, never bundled.
        external: [
          'electron',
          'onnxruntime-node',
          ...builtinModules,
          ...builtinModules.map((m) => `node:${m}`),
        ],
      },
    },
  };
});

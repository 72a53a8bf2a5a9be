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
        // Native addons with their own binaries (onnxruntime-node for the intent and voice models, Porcupine):
        // loaded from node_modules, never bundled.
        external: [
          'electron',
          'onnxruntime-node',
          '@picovoice/porcupine-node',
          ...builtinModules,
          ...builtinModules.map((m) => `node:${m}`),
        ],
      },
    },
  };
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The bridge's own web pages (staff console, counter, lobby display): one multi-page build served by the
// bridge at /console/, /counter/ and /display/, with shared assets under /assets/.
export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'web/console/index.html'),
        counter: resolve(import.meta.dirname, 'web/counter/index.html'),
        display: resolve(import.meta.dirname, 'web/display/index.html'),
      },
    },
  },
});

import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = resolve(import.meta.dirname, 'src');
// Every folder of src/ with an index.html is one page (console, counter, display), served by the bridge
// at /<folder>/; shared chunks land in /assets/.
const pages = Object.fromEntries(
  readdirSync(web, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(web, d.name, 'index.html')))
    .map((d) => [d.name, resolve(web, d.name, 'index.html')]),
);

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    rollupOptions: { input: pages },
    // Inline nothing: the bridge's CSP allows fonts from 'self' only, not data: fonts.
    assetsInlineLimit: 0,
  },
});

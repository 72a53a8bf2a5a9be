import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The kiosk renderer: served by the bridge at /kiosk/ in browser mode and loaded by the Electron shell
// (from these files through its app:// protocol, or from the bridge URL). Fonts are bundled so the kiosk
// renders offline and the same on every machine.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: '/kiosk/',
  plugins: [react()],
  // `npm run dev`: the page comes from Vite, socket.io goes through to a running bridge.
  server: {
    proxy: {
      '/socket.io': { target: process.env.BRIDGE_URL ?? 'http://127.0.0.1:8080', ws: true },
    },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // Inline nothing: the CSP allows fonts and images from 'self' only, not data: fonts.
    assetsInlineLimit: 0,
  },
});

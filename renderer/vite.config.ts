import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: Electron loads the build from file://, the headless host from /.
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    // Everything is local, so there is nothing to gain from inlining and the CSP forbids inline styles.
    assetsInlineLimit: 0,
    // One stylesheet, in the page's head before the first paint, whose order is fixed at build
    // time. Split per lazy screen, each sheet would be appended when its screen is first opened,
    // so the cascade between screens' styles would depend on the order the user visited them.
    cssCodeSplit: false,
  },
});

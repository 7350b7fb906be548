/**
 * Builds the renderer into dist/renderer. `base: './'` keeps every asset URL relative, so the same
 * build loads from the desktop app's file/custom protocol and from `scrollback serve` over HTTP.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // Small assets (the icon) inline as data: URLs, which the CSP allows.
    assetsInlineLimit: 8192,
    sourcemap: false,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});

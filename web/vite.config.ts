import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One config for `vite build web`, `vite web` (dev server) and the build `heed start` runs on a fresh clone.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Agents load the app once a day; one small chunk beats a waterfall of tiny ones.
    modulePreload: { polyfill: false },
  },
  server: {
    // The dev server forwards the API to a Heed started with `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

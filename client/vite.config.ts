import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The relay serves the built client in production; in development Vite serves it and forwards
// the relay's endpoints, so the dev server and the relay behave like one origin.
const RELAY = 'http://127.0.0.1:1234';

export default defineConfig({
  plugins: [react()],
  // Konva and Yjs make one ~210 KB gzip chunk, under the 300 KB budget; Vite's default warning is for raw size.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/sync': { target: RELAY, ws: true },
      '/api': RELAY,
      '/healthz': RELAY,
    },
  },
});

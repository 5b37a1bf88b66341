/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The FastAPI backend (`techmarket serve`) listens here in development.
const backend = 'http://127.0.0.1:8000'

// Paths the backend owns; the dev server and `vite preview` forward them so the
// app talks to the API on its own origin, as it does when the gateway serves it.
const proxy = {
  '/api': { target: backend, ws: true },
  '/media': backend,
  '/sandbox': backend,
  '/healthz': backend,
}

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy },
  preview: { proxy },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Generous for a loaded CI machine; a passing test takes well under a second.
    testTimeout: 20_000,
  },
})

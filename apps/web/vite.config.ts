import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// The dev server and `vite preview` forward API and health calls to the BFF.
const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080'
const proxy = { '/api': bff, '/livez': bff, '/readyz': bff }

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy },
  preview: { proxy },
  build: { sourcemap: true },
})

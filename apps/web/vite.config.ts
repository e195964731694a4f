import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// The dev server and `vite preview` forward API and health calls to the BFF.
const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8080'
const proxy = { '/api': bff, '/livez': bff, '/readyz': bff }

// No source maps by default: the BFF serves everything in dist/ publicly, maps included.
// `WEB_SOURCEMAP=hidden` writes them (without a sourceMappingURL comment) for builds that keep
// them private, e.g. upload to an error tracker, or a scan for leaked secrets.
const sourcemap = process.env.WEB_SOURCEMAP === 'hidden' ? 'hidden' : false

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy },
  preview: { proxy },
  build: {
    sourcemap,
    // Keep ESM evaluation order across split chunks: lib/zod-config.ts must run before any
    // contracts schema is defined, or zod probes `new Function` and the CSP reports it
    // (hoisted shared chunks would otherwise evaluate first). Costs ~4 KB gzip of wrappers.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
})

// Bundles the BFF and its CLIs into dist/. Workspace packages (@ops-console/*) export TypeScript
// source, so they are bundled; every other npm package stays external and is loaded from
// node_modules at run time (native modules such as better-sqlite3 cannot be bundled anyway).
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'

/** @type {import('esbuild').Plugin} */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@ops-console/')) return undefined
      return { path: args.path, external: true }
    })
  },
}

await rm('dist', { recursive: true, force: true })
await build({
  entryPoints: {
    index: 'src/index.ts',
    'cli/users': 'src/cli/users.ts',
    'cli/audit-verify': 'src/cli/audit-verify.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  plugins: [externalNpmPackages],
  // Some bundled CommonJS-style code may call require(); give ESM output one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})

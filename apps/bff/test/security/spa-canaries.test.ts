import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { createCloudSim } from '@ops-console/cloud-sim'
import { CANARY, findCanaries, printCanaryFigures, scanned } from './canaries.js'

const WEB_DIR = fileURLToPath(new URL('../../../web', import.meta.url))
const run = promisify(execFile)

afterAll(() => printCanaryFigures('built SPA'))

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('the SPA built with canary secrets in the environment carries none of them (bundles, CSS, HTML, source maps)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'ops-spa-'))
  // Every secret the BFF reads, plus VITE_-prefixed copies that Vite would embed if the SPA referenced them.
  const secrets = {
    CLOUD_AK: CANARY.ak,
    CLOUD_SK: CANARY.sk,
    CLOUD_PASSWORD: CANARY.password,
    OIDC_CLIENT_SECRET: `oidc-${CANARY.sk}`,
    DATABASE_URL: `postgres://ops:${CANARY.password}@db/ops`,
  }
  // WEB_SOURCEMAP=hidden: write the maps (off by default) so they are scanned too.
  const env = {
    ...process.env,
    WEB_SOURCEMAP: 'hidden',
    ...secrets,
    ...Object.fromEntries(Object.entries(secrets).map(([k, v]) => [`VITE_${k}`, v])),
  }
  try {
    await run('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: WEB_DIR,
      env,
      timeout: 90_000,
    })
    const files = filesUnder(out)
    expect(files.some((f) => f.endsWith('.js.map'))).toBe(true)
    scanned.files += files.length
    // The simulator's demo credentials too: finding them would mean cloud code was bundled into the browser.
    const sim = createCloudSim({ clock: 'manual' }).defaults
    const canaries = [
      ...Object.values(secrets),
      CANARY.ak,
      CANARY.sk,
      CANARY.password,
      sim.aksk.ak,
      sim.aksk.sk,
      sim.user.password,
    ]
    const hits = findCanaries(
      files.map((f) => ({ where: f.slice(out.length), text: readFileSync(f, 'utf8') })),
      canaries,
    )
    expect(hits).toEqual([])
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}, 120_000)

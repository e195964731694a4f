import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, onTestFinished, test } from 'vitest'
import { BFF_ENTRY, startNode, stop } from './processes.js'
import { PRODUCTION_ENV as PRODUCTION } from '../../src/testing/production-env.js'

/** Runs the real entry point with `env` and returns its exit code and output lines. */
async function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ops-refuse-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const proc = startNode(BFF_ENTRY, { SQLITE_PATH: join(dir, 'ops.db'), PORT: '0', ...env })
  onTestFinished(() => stop(proc))
  const { code } = await proc.exited
  return { code, lines: proc.lines }
}

const CASES: { name: string; env: Record<string, string>; lines: string[] }[] = [
  {
    name: 'production with no cloud configured',
    env: { NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://ops.example.com' },
    lines: [
      'configuration refused: CLOUD_TARGETS: no cloud is configured; production needs CLOUD_TARGETS and credentials (the simulated demo cloud runs only outside production)',
    ],
  },
  {
    name: 'production with plain-http origin, insecure cookies, trace logs and a typo',
    env: {
      ...PRODUCTION,
      PUBLIC_ORIGIN: 'http://ops.example.com',
      SESSION_COOKIE_SECURE: 'false',
      LOG_LEVEL: 'trace',
      OIDC_ISUER: 'https://id.example.com',
    },
    lines: [
      'configuration refused: OIDC_ISUER: unknown setting; did you mean OIDC_ISSUER?',
      'configuration refused: PUBLIC_ORIGIN: must be an https:// origin in production',
      'configuration refused: SESSION_COOKIE_SECURE: must be true in production (the session cookie would travel over plain http)',
      'configuration refused: LOG_LEVEL: trace logging is refused in production (request details in the logs); use info, warn or error',
    ],
  },
  {
    name: 'an endpoint override with another scheme than http(s)',
    env: { CLOUD_ENDPOINT_DLI: 'gopher://127.0.0.1:70/dli' },
    lines: ['configuration refused: CLOUD_ENDPOINT_DLI: must be an https:// URL, not gopher://'],
  },
]

test.each(CASES)(
  'refuses to start ($name): one clear line per setting, exit 1, no stack trace',
  async (c) => {
    const { code, lines } = await start(c.env)
    expect(code).toBe(1)
    expect(lines).toEqual(c.lines)
  },
  30_000,
)

import { expect, test } from 'vitest'
import { ConfigError, parseConfig } from './config.js'

const base = { NODE_ENV: 'test' }

test('audit settings: defaults, a checkpoint file beside the SQLite file, off, and the HMAC key from a file', () => {
  expect(parseConfig(base).audit).toEqual({
    writeTimeoutMs: 2_000,
    hmacKey: null,
    checkpointFile: 'data/audit-checkpoints.jsonl',
  })
  expect(parseConfig({ ...base, SQLITE_PATH: '/var/lib/ops/ops.db' }).audit.checkpointFile).toBe(
    '/var/lib/ops/audit-checkpoints.jsonl',
  )
  expect(parseConfig({ ...base, AUDIT_CHECKPOINT_FILE: 'off' }).audit.checkpointFile).toBeNull()
  const key = 'x'.repeat(48)
  const fromFile = parseConfig(
    { ...base, AUDIT_HMAC_KEY_FILE: '/run/secrets/audit-key' },
    () => `${key}\n`,
  )
  expect(fromFile.audit.hmacKey).toBe(key)
  expect(parseConfig({ ...base, AUDIT_WRITE_TIMEOUT_MS: '500' }).audit.writeTimeoutMs).toBe(500)
})

test('audit settings: a short HMAC key and an out-of-range timeout are refused, naming the setting and never the key', () => {
  for (const [env, name] of [
    [{ AUDIT_HMAC_KEY: 'short-secret-key' }, 'AUDIT_HMAC_KEY'],
    [{ AUDIT_WRITE_TIMEOUT_MS: '5' }, 'AUDIT_WRITE_TIMEOUT_MS'],
  ] as const) {
    const err = (() => {
      try {
        parseConfig({ ...base, ...env })
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).message).toContain(name)
    expect((err as ConfigError).message).not.toContain('short-secret-key')
  }
})

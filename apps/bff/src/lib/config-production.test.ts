import { expect, test } from 'vitest'
import { ConfigError, configWarnings, parseConfig } from './config.js'
import { editDistance } from './config-unknown.js'
import { PRODUCTION_ENV as PRODUCTION } from '../testing/production-env.js'

function refusals(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

// [what the environment changes, the refusal it must produce (one line naming the setting)]
const TABLE: [Record<string, string | undefined>, string][] = [
  [{ PUBLIC_ORIGIN: undefined }, 'PUBLIC_ORIGIN: required in production'],
  [{ PUBLIC_ORIGIN: 'http://ops.example.com' }, 'PUBLIC_ORIGIN: must be an https:// origin'],
  [{ SESSION_COOKIE_SECURE: 'false' }, 'SESSION_COOKIE_SECURE: must be true in production'],
  [{ SESSION_COOKIE_SECURE: '0' }, 'SESSION_COOKIE_SECURE: must be true in production'],
  [{ LOG_LEVEL: 'debug' }, 'LOG_LEVEL: debug logging is refused in production'],
  [{ LOG_LEVEL: 'trace' }, 'LOG_LEVEL: trace logging is refused in production'],
  [
    { OIDC_ISUER: 'https://id.example.com' },
    'OIDC_ISUER: unknown setting; did you mean OIDC_ISSUER?',
  ],
  [
    { CLOUD_ENDPIONT_DLI: 'https://x' },
    'CLOUD_ENDPIONT_DLI: unknown setting; did you mean CLOUD_ENDPOINT_DLI?',
  ],
  [
    { SESION_IDLE_MINUTES: '5' },
    'SESION_IDLE_MINUTES: unknown setting; did you mean SESSION_IDLE_MINUTES?',
  ],
  [{ log_level: 'info' }, 'log_level: unknown setting; did you mean LOG_LEVEL?'],
  [{ TRUST_PROXI: 'true' }, 'TRUST_PROXI: unknown setting; did you mean TRUST_PROXY?'],
  [
    { CLOUD_SK_FIEL: '/run/secrets/sk' },
    'CLOUD_SK_FIEL: unknown setting; did you mean CLOUD_SK_FILE?',
  ],
  [{ CLOUD_REGION: 'eu-west-101' }, 'CLOUD_REGION: unknown setting (the settings are listed'],
  [{ OPS_ADMIN_PASSWORD: 'x' }, 'OPS_ADMIN_PASSWORD: unknown setting (the settings are listed'],
  [
    { CLOUD_ENDPOINT_DLI: 'gopher://127.0.0.1/dli' },
    'CLOUD_ENDPOINT_DLI: must be an https:// URL, not gopher://',
  ],
  [
    { CLOUD_ENDPOINT_DLI: 'file:///etc/passwd' },
    'CLOUD_ENDPOINT_DLI: must be an https:// URL, not file://',
  ],
  [
    { CLOUD_ENDPOINT_DLI: 'http://127.0.0.1:4010/dli' },
    'CLOUD_ENDPOINT_DLI: must be an https:// URL in production',
  ],
  [
    { CLOUD_TARGETS: undefined, CLOUD_AK: undefined, CLOUD_SK: undefined },
    'CLOUD_TARGETS: no cloud is configured',
  ],
  [
    { OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
    'OIDC_ISSUER: must use https in production',
  ],
  [
    {
      OIDC_ISSUER: 'https://id.example.com',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
      OIDC_REDIRECT_URI: 'http://ops.example.com/cb',
    },
    'OIDC_REDIRECT_URI: must be an https:// URL in production',
  ],
]

test('production refuses each unsafe or misspelt setting with one line naming it', () => {
  expect(refusals(PRODUCTION)).toEqual([])
  for (const [change, line] of TABLE) {
    const found = refusals({ ...PRODUCTION, ...change })
    expect(
      found.some((p) => p.startsWith(line)),
      `${JSON.stringify(change)} → ${found.join(' | ')}`,
    ).toBe(true)
    for (const p of found) expect(p).not.toMatch(/\n/)
  }
})

test('the ConfigError message is one "configuration refused" line per problem and never a value', () => {
  const err = (() => {
    try {
      parseConfig({ ...PRODUCTION, PUBLIC_ORIGIN: 'http://x.test', CLOUD_SKK: 'CANARY-SECRET-42' })
    } catch (e) {
      return e as ConfigError
    }
    throw new Error('expected a refusal')
  })()
  expect(err.message.split('\n')).toEqual([
    'configuration refused: CLOUD_SKK: unknown setting; did you mean CLOUD_SK?',
    'configuration refused: PUBLIC_ORIGIN: must be an https:// origin in production',
  ])
  expect(err.message).not.toContain('CANARY-SECRET-42')
})

test('what a container or CI environment sets on its own is not mistaken for a typo', () => {
  const ambient = {
    PATH: '/usr/bin',
    HOME: '/home/node',
    HOSTNAME: 'ops-console-7d9f',
    PWD: '/app',
    SHLVL: '1',
    TERM: 'xterm',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NODE_VERSION: '24.21.0',
    YARN_VERSION: '1.22.22',
    NODE_OPTIONS: '--enable-source-maps',
    HTTP_PROXY: 'http://proxy:3128',
    NO_PROXY: 'localhost',
    CI: 'true',
    npm_config_cache: '/tmp/npm',
    KUBERNETES_SERVICE_HOST: '10.0.0.1',
    KUBERNETES_PORT_443_TCP_ADDR: '10.0.0.1',
    // Service links Kubernetes injects for a Service called ops-console.
    OPS_CONSOLE_SERVICE_HOST: '10.0.0.7',
    OPS_CONSOLE_SERVICE_PORT_HTTP: '8080',
    OPS_CONSOLE_PORT: 'tcp://10.0.0.7:8080',
    OPS_CONSOLE_PORT_8080_TCP_PROTO: 'tcp',
    // Empty means unset: how another tool's variable under our prefixes is silenced.
    CLOUD_SDK_VERSION: '',
    // Read by the CLIs and the test suites.
    OPS_CONSOLE_PASSWORD: 'x',
    CLOUD_SK_FILE: undefined,
  }
  expect(refusals({ ...PRODUCTION, ...ambient })).toEqual([])
})

test('outside production a misspelt setting is a warning, and the start goes ahead', () => {
  const env = { SESSION_IDLE_MINUTS: '5', OIDC_CLIENT_SECRT: 'x', HOME: '/root' }
  expect(() => parseConfig(env)).not.toThrow()
  expect(configWarnings(env)).toEqual([
    'OIDC_CLIENT_SECRT: unknown setting; did you mean OIDC_CLIENT_SECRET?',
    'SESSION_IDLE_MINUTS: unknown setting; did you mean SESSION_IDLE_MINUTES?',
  ])
  expect(configWarnings({ ...env, NODE_ENV: 'production' })).toEqual([])
  // Non-loopback plain http stays refused outside production, as does any scheme but http(s).
  expect(refusals({ CLOUD_ENDPOINT_DLI: 'http://dli.example.com' })).toEqual([
    'CLOUD_ENDPOINT_DLI: endpoint overrides must point at a loopback host',
  ])
  expect(refusals({ CLOUD_ENDPOINT_DLI: 'ftp://127.0.0.1/dli' })).toEqual([
    'CLOUD_ENDPOINT_DLI: must be an https:// URL, not ftp://',
  ])
})

test('edit distance counts insertions, deletions, substitutions and adjacent swaps', () => {
  expect(editDistance('OIDC_ISUER', 'OIDC_ISSUER')).toBe(1)
  expect(editDistance('TRSUT_PROXY', 'TRUST_PROXY')).toBe(1)
  expect(editDistance('HOME', 'HOST')).toBe(2)
  expect(editDistance('', 'ABC')).toBe(3)
})

import { expect, test } from 'vitest'
import { ConfigError, parseConfig } from './config.js'

const TARGETS = JSON.stringify([
  { name: 'prod-eu', region: 'eu-west-101', projectId: 'p123', codeartsProjectIds: ['c1'] },
])

function problems(env: Record<string, string>, readFile?: (p: string) => string): string[] {
  try {
    parseConfig(env, readFile)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

test('no cloud configured means demo mode with safe defaults', () => {
  const c = parseConfig({})
  expect(c).toMatchObject({
    env: 'development',
    port: 8080,
    host: '127.0.0.1',
    publicOrigin: 'http://localhost:8080',
    demoMode: true,
    targets: [],
    credentials: null,
    database: { sqlitePath: 'data/ops-console.db' },
    session: { idleMinutes: 30, absoluteHours: 12, cookieSecure: true },
    protectedWorkloads: [],
    trustProxy: false,
  })
  expect(c.oidc).toBeUndefined()
})

test('AK/SK credentials and targets switch demo mode off', () => {
  const c = parseConfig({ CLOUD_TARGETS: TARGETS, CLOUD_AK: 'AKID', CLOUD_SK: 'SKVAL' })
  expect(c.demoMode).toBe(false)
  expect(c.credentials).toEqual({ type: 'aksk', ak: 'AKID', sk: 'SKVAL' })
  expect(c.targets).toEqual([
    { name: 'prod-eu', region: 'eu-west-101', projectId: 'p123', codeartsProjectIds: ['c1'] },
  ])
})

test('temporary AK/SK carry their security token; a token alone is refused', () => {
  const c = parseConfig({
    CLOUD_TARGETS: TARGETS,
    CLOUD_AK: 'AKID',
    CLOUD_SK: 'SKVAL',
    CLOUD_SECURITY_TOKEN: 'STS-TOKEN',
  })
  expect(c.credentials).toEqual({
    type: 'aksk',
    ak: 'AKID',
    sk: 'SKVAL',
    securityToken: 'STS-TOKEN',
  })
  expect(problems({ CLOUD_TARGETS: TARGETS, CLOUD_SECURITY_TOKEN: 'STS-TOKEN' })).toEqual([
    'CLOUD_AK: required together with CLOUD_SK',
    'CLOUD_SK: required together with CLOUD_AK',
  ])
})

test('secrets can come from *_FILE secret files', () => {
  const files: Record<string, string> = { '/run/secrets/pw': 'file-password\n' }
  const c = parseConfig(
    {
      CLOUD_TARGETS: TARGETS,
      CLOUD_DOMAIN: 'acme',
      CLOUD_USER: 'ops',
      CLOUD_PASSWORD_FILE: '/run/secrets/pw',
    },
    (p) =>
      files[p] ??
      (() => {
        throw new Error('ENOENT')
      })(),
  )
  expect(c.credentials).toEqual({
    type: 'password',
    domain: 'acme',
    user: 'ops',
    password: 'file-password',
  })
  expect(
    problems({ CLOUD_SK_FILE: '/missing' }, () => {
      throw new Error('ENOENT')
    }),
  ).toContain('CLOUD_SK_FILE: cannot read the secret file')
})

test('errors name the bad key and never echo secret values', () => {
  const p = problems({
    PORT: 'eighty',
    CLOUD_AK: 'CANARY-AK-1234',
    CLOUD_TARGETS: '[{',
    SESSION_COOKIE_SECURE: 'yes',
  })
  expect(p.map((line) => line.split(':')[0])).toEqual(
    expect.arrayContaining(['PORT', 'CLOUD_TARGETS', 'SESSION_COOKIE_SECURE']),
  )
  expect(p.join('\n')).not.toContain('CANARY-AK-1234')
  expect(problems({ CLOUD_AK: 'CANARY-AK-1234', CLOUD_TARGETS: TARGETS })).toEqual([
    'CLOUD_SK: required together with CLOUD_AK',
  ])
  expect(problems({ CLOUD_TARGETS: TARGETS })[0]).toMatch(
    /^CLOUD_AK: targets are configured but no cloud credentials/,
  )
  expect(
    problems({
      CLOUD_TARGETS: JSON.stringify([{ name: 'Prod EU', region: 'x', projectId: 'p' }]),
    })[0],
  ).toMatch(/^CLOUD_TARGETS\.0\.name:/)
})

test('endpoint overrides must be loopback and are refused in production', () => {
  expect(parseConfig({ CLOUD_ENDPOINT_DLI: 'http://127.0.0.1:4010/dli' }).endpoints).toEqual({
    dli: 'http://127.0.0.1:4010/dli',
  })
  expect(problems({ CLOUD_ENDPOINT_DLI: 'https://dli.example.com' })).toEqual([
    'CLOUD_ENDPOINT_DLI: endpoint overrides must point at a loopback host',
  ])
  expect(
    problems({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://ops.example.com',
      CLOUD_TARGETS: TARGETS,
      CLOUD_AK: 'AKID',
      CLOUD_SK: 'SKVAL',
      CLOUD_ENDPOINT_IAM: 'https://localhost:4010/iam',
    }),
  ).toEqual(['CLOUD_ENDPOINT_IAM: endpoint overrides are refused in production'])
})

test('OIDC needs a client id and secret; role mapping values must be roles', () => {
  const c = parseConfig({
    OIDC_ISSUER: 'https://id.example.com',
    OIDC_CLIENT_ID: 'ops',
    OIDC_CLIENT_SECRET: 's',
    OIDC_ROLE_MAPPING: '{"ops-admins":"admin"}',
    PUBLIC_ORIGIN: 'https://ops.example.com',
  })
  expect(c.oidc).toEqual({
    issuer: 'https://id.example.com',
    clientId: 'ops',
    clientSecret: 's',
    redirectUri: 'https://ops.example.com/api/auth/oidc/callback',
    groupsClaim: 'groups',
    roleMapping: { 'ops-admins': 'admin' },
  })
  expect(problems({ OIDC_ISSUER: 'https://id.example.com' })).toEqual([
    'OIDC_CLIENT_ID: required when OIDC_ISSUER is set',
    'OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set',
  ])
  expect(
    problems({
      OIDC_ISSUER: 'https://id.example.com',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
      OIDC_ROLE_MAPPING: '{"g":"root"}',
    })[0],
  ).toMatch(/^OIDC_ROLE_MAPPING\.g:/)
  expect(
    problems({
      OIDC_ISSUER: 'http://id.example.com',
      OIDC_CLIENT_ID: 'a',
      OIDC_CLIENT_SECRET: 'b',
    }),
  ).toEqual(['OIDC_ISSUER: plain http is only allowed for loopback issuers'])
})

test('protected workload patterns and numeric limits are validated', () => {
  const c = parseConfig({
    PROTECTED_WORKLOADS: '[{"target":"prod-eu","namePattern":"billing-*"}]',
    STOP_WATCH_TIMEOUT_MS: '60000',
  })
  expect(c.protectedWorkloads).toEqual([{ target: 'prod-eu', namePattern: 'billing-*' }])
  expect(c.stopWatch).toEqual({ timeoutMs: 60000, pollMs: 5000 })
  expect(problems({ STOP_WATCH_POLL_MS: '5' })[0]).toMatch(/^STOP_WATCH_POLL_MS:/)
  expect(problems({ DATABASE_URL: 'mysql://x' })).toEqual([
    'DATABASE_URL: must be a postgres:// URL',
  ])
})

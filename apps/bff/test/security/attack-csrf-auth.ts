import { LIST, STOP, type AttackCase } from './attack-case.js'
import type { AttackContext } from './attack-context.js'
import { TEST_ORIGIN } from './attack-context.js'

const reason = JSON.stringify({ reason: 'attack suite' })
const cookieOf = (x: AttackContext) => x.as.operator.cookie ?? ''
const stopPath = (x: AttackContext) => `/api/workloads/dli-flink-job/${x.target}/${x.w.id}/stop`

/** A stop sent with the operator's cookie but browser headers of a cross-site or non-JSON request. */
const crossSite = (name: string, headers: Record<string, string>, expect = [403]): AttackCase => ({
  name,
  route: STOP,
  expect,
  send: (x) =>
    x.send(stopPath(x), {
      method: 'POST',
      headers: { cookie: cookieOf(x), ...headers },
      body: reason,
    }),
})
const spa = { 'X-Ops-Console': '1', 'Content-Type': 'application/json' }

export const csrfCases: AttackCase[] = [
  crossSite('no Origin and no Sec-Fetch-Site', { ...spa }),
  crossSite('foreign Origin', { ...spa, Origin: 'https://evil.example' }),
  crossSite('Origin null (sandboxed frame)', { ...spa, Origin: 'null' }),
  crossSite('Origin that extends ours', { ...spa, Origin: `${TEST_ORIGIN}.evil.example` }),
  crossSite('Origin with another scheme', {
    ...spa,
    Origin: TEST_ORIGIN.replace('https:', 'http:'),
  }),
  crossSite('Origin with a trailing slash', { ...spa, Origin: `${TEST_ORIGIN}/` }),
  crossSite('Sec-Fetch-Site cross-site without Origin', { ...spa, 'Sec-Fetch-Site': 'cross-site' }),
  crossSite('Sec-Fetch-Site same-site (a sibling subdomain)', {
    ...spa,
    'Sec-Fetch-Site': 'same-site',
  }),
  crossSite('Sec-Fetch-Site none (typed URL / bookmark)', { ...spa, 'Sec-Fetch-Site': 'none' }),
  crossSite('same Origin but cross-site Sec-Fetch-Site', {
    ...spa,
    Origin: 'https://evil.example',
    'Sec-Fetch-Site': 'same-origin',
  }),
  crossSite('same Origin without the custom header', {
    Origin: TEST_ORIGIN,
    'Content-Type': 'application/json',
  }),
  crossSite('custom header with a wrong value', {
    Origin: TEST_ORIGIN,
    'X-Ops-Console': 'true',
    'Content-Type': 'application/json',
  }),
  crossSite(
    'form post (urlencoded)',
    {
      Origin: TEST_ORIGIN,
      'X-Ops-Console': '1',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    [415],
  ),
  crossSite(
    'multipart form',
    {
      Origin: TEST_ORIGIN,
      'X-Ops-Console': '1',
      'Content-Type': 'multipart/form-data; boundary=x',
    },
    [415],
  ),
  crossSite(
    'text/plain (no preflight)',
    { Origin: TEST_ORIGIN, 'X-Ops-Console': '1', 'Content-Type': 'text/plain' },
    [415],
  ),
  crossSite(
    'JSON look-alike media type',
    { Origin: TEST_ORIGIN, 'X-Ops-Console': '1', 'Content-Type': 'application/json-patch+json' },
    [415],
  ),
  crossSite('no Content-Type', { Origin: TEST_ORIGIN, 'X-Ops-Console': '1' }, [415]),
  {
    name: 'login from a foreign origin (login CSRF)',
    route: 'POST /api/auth/login',
    expect: [403],
    send: (x) =>
      x.json(
        '/api/auth/login',
        { username: 'operator', password: 'x' },
        { ...spa, Origin: 'https://evil.example' },
      ),
  },
  {
    name: 'logout from a foreign origin',
    route: 'POST /api/auth/logout',
    expect: [403],
    send: (x) =>
      x.send('/api/auth/logout', {
        method: 'POST',
        headers: { ...spa, cookie: cookieOf(x), Origin: 'https://evil.example' },
        body: '{}',
      }),
  },
]

const anon = (name: string, path: string, expect: number[], method = 'GET'): AttackCase => ({
  name,
  route: LIST,
  expect,
  send: (x) =>
    x.send(
      path,
      method === 'GET' || method === 'HEAD'
        ? { method }
        : { method, headers: { ...spa, Origin: TEST_ORIGIN }, body: reason },
    ),
})
const withCookie = (name: string, cookie: (x: AttackContext) => string): AttackCase => ({
  name,
  route: LIST,
  expect: [401],
  send: (x) => x.send('/api/workloads?limit=1', { headers: { cookie: cookie(x) } }),
})
const sessionId = (x: AttackContext) => /__Host-ops_session=([^;]+)/.exec(cookieOf(x))?.[1] ?? ''

export const authCases: AttackCase[] = [
  anon('upper-case API prefix', '/API/workloads', [400]),
  anon('mixed-case API prefix', '/Api/workloads', [400]),
  anon('double slash', '//api/workloads', [400]),
  anon('double slash inside', '/api//workloads', [400]),
  anon('dot segment', '/api/./workloads', [400]),
  anon('encoded dot segment before the API', '/%2e/api/workloads', [400]),
  anon('encoded letter in the prefix (decoded, so still guarded)', '/%61pi/workloads', [401]),
  anon('trailing slash', '/api/workloads/', [401]),
  anon('query string that looks like a path', '/api/workloads?/../auth/me', [401]),
  anon('HEAD instead of GET', '/api/workloads', [401], 'HEAD'),
  anon('unauthenticated stop', '/api/workloads/dli-flink-job/cn-north-4/1/stop', [401], 'POST'),
  anon('method not in the policy (PUT)', '/api/workloads', [401], 'PUT'),
  withCookie('tampered session cookie', (x) => `__Host-ops_session=${sessionId(x).slice(0, -2)}AA`),
  withCookie('session id without the __Host- prefix', (x) => `ops_session=${sessionId(x)}`),
  withCookie('session cookie name in lower case', (x) => `__host-ops_session=${sessionId(x)}`),
  withCookie('session id as a bearer token instead', () => 'x=1'),
  {
    name: 'session id in the query string',
    route: LIST,
    expect: [401],
    send: (x) =>
      x.send(`/api/workloads?session=${sessionId(x)}&__Host-ops_session=${sessionId(x)}`),
  },
  {
    name: 'session id in an Authorization header',
    route: LIST,
    expect: [401],
    send: (x) => x.send('/api/workloads', { headers: { authorization: `Bearer ${sessionId(x)}` } }),
  },
  {
    name: 'audit export as a viewer',
    route: 'GET /api/audit/export',
    expect: [403],
    send: (x) => x.send('/api/audit/export?format=csv', { headers: x.as.viewer }),
  },
  {
    // The check signs calls upstream: an operator must not be able to trigger it.
    name: 'cloud connection check as an operator',
    route: 'GET /api/cloud-check',
    expect: [403],
    send: (x) => x.send('/api/cloud-check', { headers: x.as.operator }),
  },
  {
    name: 'audit page with a forged cursor',
    route: 'GET /api/audit',
    expect: [400],
    send: (x) =>
      x.send(`/api/audit?cursor=${Buffer.from('["x",{"$gt":1}]').toString('base64url')}`, {
        headers: x.as.viewer,
      }),
  },
  {
    name: 'audit search with SQL wildcards and quotes',
    route: 'GET /api/audit',
    expect: [200],
    send: (x) =>
      x.send(`/api/audit?q=${encodeURIComponent("%' OR 1=1 --")}`, { headers: x.as.viewer }),
  },
  {
    name: 'audit export in an unknown format',
    route: 'GET /api/audit/export',
    expect: [400],
    send: (x) => x.send('/api/audit/export?format=xml', { headers: x.as.admin }),
  },
  {
    name: 'targets with a method override header',
    route: 'GET /api/targets',
    expect: [200],
    send: (x) =>
      x.send('/api/targets', { headers: { ...x.as.viewer, 'X-HTTP-Method-Override': 'DELETE' } }),
  },
  {
    name: 'overview with a huge cookie header',
    route: 'GET /api/workloads/overview',
    expect: [200],
    send: (x) =>
      x.send('/api/workloads/overview', {
        headers: { cookie: `${x.as.viewer.cookie ?? ''}; junk=${'x'.repeat(60_000)}` },
      }),
  },
  {
    name: 'script catalogue with a traversal target',
    route: 'GET /api/scripts',
    expect: [400],
    send: (x) => x.send('/api/scripts?target=..%2F..%2Fetc', { headers: x.as.viewer }),
  },
  {
    name: 'script catalogue with an unknown query member',
    route: 'GET /api/scripts',
    expect: [400],
    send: (x) => x.send('/api/scripts?__proto__=1', { headers: x.as.viewer }),
  },
  {
    name: 'workload event stream without a session',
    route: 'GET /api/workloads/stream',
    expect: [401],
    send: (x) => x.send('/api/workloads/stream'),
  },
  {
    name: 'scripts list without a session',
    route: 'GET /api/scripts/instances',
    expect: [401],
    send: (x) => x.send('/api/scripts/instances'),
  },
  {
    name: 'me with a tampered cookie (answers: nobody signed in)',
    route: 'GET /api/auth/me',
    expect: [200],
    send: (x) => x.send('/api/auth/me', { headers: { cookie: '__Host-ops_session=forged' } }),
    check: async (res) => ((await res.json()) as { user: unknown }).user === null,
  },
  {
    name: 'OIDC callback with a forged code when SSO is off',
    route: 'GET /api/auth/oidc/callback',
    expect: [404],
    send: (x) => x.send('/api/auth/oidc/callback?code=forged&state=forged'),
  },
  {
    name: 'OIDC login when SSO is off',
    route: 'GET /api/auth/oidc/login',
    expect: [404],
    send: (x) => x.send('/api/auth/oidc/login?redirect=https://evil.example'),
  },
  {
    name: 'OpenAPI document without a session',
    route: 'GET /api/openapi.json',
    expect: [401],
    send: (x) => x.send('/api/openapi.json'),
  },
]

import { createHash, createHmac } from 'node:crypto'
import { createCloudSim } from '../src/index.js'
import type { CloudSim, SimOptions } from '../src/index.js'

export const BASE = 'http://127.0.0.1:4010'

export function manualSim(o: Partial<SimOptions> = {}): CloudSim {
  return createCloudSim({ clock: 'manual', seed: 42, ...o })
}

/** Password token for a region (project scope by name) or for the domain. */
export async function tokenFor(
  sim: CloudSim,
  scope: { region: string } | 'domain',
): Promise<string> {
  const { user } = sim.defaults
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: user.name, password: user.password, domain: { name: user.domain } },
        },
      },
      scope:
        scope === 'domain'
          ? { domain: { name: user.domain } }
          : { project: { name: scope.region } },
    },
  }
  const res = await sim.fetch(`${BASE}/iam/v3/auth/tokens?nocatalog=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`token request failed: ${res.status}`)
  return res.headers.get('x-subject-token') ?? ''
}

export function projectOf(sim: CloudSim, index = 0): { id: string; region: string } {
  const p = sim.defaults.projects[index]
  if (!p) throw new Error('no project')
  return p
}

export async function getJson(
  sim: CloudSim,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown; text: string; res: Response }> {
  const res = await sim.fetch(`${BASE}${path}`, {
    ...init,
    headers: { 'x-auth-token': token, ...(init.headers as Record<string, string> | undefined) },
  })
  const text = await res.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = undefined
  }
  return { status: res.status, body, text, res }
}

/**
 * An independent SDK-HMAC-SHA256 signer written from §1.3 (not sharing code with the verifier),
 * so the test proves the two agree on the documented algorithm.
 */
export function signedHeaders(
  method: string,
  url: string,
  ak: string,
  sk: string,
  body = '',
  date = new Date(),
  /** Further headers to send and sign (lower-case names), e.g. x-security-token, x-project-id. */
  extra: Record<string, string> = {},
): Record<string, string> {
  const u = new URL(url)
  const sdkDate = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const enc = (s: string): string =>
    encodeURIComponent(s).replace(
      /[!'()*]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
    )
  const path = u.pathname
    .split('/')
    .map((s) => enc(decodeURIComponent(s)))
    .join('/')
  const canonicalUri = path.endsWith('/') ? path : `${path}/`
  const query = [...u.searchParams]
    .map(([k, v]) => [enc(k), enc(v)])
    .sort((a, b) => (a[0] === b[0] ? (a[1]! < b[1]! ? -1 : 1) : a[0]! < b[0]! ? -1 : 1))
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: u.host,
    'x-sdk-date': sdkDate,
    ...extra,
  }
  const names = Object.keys(headers).sort()
  const canonical = [
    method,
    canonicalUri,
    query.map(([k, v]) => `${k}=${v}`).join('&'),
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n')
  const toSign = `SDK-HMAC-SHA256\n${sdkDate}\n${createHash('sha256').update(canonical).digest('hex')}`
  const signature = createHmac('sha256', sk).update(toSign).digest('hex')
  return {
    'content-type': 'application/json',
    'x-sdk-date': sdkDate,
    ...extra,
    authorization: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  }
}

import type { Hono } from 'hono'
import type { AppEnv } from '../lib/app-env.js'
import { TEST_ORIGIN } from './test-deps.js'

/** Headers a same-origin SPA request carries (passes the CSRF middleware). */
export const SAME_ORIGIN_HEADERS = {
  Origin: TEST_ORIGIN,
  'X-Ops-Console': '1',
  'Content-Type': 'application/json',
} as const

export interface SetCookie {
  name: string
  value: string
  attributes: string[]
}

export function parseSetCookies(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim())
    const eq = pair.indexOf('=')
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes }
  })
}

/** A tiny browser: remembers cookies between calls and sends the SPA's headers on writes. */
export function browser(app: Hono<AppEnv>) {
  const jar = new Map<string, string>()
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const remember = (res: Response) => {
    for (const c of parseSetCookies(res)) {
      if (c.value === '' || c.attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(c.name)
      else jar.set(c.name, c.value)
    }
    return res
  }
  return {
    jar,
    async get(path: string, headers: Record<string, string> = {}) {
      return remember(await app.request(path, { headers: { cookie: cookieHeader(), ...headers } }))
    },
    async post(path: string, body: unknown = {}, headers: Record<string, string> = {}) {
      return remember(
        await app.request(path, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { ...SAME_ORIGIN_HEADERS, cookie: cookieHeader(), ...headers },
        }),
      )
    },
    async login(username: string, password: string) {
      const res = await this.post('/api/auth/login', { username, password })
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
      return res
    },
  }
}

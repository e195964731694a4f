import { request } from 'undici'

export const BENCH_PASSWORD = 'bench-password-0123456789'

/** Headers of a same-origin SPA write (the BFF's CSRF check). */
export function writeHeaders(origin: string, cookie: string): Record<string, string> {
  return { origin, 'x-ops-console': '1', 'content-type': 'application/json', cookie }
}

/** Signs in and returns the `Cookie` header value of the session. */
export async function login(
  origin: string,
  username: string,
  password = BENCH_PASSWORD,
): Promise<string> {
  const res = await request(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: writeHeaders(origin, ''),
    body: JSON.stringify({ username, password }),
  })
  await res.body.dump()
  const setCookie = res.headers['set-cookie']
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []
  const session = lines
    .map((l) => l.split(';')[0] ?? '')
    .find((pair) => pair.includes('ops_session='))
  if (res.statusCode !== 200 || !session)
    throw new Error(`login of ${username} failed: ${res.statusCode}`)
  return session
}

/** GET returning parsed JSON (throws on non-2xx). */
export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await request(url, { headers })
  const text = await res.body.text()
  if (res.statusCode >= 300)
    throw new Error(`GET ${url} → ${res.statusCode}: ${text.slice(0, 200)}`)
  return JSON.parse(text) as T
}

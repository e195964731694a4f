import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

export const OIDC_CLIENT = { id: 'ops-console', secret: 'oidc-test-secret-1f2e' }

/** People the test IdP knows, with their groups claim. */
export const OIDC_ACCOUNTS: Record<string, { name: string; groups: string[]; username?: string }> =
  {
    alice: { name: 'Alice Admin', groups: ['staff', 'ops-admins'] },
    olga: { name: 'Olga Operator', groups: ['ops-operators'] },
    bob: { name: 'Bob Nobody', groups: ['staff'] },
    // Hostile claims: a display name and a username with a right-to-left override.
    mallory: { name: 'Mallory \u202enimda', groups: ['staff'] },
    trudy: { name: 'Trudy', groups: ['ops-admins'], username: 'admin\u202e' },
  }

/** A real oidc-provider on an ephemeral loopback port (dev interactions: any password works). */
export async function startOidcProvider(
  redirectUri: string,
): Promise<{ issuer: string; close(): Promise<void> }> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'groups'],
      email: ['email'],
    },
    // Put the scope's claims into the ID token (the BFF reads groups from it).
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const acct = OIDC_ACCOUNTS[sub]
      if (!acct) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          preferred_username: acct.username ?? sub,
          name: acct.name,
          groups: acct.groups,
          email: `${sub}@example.test`,
        }),
      }
    },
  })
  const handle = provider.callback()
  server.on('request', (req, res) => {
    void handle(req, res)
  })
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Plays the browser at the IdP: follows redirects, signs in as `login` and grants consent,
 * until the IdP redirects back to `redirectUri`. Returns that callback URL.
 */
export async function authorizeAtIdp(
  authUrl: string,
  login: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>()
  let url = authUrl
  let form: URLSearchParams | null = null
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    })
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';')
      const eq = pair.indexOf('=')
      jar.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    form = null
    const location = res.headers.get('location')
    if (location) {
      const next = new URL(location, url)
      if (next.href.startsWith(redirectUri)) return next
      url = next.href
      continue
    }
    const html = await res.text()
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1]
    if (res.status !== 200 || !prompt)
      throw new Error(`unexpected IdP page ${res.status}: ${html.slice(0, 300)}`)
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt })
  }
  throw new Error('too many redirects at the IdP')
}

import { request } from 'undici'

export interface SimUserCreds {
  domain: string
  name: string
  password: string
}

/** An IAM token scoped to `region` from the simulator (password flow, as the sim README shows). */
export async function simToken(
  simOrigin: string,
  user: SimUserCreds,
  region: string,
): Promise<string> {
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: { name: user.name, password: user.password, domain: { name: user.domain } },
        },
      },
      scope: { project: { name: region } },
    },
  }
  const res = await request(`${simOrigin}/iam/v3/auth/tokens?nocatalog=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: JSON.stringify(body),
  })
  await res.body.dump()
  const token = res.headers['x-subject-token']
  if (res.statusCode !== 201 || typeof token !== 'string')
    throw new Error(`sim token request failed: ${res.statusCode}`)
  return token
}

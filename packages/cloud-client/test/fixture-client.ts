import { readFileSync } from 'node:fs'
import { createCloudClient, type CloudClientOptions } from '../src/client.js'
import { CloudError } from '../src/errors.js'
import { fakeFetch, type RecordedCall } from './fake-fetch.js'

export const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9'

/** Raw text of test/fixtures/<service>/<name> (documented example bodies). */
export function fixture(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')
}

export interface Route {
  status?: number
  fixture?: string
  body?: string
  headers?: Record<string, string>
}

/**
 * A client (AK/SK credentials, default hosts) whose transport answers `METHOD /path` from `routes`
 * and 404s with a gateway "API does not exist" body otherwise.
 */
export function fixtureClient(
  routes: Record<string, Route>,
  options: Partial<CloudClientOptions> = {},
) {
  const fetch = fakeFetch((call: RecordedCall) => {
    const route = routes[`${call.method} ${new URL(call.url).pathname}`]
    if (!route) {
      return new Response(
        JSON.stringify({
          error_code: 'APIGW.0101',
          error_msg: 'The API does not exist or has not been published in the environment',
          request_id: 'gw',
        }),
        { status: 404 },
      )
    }
    const body = route.fixture ? fixture(route.fixture) : (route.body ?? '')
    return new Response(body === '' ? null : body, {
      status: route.status ?? 200,
      headers: { 'x-request-id': 'req-fixture', ...route.headers },
    })
  })
  const client = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: { type: 'aksk', ak: 'AKFIXTURE', sk: 'SKFIXTURE' },
    fetch,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    now: () => Date.parse('2026-01-01T00:00:00Z'),
    ...options,
  })
  return { client, fetch }
}

export async function cloudError(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof CloudError) return e
    throw e
  }
  throw new Error('expected a CloudError')
}

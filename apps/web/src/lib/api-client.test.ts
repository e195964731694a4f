import { WorkloadList } from '@ops-console/contracts'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from '../testing/server.js'
import { api, unwrap } from './api-client.js'
import { ApiError } from './api-error.js'
import { shouldRetry } from './query-client.js'

test('unwrap turns the error envelope into an ApiError with upstream details', async () => {
  server.use(
    http.get('http://localhost:3000/api/workloads', () =>
      HttpResponse.json(
        {
          error: {
            code: 'UPSTREAM_TIMEOUT',
            message: 'DLI timed out',
            requestId: 'r-1',
            upstream: { service: 'dli', cloudCode: 'DLI.0999', requestId: 'c-1' },
            retryAfterSeconds: 5,
          },
        },
        { status: 504 },
      ),
    ),
  )
  const err = await unwrap(api.get('/workloads'), WorkloadList).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({
    status: 504,
    code: 'UPSTREAM_TIMEOUT',
    message: 'DLI timed out',
    requestId: 'r-1',
    retryAfterSeconds: 5,
  })
  expect((err as ApiError).upstream).toEqual({
    service: 'dli',
    cloudCode: 'DLI.0999',
    requestId: 'c-1',
  })
})

test('a response that does not match the contract is reported, not rendered', async () => {
  server.use(
    http.get('http://localhost:3000/api/workloads', () => HttpResponse.json({ items: 'nope' })),
  )
  await expect(unwrap(api.get('/workloads'), WorkloadList)).rejects.toMatchObject({
    code: 'BAD_RESPONSE',
  })
})

test('a non-JSON error still becomes an ApiError with the status', async () => {
  server.use(
    http.get(
      'http://localhost:3000/api/audit',
      () => new HttpResponse('Bad gateway', { status: 502 }),
    ),
  )
  await expect(unwrap(api.get('/audit'))).rejects.toMatchObject({ status: 502, code: 'INTERNAL' })
})

test('network failures become ApiError NETWORK', async () => {
  server.use(http.get('http://localhost:3000/api/targets', () => HttpResponse.error()))
  await expect(unwrap(api.get('/targets'))).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
})

test('unsafe requests send JSON, the CSRF header and same-origin credentials', async () => {
  let seen: Request | undefined
  server.use(
    http.post('http://localhost:3000/api/auth/logout', ({ request }) => {
      seen = request
      return HttpResponse.json({ ok: true })
    }),
  )
  await unwrap(api.post('/auth/logout'))
  expect(seen?.headers.get('content-type')).toBe('application/json')
  expect(seen?.headers.get('x-ops-console')).toBe('1')
  expect(seen?.credentials).toBe('same-origin')
})

test('query params skip empty values', async () => {
  let url = ''
  server.use(
    http.get('http://localhost:3000/api/workloads', ({ request }) => {
      url = request.url
      return HttpResponse.json({ items: [], total: 0, sources: [] })
    }),
  )
  await unwrap(api.get('/workloads', { state: 'active', q: '', target: undefined, limit: 10 }))
  expect(new URL(url).search).toBe('?state=active&limit=10')
})

test('4xx errors are not retried; 5xx and network errors are, twice', () => {
  expect(shouldRetry(0, new ApiError(403, 'FORBIDDEN', 'no', 'r'))).toBe(false)
  expect(shouldRetry(0, new ApiError(503, 'UPSTREAM_UNAVAILABLE', 'down', 'r'))).toBe(true)
  expect(shouldRetry(1, new ApiError(0, 'NETWORK', 'offline', null))).toBe(true)
  expect(shouldRetry(2, new ApiError(0, 'NETWORK', 'offline', null))).toBe(false)
})

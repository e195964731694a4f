import { expect, test } from 'vitest'
import { Hono } from 'hono'
import { z } from 'zod'
import { ErrorEnvelope } from '@ops-console/contracts'
import { createApp } from '../app.js'
import { createTestContext } from '../testing/test-deps.js'
import { SAME_ORIGIN_HEADERS } from '../testing/test-http.js'
import type { AppEnv } from './app-env.js'
import { AppError, onError } from './errors.js'
import { requestContext } from './request-context.js'
import { validate } from './validate.js'

async function probeApp() {
  const ctx = await createTestContext()
  const app = new Hono<AppEnv>()
    .use(requestContext(ctx.deps))
    .get('/boom', () => {
      throw new Error('db password=hunter2 at /srv/secret.ts:12')
    })
    .get('/upstream', () => {
      throw new AppError('UPSTREAM_REJECTED', 'DLI refused the stop', {
        upstream: { service: 'dli', status: 409, cloudCode: 'DLI.0001' },
      })
    })
    .get('/limited', () => {
      throw new AppError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 7 })
    })
    .get('/valid', validate('query', z.object({ n: z.coerce.number().int().min(1) })), (c) =>
      c.json({ n: c.req.valid('query').n }, 200),
    )
  app.onError(onError)
  return { ctx, app }
}

test('unexpected errors become a 500 INTERNAL envelope without message details or stack, and are logged', async () => {
  const { ctx, app } = await probeApp()
  const res = await app.request('/boom')
  expect(res.status).toBe(500)
  const body = await res.json()
  expect(ErrorEnvelope.parse(body)).toEqual({
    error: {
      code: 'INTERNAL',
      message: 'internal error',
      requestId: res.headers.get('x-request-id'),
    },
  })
  expect(JSON.stringify(body)).not.toMatch(/hunter2|secret\.ts|at /)
  expect(ctx.logLines.some((l) => l.includes('"level":50') && l.includes('request failed'))).toBe(
    true,
  )
  await ctx.close()
})

test('AppErrors keep their code, status and extras; 4xx are not logged as errors', async () => {
  const { ctx, app } = await probeApp()
  const up = await app.request('/upstream')
  expect(up.status).toBe(502)
  expect(await up.json()).toMatchObject({
    error: { code: 'UPSTREAM_REJECTED', upstream: { service: 'dli', cloudCode: 'DLI.0001' } },
  })
  const limited = await app.request('/limited')
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).toBe('7')
  expect(await limited.json()).toMatchObject({
    error: { code: 'RATE_LIMITED', retryAfterSeconds: 7 },
  })
  expect(ctx.logLines.filter((l) => l.includes('request failed')).length).toBe(1) // only the 502
  await ctx.close()
})

test('validation failures use the envelope with VALIDATION_FAILED and per-field messages', async () => {
  const { ctx, app } = await probeApp()
  const res = await app.request('/valid?n=0')
  expect(res.status).toBe(400)
  const body = ErrorEnvelope.parse(await res.json())
  expect(body.error.code).toBe('VALIDATION_FAILED')
  expect(Object.keys(body.error.fields ?? {})).toEqual(['n'])
  expect((await app.request('/valid?n=3')).status).toBe(200)
  await ctx.close()
})

test('unknown routes, malformed JSON and oversized bodies get envelopes too', async () => {
  const ctx = await createTestContext()
  const app = createApp(ctx.deps)
  const missing = await app.request('/nope')
  expect(missing.status).toBe(404)
  expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  const bad = await app.request('/api/auth/login', {
    method: 'POST',
    body: '{"username":',
    headers: SAME_ORIGIN_HEADERS,
  })
  expect(bad.status).toBe(400)
  expect(ErrorEnvelope.parse(await bad.json()).error.code).toMatch(/BAD_REQUEST|VALIDATION_FAILED/)
  const big = await app.request('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username: 'x', password: 'y'.repeat(70_000) }),
    headers: SAME_ORIGIN_HEADERS,
  })
  expect(big.status).toBe(413)
  expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  await ctx.close()
})

test('security headers on every response, no-store on the API', async () => {
  const ctx = await createTestContext()
  const app = createApp(ctx.deps)
  const api = await app.request('/api/auth/me')
  expect(api.headers.get('content-security-policy')).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  )
  expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  expect(api.headers.get('x-content-type-options')).toBe('nosniff')
  expect(api.headers.get('referrer-policy')).toBe('no-referrer')
  expect(api.headers.get('cache-control')).toBe('no-store')
  const err = await app.request('/api//x')
  expect(err.headers.get('content-security-policy')).toContain("default-src 'self'")
  expect(err.headers.get('cache-control')).toBe('no-store')
  const live = await app.request('/livez')
  expect(live.headers.get('x-content-type-options')).toBe('nosniff')
  // Nothing is cached unless it says so itself (only the SPA's files do): probes neither.
  expect(live.headers.get('cache-control')).toBe('no-store')
  await ctx.close()
})

test('request ids are generated by the server, never taken from the client', async () => {
  const ctx = await createTestContext()
  const app = createApp(ctx.deps)
  const res = await app.request('/api/audit', { headers: { 'X-Request-Id': 'forged-id' } })
  const id = res.headers.get('x-request-id')
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  expect(await res.json()).toMatchObject({ error: { requestId: id } })
  await ctx.close()
})

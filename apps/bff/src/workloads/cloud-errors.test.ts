import { expect, test } from 'vitest'
import { CloudError } from '@ops-console/cloud-client'
import { describeUpstreamError, upstreamAppError } from './cloud-errors.js'

const err = (over: Partial<ConstructorParameters<typeof CloudError>[0]>) =>
  new CloudError({ service: 'dli', operation: 'stopJobs', kind: 'http', message: 'nope', ...over })

test('cloud 4xx is UPSTREAM_REJECTED with the cloud details; the mutation is a known failure', () => {
  expect(
    describeUpstreamError(err({ status: 400, code: 'DLI.15002', requestId: 'r-1' })),
  ).toMatchObject({
    code: 'UPSTREAM_REJECTED',
    outcome: 'failure',
    httpStatus: 400,
    cloudCode: 'DLI.15002',
    requestId: 'r-1',
    upstream: {
      service: 'dli',
      status: 400,
      cloudCode: 'DLI.15002',
      cloudMessage: 'nope',
      requestId: 'r-1',
    },
  })
})

test('5xx and network errors are UPSTREAM_UNAVAILABLE; only a cloud answer makes the outcome a failure', () => {
  expect(describeUpstreamError(err({ status: 503 }))).toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    outcome: 'failure',
  })
  expect(describeUpstreamError(err({ kind: 'network' }))).toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    outcome: 'unknown',
  })
})

test('timeouts are UPSTREAM_TIMEOUT with an unknown outcome; unreadable answers are UPSTREAM_ERROR, unknown', () => {
  expect(describeUpstreamError(err({ kind: 'timeout' }))).toMatchObject({
    code: 'UPSTREAM_TIMEOUT',
    outcome: 'unknown',
  })
  expect(describeUpstreamError(err({ kind: 'parse', status: 200 }))).toMatchObject({
    code: 'UPSTREAM_ERROR',
    outcome: 'unknown',
  })
  expect(describeUpstreamError(new Error('boom'))).toMatchObject({
    code: 'UPSTREAM_ERROR',
    outcome: 'unknown',
  })
})

test('throttling is transient: UPSTREAM_UNAVAILABLE with Retry-After carried to the envelope', () => {
  const e = upstreamAppError(err({ status: 429, code: 'APIGW.0308', retryAfterMs: 2500 }))
  expect(e).toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    status: 503,
    extra: { retryAfterSeconds: 3 },
  })
})

test('calls the client held back (open circuit, full bulkhead) are unavailable and certainly not sent', () => {
  for (const kind of ['circuit-open', 'bulkhead-full'] as const) {
    expect(describeUpstreamError(err({ kind, retryAfterMs: 1000 }))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      outcome: 'failure',
      retryAfterMs: 1000,
    })
  }
  expect(describeUpstreamError(err({ kind: 'config' }))).toMatchObject({ outcome: 'failure' })
})

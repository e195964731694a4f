import { expect, test } from 'vitest'
import { CloudError } from '../../src/errors.js'
import { cloudError, fixtureClient } from '../fixture-client.js'
import { OPERATIONS } from './operations.js'

const SUBJECT_TOKEN = { 'X-Subject-Token': 'subject-token' }

test('the manifest covers every client operation of cloud-api.md once', () => {
  const names = OPERATIONS.map((o) => `${o.api}.${o.operation}`)
  expect(new Set(names).size).toBe(names.length)
  expect(OPERATIONS).toHaveLength(40)
})

test.each(OPERATIONS.map((o) => [`${o.api} ${o.operation}`, o] as const))(
  '%s: the documented success answer parses',
  async (_name, op) => {
    const { client, fetch } = fixtureClient(
      { [op.route]: { status: op.ok.status, fixture: op.ok.fixture, headers: SUBJECT_TOKEN } },
      op.options,
    )
    const res = await op.call(client)
    expect(res.status).toBe(op.ok.status)
    expect(res.warnings).toBeUndefined()
    if (op.ok.expected === null) expect(res.data).toBeNull()
    else expect(res.data).toMatchObject(op.ok.expected as object)
    expect(fetch.calls).toHaveLength(1)
  },
)

test.each(OPERATIONS.map((o) => [`${o.api} ${o.operation}`, o] as const))(
  '%s: the documented error answer is a CloudError with the cloud code',
  async (_name, op) => {
    const { client, fetch } = fixtureClient(
      { [op.route]: { status: op.error.status, fixture: op.error.fixture } },
      op.options,
    )
    const error = await cloudError(op.call(client))
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ kind: 'http', status: op.error.status, code: op.error.code })
    expect(error.message.length).toBeGreaterThan(0)
    // Mutations are never resent; reads are not retried on a 4xx either.
    expect(fetch.calls).toHaveLength(1)
  },
)

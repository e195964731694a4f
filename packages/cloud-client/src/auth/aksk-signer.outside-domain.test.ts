import { createRequire } from 'node:module'
import { expect, test } from 'vitest'
import { cloudError } from '../../test/fixture-client.js'
import { simSetup } from '../../test/sim/sim-harness.js'

/*
 * Inputs outside the SDK-equal domain (docs/decisions/007c-signer-domain.md): the client signs
 * the request exactly as it goes on the wire, so a gateway that verifies what it receives — the
 * simulator's independent verifier here — accepts it, while the SDK's signature for the same
 * input differs (it signs its own, different, rendering of the request).
 */
interface SdkRequest {
  method: string
  endpoint: string
  headers: Record<string, string>
  queryParams: Record<string, string>
}
const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: {
    sign(r: SdkRequest, c: { getAk(): string; getSk(): string }): Record<string, string>
  }
}

function capture() {
  const setup = simSetup('aksk')
  const sent: { url: string; headers: Headers }[] = []
  const { client, sim } = simSetup(
    'aksk',
    {
      fetch: (input, init) => {
        sent.push({ url: input, headers: new Headers(init.headers) })
        return setup.sim.fetch(input, init)
      },
    },
    setup.sim,
  )
  return { client, sim, sent }
}

test.each([
  ['a space and quotes', 'daily "etl" job'],
  ['braces, pipe, caret, backtick, backslash', 'a{b}|c^d`e\\f'],
  ['a slash inside one segment', 'team/etl'],
])(
  'a path parameter with %s: sent percent-encoded as one segment, accepted by the gateway',
  async (_what, name) => {
    const { client, sent } = capture()
    const error = await cloudError(client.dataarts.getJob(name))
    // Past the gateway: the job is unknown (DLF.0100), the signature was fine (no APIGW.0301).
    expect(error).toMatchObject({ status: 400, code: 'DLF.0100' })
    const url = new URL(sent[0]!.url)
    expect(decodeURIComponent(url.pathname.split('/').at(-1)!)).toBe(name)
    const sdk = AKSKSigner.sign(
      {
        method: 'GET',
        endpoint: `${url.origin}${url.pathname.split('/').slice(0, -1).join('/')}/${name}`,
        headers: Object.fromEntries([...sent[0]!.headers].filter(([k]) => k !== 'authorization')),
        queryParams: {},
      },
      { getAk: () => 'ak', getSk: () => 'sk' },
    )
    expect(sdk.Authorization).not.toBe(sent[0]!.headers.get('authorization'))
  },
)

test('a header value with surrounding spaces is signed trimmed, as fetch sends it', async () => {
  const setup = simSetup('aksk')
  const { client } = simSetup(
    'aksk',
    { workspace: `  ${setup.sim.defaults.workspaceId}  ` },
    setup.sim,
  )
  const { status } = await client.dataarts.listJobs({ jobType: 'BATCH', limit: 1 })
  expect(status).toBe(200)
})

test('an override with an explicit default port is signed for the host that is sent', async () => {
  const setup = simSetup('aksk')
  const sim = 'http://127.0.0.1:4010'
  const endpoints = {
    iam: `${sim}/iam`,
    dataarts: `${sim}/dataarts`,
    codearts: `${sim}/codearts`,
    dli: 'http://127.0.0.1:80/dli',
    modelarts: `${sim}/modelarts`,
  }
  const { client } = simSetup('aksk', { endpoints }, setup.sim)
  // WHATWG URL drops the default port; the Host sent is `127.0.0.1`, and so is the one signed
  // (the SDK would sign `127.0.0.1:80` for this endpoint string).
  expect(client.endpoints.dli).toBe('http://127.0.0.1/dli')
  const { status } = await client.dli.listJobs({ limit: 1 })
  expect(status).toBe(200)
})

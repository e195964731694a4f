import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { z } from 'zod'
import * as C from '@ops-console/contracts'
import { createAttackContext, type AttackContext } from './attack-context.js'
import { printCanaryFigures } from './canaries.js'

// Repeatable in CI: a fixed seed unless FUZZ_SEED asks for another one (printed with the figures).
const SEED = Number(process.env.FUZZ_SEED ?? 20261125)
fc.configureGlobal({ seed: SEED })

let x: AttackContext
const tally = { inputs: 0, rejected: 0, forwarded: 0, serverErrors: 0 }

beforeAll(async () => {
  x = await createAttackContext()
})
afterAll(async () => {
  await x.h.close()
  console.log(
    `fuzz (fast-check, seed ${SEED}): ${tally.inputs} generated inputs, ${tally.rejected} rejected, ${tally.forwarded} forwarded upstream for rejected ones, ${tally.serverErrors} 5xx`,
  )
  printCanaryFigures('fuzz')
})

// Strings a path or body parameter may be fuzzed with: any code points, plus hostile fragments.
const HOSTILE = [
  '..',
  '.',
  '%2e',
  '%2f',
  '%252f',
  '/',
  '\\',
  ':',
  '\u0000',
  '\r\n',
  '\u200b',
  '\u202e',
  'о',
  '__proto__',
  '9007199254740993',
  ' ',
  '%',
  '?',
  '#',
  ';',
]
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...HOSTILE, 'a', '1', '-'), { maxLength: 8 }).map((a) => a.join('')),
)

/**
 * Sends one generated request and checks the invariants: never a 5xx; a refusal (4xx) has sent
 * nothing upstream (reads allowed only when `readsOk`); no stop or delete is ever sent.
 */
async function probe(
  send: () => Promise<Response>,
  opts: { valid: boolean; readsOk?: boolean; accepted?: number[]; mayMutate?: boolean },
) {
  const reads = x.h.upstream().length
  const mutations = x.h.mutations().length
  const res = await send()
  await res.text()
  await x.h.services.workloads?.idle()
  tally.inputs++
  const readDelta = x.h.upstream().length - reads
  const mutationDelta = x.h.mutations().length - mutations
  if (res.status >= 500) tally.serverErrors++
  if (res.status >= 400) tally.rejected++
  if (res.status >= 400 && (mutationDelta > 0 || (readDelta > 0 && !opts.readsOk)))
    tally.forwarded++
  expect(res.status).toBeLessThan(500)
  if (!opts.valid) {
    expect([400, 404]).toContain(res.status)
    expect(readDelta).toBe(0)
  } else if (opts.accepted) {
    expect(opts.accepted).toContain(res.status)
  }
  // Only an accepted, valid request may act on the cloud (a script run); no fuzzed stop or delete ever does.
  if (!(opts.mayMutate && opts.valid && res.status === 200)) expect(mutationDelta).toBe(0)
}

const ok = (schema: z.ZodType, v: unknown) => schema.safeParse(v).success
const seg = encodeURIComponent
const RUNS = { numRuns: 60 }

test('path parameters of the workload routes (kind, target, id) under any text', async () => {
  const kind = fc.oneof(fc.constantFrom(...C.WORKLOAD_KINDS), anyText)
  const target = fc.oneof(fc.constant('cn-north-4'), anyText)
  // Near-misses of each kind's id format too (leading zeros, 31/33 characters, build numbers past 2^31-1).
  const id = fc.oneof(
    fc.stringMatching(/^\d{1,20}$/),
    fc
      .tuple(fc.stringMatching(/^[0-9a-zA-Z]{30,34}$/), fc.stringMatching(/^\d{1,11}$/))
      .map(([job, build]) => `${job}:${build}`),
    anyText,
  )
  const action = fc.constantFrom('', '/stop', '/delete')
  await fc.assert(
    fc.asyncProperty(kind, target, id, action, async (k, t, i, a) => {
      const path = `/api/workloads/${seg(k)}/${seg(t)}/${seg(i)}${a}`
      // The per-kind format (contracts' parseWorkloadId) decides; anything else must not reach the cloud.
      const valid = ok(C.WorkloadRefParams, { kind: k, target: t, id: i })
      const headers = a === '/delete' ? x.as.admin : x.as.operator
      const body = JSON.stringify(
        a === '/delete' ? { reason: 'fuzzing', confirmName: 'x' } : { reason: 'fuzzing' },
      )
      await probe(() => x.send(path, a ? { method: 'POST', headers, body } : { headers }), {
        valid,
        readsOk: true,
        accepted: [200, 400, 404, 409],
      })
    }),
    RUNS,
  )
}, 30_000)

test('path parameters of script execute (target, scriptName) under any text', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.constant(x.target), anyText), anyText, async (t, s) => {
      const valid = ok(C.TargetParam, t) && /^[A-Za-z0-9_-]{1,128}$/.test(s)
      // A valid-looking but unknown script is refused by the cloud; only invalid shapes are asserted here.
      if (valid) return
      await probe(
        () =>
          x.json(`/api/scripts/${seg(t)}/${seg(s)}/execute`, { reason: 'fuzzing' }, x.as.operator),
        { valid },
      )
    }),
    RUNS,
  )
}, 30_000)

test('query parameters of the list and audit routes', async () => {
  const key = fc.oneof(
    fc.constantFrom(
      'state',
      'target',
      'q',
      'sort',
      'offset',
      'limit',
      'actor',
      'kind',
      'action',
      'outcome',
      'from',
      'to',
      'cursor',
    ),
    anyText,
  )
  const query = fc.array(fc.tuple(key, anyText), { maxLength: 4 })
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(
        '/api/workloads',
        '/api/workloads/dli-flink-job',
        '/api/audit',
        '/api/scripts',
      ),
      query,
      async (route, pairs) => {
        const qs = pairs.map(([k, v]) => `${seg(k)}=${seg(v)}`).join('&')
        // A parameter with an empty name is dropped by the server's query parser, as by URLSearchParams consumers.
        const params = Object.fromEntries(pairs.filter(([k]) => k !== ''))
        const schema =
          route === '/api/audit'
            ? C.AuditQuery
            : route === '/api/scripts'
              ? C.ScriptListQuery
              : C.ListQuery
        // A repeated parameter the schema knows arrives as an array (refused); unknown ones are ignored or refused by the schema itself.
        const known = pairs.map(([k]) => k).filter((k) => k !== '' && k in schema.shape)
        const valid = new Set(known).size === known.length && ok(schema, params)
        await probe(() => x.send(`${route}?${qs}`, { headers: x.as.viewer }), {
          valid,
          readsOk: true,
          accepted: valid ? [200, 400] : [400],
        })
      },
    ),
    RUNS,
  )
}, 30_000)

/** Arbitrary JSON, and valid bodies with one member replaced by anything. */
function bodies(valid: Record<string, unknown>) {
  const mutated = fc
    .tuple(fc.constantFrom(...Object.keys(valid), '__proto__', 'extra'), fc.jsonValue())
    .map(([k, v]) => JSON.stringify({ ...valid, [k]: v }))
  return fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    mutated,
    fc.string({ unit: 'binary', maxLength: 60 }),
  )
}

test('body parameters of every mutating route under arbitrary JSON', async () => {
  const spa = () => ({
    Origin: 'https://ops.example.test',
    'X-Ops-Console': '1',
    'Content-Type': 'application/json',
  })
  const routes: {
    path: () => string
    schema: z.ZodType
    valid: Record<string, unknown>
    headers: () => Record<string, string>
    accepted: number[]
    mayMutate?: boolean
    runs?: number
  }[] = [
    {
      path: () => '/api/auth/login',
      schema: C.LoginBody,
      valid: { username: 'nobody', password: 'wrong password' },
      headers: spa,
      accepted: [401, 429],
      runs: 15,
    },
    {
      path: () => `/api/scripts/${x.target}/${x.script}/execute`,
      schema: C.ExecuteScriptBody,
      valid: { reason: 'fuzzing', params: {} },
      headers: () => x.as.operator,
      accepted: [200],
      mayMutate: true,
    },
    {
      path: () => `/api/workloads/dli-flink-job/${x.target}/${x.stopped.id}/stop`,
      schema: C.StopBody,
      valid: { reason: 'fuzzing' },
      headers: () => x.as.operator,
      accepted: [409],
    },
    {
      path: () => `/api/workloads/dli-flink-job/${x.target}/${x.w.id}/delete`,
      schema: C.DeleteBody,
      valid: { reason: 'fuzzing', confirmName: 'x' },
      headers: () => x.as.admin,
      accepted: [409],
    },
    {
      path: () => '/api/workloads/bulk/stop',
      schema: C.BulkStopBody,
      valid: {
        reason: 'fuzzing',
        items: [{ kind: 'dli-flink-job', target: x.target, id: x.stopped.id }],
      },
      headers: () => x.as.operator,
      accepted: [200],
    },
    {
      path: () => '/api/workloads/bulk/delete',
      schema: C.BulkDeleteBody,
      valid: {
        reason: 'fuzzing',
        items: [{ kind: 'dli-flink-job', target: x.target, id: x.w.id, confirmName: 'x' }],
      },
      headers: () => x.as.admin,
      accepted: [200],
    },
    {
      path: () => '/api/scripts/instances',
      schema: C.RegisterScriptInstanceBody,
      valid: { target: x.target, scriptName: x.script, instanceId: 'no-such-instance' },
      headers: () => x.as.operator,
      accepted: [200, 404],
    },
    {
      path: () => '/api/auth/password',
      schema: C.ChangePasswordBody,
      valid: { currentPassword: 'wrong password 1', newPassword: 'another long password 2' },
      headers: () => x.as.viewer,
      accepted: [400, 401, 429],
    },
  ]
  for (const r of routes) {
    await fc.assert(
      fc.asyncProperty(bodies(r.valid), async (raw) => {
        let parsed: unknown = Symbol('unparsable')
        try {
          parsed = JSON.parse(raw)
        } catch {
          // stays unparsable: must be refused
        }
        const valid = ok(r.schema, parsed)
        await probe(() => x.send(r.path(), { method: 'POST', headers: r.headers(), body: raw }), {
          valid,
          readsOk: true,
          accepted: r.accepted,
          ...(r.mayMutate ? { mayMutate: true } : {}),
        })
      }),
      { numRuns: r.runs ?? 40 },
    )
  }
}, 60_000)

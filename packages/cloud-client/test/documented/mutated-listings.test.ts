import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseJson, stringifyJson, type JsonValue } from '@ops-console/lossless-json'
import type { CloudClient } from '../../src/client.js'
import type { CloudResult } from '../../src/types.js'
import { fixture, fixtureClient, PROJECT } from '../fixture-client.js'
import { JOB } from './operations.js'

type Json = { [key: string]: JsonValue }

/** A documented listing: where its items live, which field identifies them, which fields are strict. */
interface Listing {
  name: string
  fixture: string
  route: string
  items: string[]
  id: string
  strict: string[]
  call: (c: CloudClient) => Promise<CloudResult<unknown>>
  /** The returned items, whatever the envelope. */
  returned: (data: unknown) => Json[]
  /** Distinct id for the i-th copy of the documented item. */
  idFor: (i: number) => string | number
}

const at = (o: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o)

const LISTINGS: Listing[] = [
  {
    name: 'dataarts listJobs',
    fixture: 'dataarts/listJobs.json',
    route: `GET /v1/${PROJECT}/jobs`,
    items: ['jobs'],
    id: 'name',
    strict: ['name', 'status'],
    call: (c) => c.dataarts.listJobs({ jobType: 'BATCH' }),
    returned: (d) => at(d, ['jobs']) as Json[],
    idFor: (i) => `job_${i}`,
  },
  {
    name: 'dataarts listJobInstances',
    fixture: 'dataarts/listJobInstances.json',
    route: `GET /v1/${PROJECT}/jobs/instances/detail`,
    items: ['instances'],
    id: 'instanceId',
    strict: ['instanceId', 'status'],
    call: (c) => c.dataarts.listJobInstances(),
    returned: (d) => at(d, ['instances']) as Json[],
    idFor: (i) => 34760 + i,
  },
  {
    name: 'dataarts listScripts',
    fixture: 'dataarts/listScripts.json',
    route: `GET /v1/${PROJECT}/scripts`,
    items: ['scripts'],
    id: 'name',
    strict: ['name'],
    call: (c) => c.dataarts.listScripts(),
    returned: (d) => at(d, ['scripts']) as Json[],
    idFor: (i) => `script_${i}`,
  },
  {
    name: 'codearts listProjectJobs',
    fixture: 'codearts/listProjectJobs.json',
    route: 'GET /v3/cp1/jobs',
    items: ['jobs'],
    id: 'id',
    strict: ['id'],
    call: (c) => c.codearts.listProjectJobs('cp1'),
    returned: (d) => at(d, ['jobs']) as Json[],
    idFor: (i) => `${JOB.slice(0, 31)}${i}`,
  },
  {
    name: 'codearts getHistory',
    fixture: 'codearts/getHistory.json',
    route: `GET /v3/jobs/${JOB}/history`,
    items: ['history_records'],
    id: 'build_number',
    strict: ['build_number'],
    call: (c) => c.codearts.getHistory(JOB),
    returned: (d) => at(d, ['history_records']) as Json[],
    idFor: (i) => i + 1,
  },
  {
    name: 'dli listJobs',
    fixture: 'dli/listJobs.json',
    route: `GET /v1.0/${PROJECT}/streaming/jobs`,
    items: ['job_list', 'jobs'],
    id: 'job_id',
    strict: ['job_id', 'status'],
    call: (c) => c.dli.listJobs(),
    returned: (d) => at(d, ['job_list', 'jobs']) as Json[],
    idFor: (i) => 146 + i,
  },
  {
    name: 'modelarts listTasks',
    fixture: 'modelarts/listTasks.json',
    route: `GET /v2/${PROJECT}/processor-tasks`,
    items: ['tasks'],
    id: 'task_id',
    strict: ['task_id', 'status'],
    call: (c) => c.modelarts.listTasks(),
    returned: (d) => at(d, ['tasks']) as Json[],
    idFor: (i) => `task${i}`,
  },
  {
    name: 'modelarts listVersions',
    fixture: 'modelarts/listVersions.json',
    route: `GET /v2/${PROJECT}/processor-tasks/t1/versions`,
    items: ['versions'],
    id: 'task_version_id',
    strict: ['task_version_id', 'status'],
    call: (c) => c.modelarts.listVersions('t1'),
    returned: (d) => at(d, ['versions']) as Json[],
    idFor: (i) => `version${i}`,
  },
  {
    name: 'iam listProjects',
    fixture: 'iam/listProjects.json',
    route: 'GET /v3/projects',
    items: ['projects'],
    id: 'id',
    strict: ['id', 'name'],
    call: (c) => c.iam.listProjects(),
    returned: (d) => at(d, ['projects']) as Json[],
    idFor: (i) => `${PROJECT.slice(0, 31)}${i}`,
  },
]

const COPIES = 5
/** Any JSON a misbehaving service might put in a field, plus "field missing" (undefined). */
const oddValue: fc.Arbitrary<JsonValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -1,
    1.5,
    2 ** 53 + 2,
    1e21,
    '',
    '2020-12-30T17:33:27+08:00',
    '1699000000',
    'n/a',
  ),
  fc.string({ maxLength: 12 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
)

/** The documented page with COPIES items (distinct ids), item `victim` having `field` set to `value`. */
function page(
  listing: Listing,
  victim: number,
  field: string,
  value: JsonValue | undefined,
): string {
  const doc = parseJson(fixture(listing.fixture), { tolerateTrailingCommas: true }) as Json
  const template = (at(doc, listing.items) as Json[])[0] as Json
  const items = Array.from({ length: COPIES }, (_, i): Json => {
    const item: Json = { ...template, [listing.id]: listing.idFor(i) }
    if (i !== victim) return item
    if (value === undefined) delete item[field]
    else item[field] = value
    return item
  })
  const parent = listing.items.slice(0, -1).reduce<Json>((o, k) => o[k] as Json, doc)
  parent[listing.items.at(-1) as string] = items
  return stringifyJson(doc)
}

test.each(LISTINGS.map((l) => [l.name, l] as const))(
  '%s: one mutated field never fails the page; the other items always come back',
  async (_name, listing) => {
    const doc = parseJson(fixture(listing.fixture), { tolerateTrailingCommas: true }) as Json
    const fields = Object.keys((at(doc, listing.items) as Json[])[0] as Json)
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: COPIES - 1 }),
        fc.constantFrom(...fields),
        oddValue,
        async (victim, field, value) => {
          const body = page(listing, victim, field, value)
          const { client } = fixtureClient({ [listing.route]: { body } })
          const res = await listing.call(client)
          const ids = listing
            .returned(res.data)
            .map((item) => String(item[listing.id] as string | number))
          const others = Array.from({ length: COPIES }, (_, i) => i)
            .filter((i) => i !== victim)
            .map((i) => String(listing.idFor(i)))
          for (const id of others) expect(ids).toContain(id)
          const dropped = COPIES - ids.length
          expect(dropped === 0 || dropped === 1).toBe(true)
          // A tolerant field never costs the item; only the strict ones can.
          if (!listing.strict.includes(field)) expect(dropped).toBe(0)
          const warned = (res.warnings ?? []).filter((w) => w.code === 'item-dropped')
          expect(warned.reduce((n, w) => n + w.count, 0)).toBe(dropped)
          if (dropped) expect(warned[0]?.detail).toContain(field)
        },
      ),
      { seed: 7200, numRuns: 150 },
    )
  },
)

test('an unreadable id and an unreadable status cost their two items, reported with their reasons', async () => {
  const dli = LISTINGS.find((l) => l.name === 'dli listJobs') as Listing
  const doc = JSON.parse(page(dli, 1, 'job_id', null)) as Json
  const jobs = at(doc, ['job_list', 'jobs']) as Json[]
  ;(jobs[3] as Json).status = 42
  ;(doc.job_list as Json).total_count = COPIES
  const { client } = fixtureClient({ [dli.route]: { body: JSON.stringify(doc) } })
  const { data, warnings } = await client.dli.listAllJobs()
  expect(data.items.map((j) => j.job_id)).toEqual([0, 2, 4].map((i) => String(146 + i)))
  expect(warnings).toEqual([
    expect.objectContaining({
      code: 'item-dropped',
      count: 1,
      detail: expect.stringContaining('job_id') as string,
    }),
    expect.objectContaining({
      code: 'item-dropped',
      count: 1,
      detail: expect.stringContaining('status') as string,
    }),
  ])
})

import fc from 'fast-check'
import { expect, test } from 'vitest'
import type { CloudResult } from '../types.js'
import { collectPages, type PageOf, type PageRequest, type PagingScheme } from './collect-pages.js'

interface Item {
  id: string
}

/** How a simulated service reads the paging parameters and what total it reports. */
interface ServerModel {
  n: number
  /** Most items the service puts on a page, whatever limit was asked. */
  cap: number
  reading: 'records' | 'pages0' | 'pages1-alias' | 'pages1-empty'
  total: 'exact' | 'none' | 'high' | 'low'
}

const LIMIT = 10
const all = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }))

function server(model: ServerModel) {
  const items = all(model.n)
  const requests: PageRequest[] = []
  const fetchPage = (req: PageRequest): Promise<CloudResult<PageOf<Item>>> => {
    requests.push(req)
    const size = Math.min(req.limit, model.cap)
    const start = {
      records: req.offset,
      pages0: req.offset * size,
      'pages1-alias': Math.max(0, req.offset - 1) * size,
      'pages1-empty': req.offset === 0 ? Infinity : (req.offset - 1) * size,
    }[model.reading]
    const total = { exact: model.n, none: null, high: model.n + 7, low: Math.max(0, model.n - 3) }[
      model.total
    ]
    const page = items.slice(start, start + size)
    return Promise.resolve({
      data: { items: page, total },
      status: 200,
      requestId: null,
      durationMs: 0,
    })
  }
  return { fetchPage, requests }
}

const run = (
  scheme: PagingScheme,
  fetchPage: (r: PageRequest) => Promise<CloudResult<PageOf<Item>>>,
  maxPages = 200,
) =>
  collectPages<Item>({
    service: 'dli',
    operation: 'listJobs',
    scheme,
    limit: LIMIT,
    key: (i) => i.id,
    fetchPage,
    maxPages,
  })

const modelArb = fc.record({
  n: fc.integer({ min: 0, max: 95 }),
  cap: fc.oneof(fc.constant(LIMIT), fc.integer({ min: 1, max: LIMIT })),
  reading: fc.constantFrom('records', 'pages0', 'pages1-alias', 'pages1-empty'),
  total: fc.constantFrom('exact', 'none', 'high', 'low'),
}) as fc.Arbitrary<ServerModel>

/** The schemes meant for a reading: records for records, pages for any page base, and the ambiguous one for both. */
function schemesFor(reading: ServerModel['reading']): PagingScheme[] {
  if (reading === 'records') return ['records', 'records-or-pages']
  if (reading === 'pages0') return ['pages', 'records-or-pages']
  return ['pages']
}

test('every honest page sequence is read completely, once, in order, whatever the page base', async () => {
  await fc.assert(
    fc.asyncProperty(modelArb, async (model) => {
      // Without a total, a service that silently pages fewer than asked is indistinguishable from the end.
      fc.pre(!(model.total === 'none' && model.cap < LIMIT))
      for (const scheme of schemesFor(model.reading)) {
        // A page-index service with pages smaller than asked cannot be told from a record walk;
        // the limits sent are the documented maxima, so such a service would break its own docs.
        if (scheme === 'records-or-pages' && model.reading === 'pages0' && model.cap < LIMIT)
          continue
        const { fetchPage, requests } = server(model)
        const { data, warnings = [] } = await run(scheme, fetchPage)
        if (model.total === 'low') {
          // Stopping on the reported total is the documented contract: a prefix, at least that long.
          expect(data.items).toEqual(all(model.n).slice(0, data.items.length))
          expect(data.items.length).toBeGreaterThanOrEqual(model.n - 3)
        } else expect(data.items).toEqual(all(model.n))
        expect(new Set(data.items.map((i) => i.id)).size).toBe(data.items.length)
        // Terminates near the ideal page count: the pages needed, base probes, the closing empty
        // page, and at most two windows planned past the end (4 requests each).
        expect(requests.length).toBeLessThanOrEqual(Math.ceil(model.n / model.cap) + 12)
        const incomplete = warnings.some((w) => w.code === 'paging-incomplete')
        expect(incomplete).toBe(model.total === 'high')
      }
    }),
    { seed: 7101, numRuns: 400 },
  )
})

test('hostile page sequences always terminate, never duplicate, and flag a shortfall against the total', async () => {
  const universe = 40
  const pageArb = fc.array(fc.integer({ min: 0, max: universe - 1 }), { maxLength: LIMIT })
  await fc.assert(
    fc.asyncProperty(
      fc.array(pageArb, { minLength: 1, maxLength: 30 }),
      fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      fc.constantFrom<PagingScheme>('records', 'pages', 'records-or-pages'),
      async (pages, total, scheme) => {
        let calls = 0
        const fetchPage = () => {
          // Any request gets the next scripted page; past the script, the last one forever.
          const ids = pages[Math.min(calls++, pages.length - 1)] ?? []
          const items = ids.map((i) => ({ id: `k${i}` }))
          return Promise.resolve({
            data: { items, total },
            status: 200,
            requestId: null,
            durationMs: 0,
          })
        }
        const { data, warnings = [] } = await run(scheme, fetchPage)
        // Every page but the last must bring something new, so the universe bounds the pages read.
        expect(calls).toBeLessThanOrEqual(universe + 10)
        expect(new Set(data.items.map((i) => i.id)).size).toBe(data.items.length)
        if (total !== null && data.items.length < total)
          expect(warnings.map((w) => w.code)).toContain('paging-incomplete')
      },
    ),
    { seed: 7102, numRuns: 400 },
  )
})

test('a page repeated forever stops the listing after one repeat and says so', async () => {
  const repeated = { items: all(LIMIT), total: null }
  let calls = 0
  const { data, warnings } = await run('records', () => {
    calls++
    return Promise.resolve({ data: repeated, status: 200, requestId: 'r', durationMs: 0 })
  })
  expect(data.items).toHaveLength(LIMIT)
  expect(calls).toBe(2)
  expect(warnings).toEqual([
    expect.objectContaining({ code: 'page-repeated', service: 'dli', operation: 'listJobs' }),
  ])
})

test('once the total is known, pages are requested four at a time, realigned to a lower server cap', async () => {
  const { fetchPage, requests } = server({ n: 95, cap: 7, reading: 'records', total: 'exact' })
  const { data } = await run('records', fetchPage)
  expect(data.items).toEqual(all(95))
  // The first page came back short (7 of 10) with 95 reported: the window plans 7-record strides.
  expect(requests.slice(0, 5).map((r) => r.offset)).toEqual([0, 7, 14, 21, 28])
  expect(requests).toHaveLength(Math.ceil(95 / 7))
})

test('the page cap ends a listing that never ends, with a page-limit warning', async () => {
  let calls = 0
  const { warnings, data } = await run(
    'pages',
    (req) => {
      calls++
      const items = Array.from({ length: LIMIT }, (_, i) => ({ id: `${req.offset}-${i}` }))
      return Promise.resolve({
        data: { items, total: null },
        status: 200,
        requestId: null,
        durationMs: 0,
      })
    },
    60,
  )
  expect(calls).toBe(60)
  expect(data.pages).toBe(60)
  expect(warnings?.map((w) => w.code)).toEqual(['page-limit'])
})

test('a failing page fails the listing with the cloud error', async () => {
  const boom = new Error('page 2 failed')
  await expect(
    run('pages', (req) =>
      req.offset === 0
        ? Promise.resolve({
            data: { items: all(LIMIT), total: 30 },
            status: 200,
            requestId: null,
            durationMs: 0,
          })
        : Promise.reject(boom),
    ),
  ).rejects.toBe(boom)
})

import type { Workload } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { makeSource, makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { ActionWatchProvider } from '../hooks/action-watch.js'
import { WorkloadsPage } from './workloads-page.js'

const BASE = 'http://localhost:3000/api'

function serveList(getItems: () => Workload[], seen: URL[] = []) {
  const list = ({ request }: { request: Request }) => {
    seen.push(new URL(request.url))
    const items = getItems()
    return HttpResponse.json({
      items,
      total: items.length,
      sources: [makeSource({ count: items.length })],
    })
  }
  server.use(
    http.get(`${BASE}/targets`, () =>
      HttpResponse.json({
        targets: [{ name: 'prod-eu', region: 'eu-west-101', kinds: ['dli-flink-job'] }],
        demoMode: true,
      }),
    ),
    http.get(`${BASE}/workloads`, list),
    http.get(`${BASE}/workloads/:kind`, list),
  )
}

test('10,000 rows render as a window of the list, not all at once', async () => {
  const many = Array.from({ length: 10_000 }, (_, i) =>
    makeWorkload({ id: `j${i}`, name: `job-${i}` }),
  )
  serveList(() => many)
  renderWithProviders(
    <WorkloadsPage scope="all" search={{ state: 'active' }} onSearchChange={() => undefined} />,
  )
  expect(await screen.findByText('10,000 workloads')).toBeInTheDocument()
  const rows = screen.getAllByRole('row')
  expect(rows.length).toBeGreaterThan(5)
  expect(rows.length).toBeLessThan(100)
  expect(screen.getByRole('button', { name: 'job-0' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'job-9999' })).not.toBeInTheDocument()
})

test('filters and sort come from the URL search and changes are reported back', async () => {
  const seen: URL[] = []
  serveList(() => [makeWorkload({ name: 'alpha' })], seen)
  const onSearchChange = vi.fn()
  renderWithProviders(
    <WorkloadsPage
      scope="all"
      search={{ state: 'active', target: 'prod-eu', sort: '-startedAt' }}
      onSearchChange={onSearchChange}
    />,
  )
  await screen.findByRole('button', { name: 'alpha' })
  expect(seen[0]?.searchParams.get('state')).toBe('active')
  expect(seen[0]?.searchParams.get('target')).toBe('prod-eu')
  expect(seen[0]?.searchParams.get('sort')).toBe('-startedAt')
  expect(screen.getByRole('columnheader', { name: /started/i })).toHaveAttribute(
    'aria-sort',
    'descending',
  )

  await userEvent.click(screen.getByRole('button', { name: /^name/i }))
  expect(onSearchChange).toHaveBeenLastCalledWith({ sort: 'name' })
  await userEvent.selectOptions(screen.getByLabelText('State'), 'stopped')
  expect(onSearchChange).toHaveBeenLastCalledWith({ state: 'stopped' })
  await userEvent.type(screen.getByLabelText('Search'), 'alp')
  await vi.waitFor(() => expect(onSearchChange).toHaveBeenLastCalledWith({ q: 'alp' }))
})

test('a row shows who last stopped it, when and why', async () => {
  const w = makeWorkload({
    name: 'etl',
    state: 'stopped',
    lastAction: {
      action: 'stop',
      actor: 'carol',
      at: new Date().toISOString(),
      reason: 'quota exceeded',
    },
  })
  serveList(() => [w])
  renderWithProviders(
    <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={() => undefined} />,
  )
  const row = (await screen.findByRole('button', { name: 'etl' })).closest('tr')
  expect(row).not.toBeNull()
  expect(row).toHaveTextContent('Stopped by carol')
  expect(row).toHaveTextContent('“quota exceeded”')
})

test('after a stop the row shows "stopping…", then a toast reports the outcome', async () => {
  const w = makeWorkload({ name: 'clicks', kind: 'dli-flink-job' })
  let state: Workload['state'] = 'running'
  serveList(() => [{ ...w, state }])
  server.use(
    http.post(`${BASE}/workloads/:kind/:target/:id/stop`, () => {
      state = 'stopping'
      return HttpResponse.json({
        ref: { kind: w.kind, target: w.target, id: w.id },
        ok: true,
        auditId: 'a1',
        status: 'accepted',
        workload: { ...w, state: 'stopping' },
      })
    }),
    http.get(`${BASE}/workloads/:kind/:target/:id`, () =>
      HttpResponse.json({ workload: { ...w, state: 'stopped' }, raw: {} }),
    ),
  )
  renderWithProviders(
    <ActionWatchProvider>
      <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={() => undefined} />
    </ActionWatchProvider>,
  )
  const row = (await screen.findByRole('button', { name: 'clicks' })).closest('tr') as HTMLElement
  await userEvent.click(within(row).getByRole('button', { name: 'Stop clicks' }))
  await userEvent.type(screen.getByLabelText(/reason/i), 'runaway cost')
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop' }))
  expect(await within(row).findByText('stopping…')).toBeInTheDocument()
  // The toast names the kind, the workload and the target (one name may exist in two targets).
  const title = await screen.findByText('DLI Flink job clicks is stopped', { selector: '*' })
  expect(title.closest('li')).toHaveTextContent('In target prod-eu.')
})

test('a failed list request shows an error state with a retry', async () => {
  server.use(
    http.get(`${BASE}/targets`, () => HttpResponse.json({ targets: [], demoMode: false })),
    http.get(`${BASE}/workloads`, () =>
      HttpResponse.json(
        { error: { code: 'FORBIDDEN', message: 'Not allowed', requestId: 'rq-1' } },
        { status: 403 },
      ),
    ),
  )
  renderWithProviders(<WorkloadsPage scope="all" search={{}} onSearchChange={() => undefined} />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Could not load workloads')
  expect(alert).toHaveTextContent('rq-1')
  expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
})

test('while our stop is in flight the row says "stopping…" even if the cloud still reports running', async () => {
  const w = makeWorkload({ name: 'sp-job', kind: 'dli-flink-job' })
  let listCalls = 0
  serveList(() => {
    listCalls++
    return [w]
  })
  server.use(
    http.post(`${BASE}/workloads/:kind/:target/:id/stop`, () =>
      HttpResponse.json({
        ref: { kind: w.kind, target: w.target, id: w.id },
        ok: true,
        auditId: 'a1',
        status: 'accepted',
        workload: w,
      }),
    ),
    // Savepoint first: the job keeps running for a while.
    http.get(`${BASE}/workloads/:kind/:target/:id`, () =>
      HttpResponse.json({ workload: { ...w, rawStatus: 'job_savepointing' }, raw: {} }),
    ),
  )
  renderWithProviders(
    <ActionWatchProvider>
      <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={() => undefined} />
    </ActionWatchProvider>,
  )
  const row = (await screen.findByRole('button', { name: 'sp-job' })).closest('tr') as HTMLElement
  await userEvent.click(within(row).getByRole('button', { name: 'Stop sp-job' }))
  await userEvent.type(screen.getByLabelText(/reason/i), 'with savepoint')
  await userEvent.click(screen.getByRole('checkbox', { name: /savepoint/i }))
  const before = listCalls
  await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop' }))
  // Two refetches that still say "running": the first one's answer has been rendered by the second.
  await vi.waitFor(() => expect(listCalls).toBeGreaterThan(before + 1), { timeout: 4000 })
  expect(within(row).getByText('stopping…')).toBeInTheDocument()
  expect(within(row).queryByText('running')).not.toBeInTheDocument()
})

import type { AccountAuditEntry } from '@ops-console/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render.js'
import { makeAuditAction } from '../../../testing/fixtures.js'
import { server } from '../../../testing/server.js'
import { AuditPage } from './audit-page.js'

const entry = makeAuditAction

test('filters from the URL go to the API, and "Load more" follows the keyset cursor', async () => {
  const seen: URLSearchParams[] = []
  server.use(
    http.get('http://localhost:3000/api/audit', ({ request }) => {
      const params = new URL(request.url).searchParams
      seen.push(params)
      return params.get('cursor') === 'c2'
        ? HttpResponse.json({ items: [entry(3)], nextCursor: null })
        : HttpResponse.json({ items: [entry(1), entry(2)], nextCursor: 'c2' })
    }),
  )
  renderWithProviders(
    <AuditPage
      search={{ actor: 'otto', outcome: 'failure', kind: 'dli-flink-job' }}
      onSearchChange={() => undefined}
      canExport={false}
    />,
  )
  expect(await screen.findByText('job-1')).toBeInTheDocument()
  expect(seen[0]?.get('actor')).toBe('otto')
  expect(seen[0]?.get('outcome')).toBe('failure')
  expect(seen[0]?.get('kind')).toBe('dli-flink-job')
  expect(seen[0]?.get('cursor')).toBeNull()

  await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
  expect(await screen.findByText('job-3')).toBeInTheDocument()
  expect(seen[1]?.get('cursor')).toBe('c2')
  expect(seen[1]?.get('actor')).toBe('otto')
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  expect(screen.queryByRole('link', { name: 'Export CSV' })).not.toBeInTheDocument()
})

test('the detail view shows intent, outcome, final state, time to stop and request ids', async () => {
  const e = entry(7, {
    finalState: 'stopped',
    timeToStopMs: 4200,
    httpStatus: 200,
    upstreamRequestId: 'cloud-req-7',
    options: { triggerSavepoint: true },
    outcome: {
      intentId: 'e7',
      at: '2026-11-25T10:00:05.000Z',
      outcome: 'success',
      httpStatus: null,
      cloudCode: null,
      cloudMessage: null,
      upstreamRequestId: null,
      durationMs: 4200,
      finalState: 'stopped',
      timeToStopMs: 4200,
      source: 'watcher',
    },
  })
  server.use(
    http.get('http://localhost:3000/api/audit', () =>
      HttpResponse.json({ items: [e], nextCursor: null }),
    ),
  )
  const onSearchChange = vi.fn()
  const { rerender } = renderWithProviders(
    <AuditPage search={{}} onSearchChange={onSearchChange} canExport />,
  )
  await userEvent.click(
    await screen.findByRole('button', { name: /Details of workload.stop job-7/ }),
  )
  expect(onSearchChange).toHaveBeenCalledWith({ entry: 'e7' })
  expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    'http://localhost:3000/api/audit/export?format=csv',
  )
  expect(screen.getByRole('link', { name: 'Export JSON' })).toHaveAttribute(
    'href',
    'http://localhost:3000/api/audit/export?format=json',
  )

  rerender(<AuditPage search={{ entry: 'e7' }} onSearchChange={onSearchChange} canExport />)
  const dialog = await screen.findByRole('dialog')
  for (const text of [
    'reason 7',
    '{"triggerSavepoint":true}',
    'stopped',
    '4 s',
    'req-7',
    'cloud-req-7',
    'watcher',
  ]) {
    expect(
      within(dialog).getAllByText(new RegExp(text.replace(/[{}"]/g, '\\$&'))).length,
    ).toBeGreaterThan(0)
  }
})

test('every outcome shows its HTTP status and cloud request id in the table, successful stops too', async () => {
  const ok = entry(1, {
    httpStatus: 200,
    upstreamRequestId: 'cloud-req-ok',
    finalState: 'stopped',
    outcome: {
      intentId: 'e1',
      at: '2026-11-25T10:00:05.000Z',
      outcome: 'success',
      httpStatus: null,
      cloudCode: null,
      cloudMessage: null,
      upstreamRequestId: null,
      durationMs: 5000,
      finalState: 'stopped',
      timeToStopMs: 5000,
      source: 'watcher',
    },
  })
  server.use(
    http.get('http://localhost:3000/api/audit', () =>
      HttpResponse.json({ items: [ok], nextCursor: null }),
    ),
  )
  renderWithProviders(<AuditPage search={{}} onSearchChange={() => undefined} canExport={false} />)
  const row = (await screen.findByText('job-1')).closest('tr')
  if (!row) throw new Error('no row')
  expect(within(row).getByText('200')).toBeInTheDocument()
  expect(within(row).getByText('cloud-req-ok')).toBeInTheDocument()
  expect(within(row).getByText('success')).toBeInTheDocument()
})

test('account events are listed and detailed like actions; stored control characters show as visible markers', async () => {
  const lockout: AccountAuditEntry = {
    type: 'event',
    id: 'ev1',
    at: '2026-11-25T10:00:00.000Z',
    action: 'auth.lockout',
    actor: 'mallory\u202egnp.exe',
    role: null,
    via: 'api',
    sourceIp: '10.0.0.9',
    userAgent: 'curl',
    requestId: 'req-lock',
    outcome: 'success',
    subject: 'admin',
    details: { retryAfterSeconds: 900 },
  }
  server.use(
    http.get('http://localhost:3000/api/audit', () =>
      HttpResponse.json({ items: [lockout], nextCursor: null }),
    ),
  )
  const { rerender } = renderWithProviders(
    <AuditPage search={{}} onSearchChange={() => undefined} canExport={false} />,
  )
  // The action name is also a filter option: wait for the table row that carries it.
  const row = await waitFor(() => {
    const tr = screen
      .getAllByText('auth.lockout')
      .map((el) => el.closest('tr'))
      .find((el) => el !== null)
    if (!tr) throw new Error('no row yet')
    return tr
  })
  expect(row).toHaveTextContent('account admin')
  expect(within(row).getByText('auth.lockout')).toBeInTheDocument()
  expect(within(row).getByText('retryAfterSeconds: 900')).toBeInTheDocument()
  // The right-to-left override in the actor is shown as a visible marker, not obeyed.
  expect(within(row).getByTitle('hidden character U+202E')).toHaveTextContent('U+202E')
  rerender(
    <AuditPage search={{ entry: 'ev1' }} onSearchChange={() => undefined} canExport={false} />,
  )
  const dialog = await screen.findByRole('dialog')
  for (const text of ['req-lock', '10.0.0.9', 'curl', 'retryAfterSeconds: 900'])
    expect(within(dialog).getAllByText(new RegExp(text)).length).toBeGreaterThan(0)
})

test('the Entries filter goes to the API as category', async () => {
  const seen: URLSearchParams[] = []
  server.use(
    http.get('http://localhost:3000/api/audit', ({ request }) => {
      seen.push(new URL(request.url).searchParams)
      return HttpResponse.json({ items: [], nextCursor: null })
    }),
  )
  const onSearchChange = vi.fn()
  renderWithProviders(
    <AuditPage search={{ category: 'account' }} onSearchChange={onSearchChange} canExport />,
  )
  expect(await screen.findByText('No audit entries match')).toBeInTheDocument()
  expect(seen[0]?.get('category')).toBe('account')
  await userEvent.selectOptions(screen.getByLabelText('Entries'), 'workload')
  expect(onSearchChange).toHaveBeenCalledWith({ category: 'workload' })
})

import type { ActionResult } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { ActionWatchProvider } from '../hooks/action-watch.js'
import { BulkDialog } from './bulk-dialog.js'

test('lists every selected item, marks the ineligible ones as skipped and sends only the eligible', async () => {
  const a = makeWorkload({ name: 'alpha' })
  const b = makeWorkload({
    name: 'bravo',
    state: 'stopped',
    actions: { stop: { allowed: false, reason: 'Already stopped' }, delete: { allowed: true } },
  })
  const c = makeWorkload({ name: 'charlie', kind: 'dataarts-job', id: 'charlie' })
  let sent: unknown
  server.use(
    http.post('http://localhost:3000/api/workloads/bulk/stop', async ({ request }) => {
      sent = await request.json()
      const results: ActionResult[] = [
        {
          ref: { kind: a.kind, target: a.target, id: a.id },
          ok: true,
          auditId: '1',
          status: 'accepted',
        },
        {
          ref: { kind: c.kind, target: c.target, id: c.id },
          ok: false,
          auditId: '2',
          status: 'failed',
          error: {
            code: 'UPSTREAM_REJECTED',
            message: 'Job is not running',
            cloudCode: 'DLF.3051',
            requestId: 'req-77',
          },
        },
      ]
      return HttpResponse.json({ results })
    }),
  )
  renderWithProviders(
    <BulkDialog open action="stop" workloads={[a, b, c]} onOpenChange={() => undefined} />,
  )

  const list = screen.getByRole('list', { name: 'Selected workloads' })
  const items = within(list).getAllByRole('listitem')
  expect(items).toHaveLength(3)
  expect(items[1]).toHaveTextContent('bravo')
  expect(items[1]).toHaveTextContent('Skipped: Already stopped')
  expect(items[0]).not.toHaveTextContent('Skipped')

  await userEvent.type(screen.getByLabelText(/reason/i), 'drain region')
  await userEvent.click(screen.getByRole('checkbox', { name: /savepoint/i }))
  await userEvent.click(screen.getByRole('button', { name: 'Stop 2' }))

  expect(await screen.findByText('1 accepted · 1 failed · 1 skipped')).toBeInTheDocument()
  expect(sent).toEqual({
    items: [
      { kind: a.kind, target: a.target, id: a.id },
      { kind: c.kind, target: c.target, id: c.id },
    ],
    reason: 'drain region',
    triggerSavepoint: true,
  })
  const results = within(screen.getByRole('list', { name: 'Results' })).getAllByRole('listitem')
  const charlie = results.find((li) => li.textContent?.includes('charlie'))
  expect(charlie).toHaveTextContent('failed')
  expect(charlie).toHaveTextContent('DLF.3051')
  expect(charlie).toHaveTextContent('req-77')
  expect(results.find((li) => li.textContent?.includes('bravo'))).toHaveTextContent('skipped')
})

test('when nothing is eligible the confirm button stays disabled', async () => {
  const no = { allowed: false, reason: 'Requires the operator role' }
  const w = makeWorkload({ actions: { stop: no, delete: no } })
  renderWithProviders(
    <BulkDialog open action="stop" workloads={[w]} onOpenChange={() => undefined} />,
  )
  await userEvent.type(screen.getByLabelText(/reason/i), 'drain region')
  expect(screen.getByText('None of the selected workloads can be stopped.')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Stop 0' })).toBeDisabled()
})

test('bulk delete needs the confirmation word and sends each name as confirmation', async () => {
  const a = makeWorkload({ name: 'alpha' })
  let sent: unknown
  server.use(
    http.post('http://localhost:3000/api/workloads/bulk/delete', async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json({
        results: [
          {
            ref: { kind: a.kind, target: a.target, id: a.id },
            ok: true,
            auditId: '1',
            status: 'accepted',
          },
        ],
      })
    }),
  )
  renderWithProviders(
    <BulkDialog open action="delete" workloads={[a]} onOpenChange={() => undefined} />,
  )
  await userEvent.type(screen.getByLabelText(/reason/i), 'cleanup')
  const confirm = screen.getByRole('button', { name: 'Delete 1' })
  expect(confirm).toBeDisabled()
  await userEvent.type(screen.getByLabelText(/type DELETE/i), 'DELETE')
  await userEvent.click(confirm)
  expect(await screen.findByText('1 accepted · 0 failed · 0 skipped')).toBeInTheDocument()
  expect(sent).toEqual({
    items: [{ kind: a.kind, target: a.target, id: a.id, confirmName: 'alpha' }],
    reason: 'cleanup',
  })
})

test('a bulk delete shows every exact name, long or oddly spaced, and sends each as its confirmName', async () => {
  const long = makeWorkload({
    name: `nightly-${'x'.repeat(120)}-v2`,
    kind: 'modelarts-processor-version',
    id: 't1:v2',
  })
  const spaced = makeWorkload({ name: 'etl  job (eu)' })
  let sent: unknown
  server.use(
    http.post('http://localhost:3000/api/workloads/bulk/delete', async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json({ results: [] })
    }),
  )
  renderWithProviders(
    <BulkDialog open action="delete" workloads={[long, spaced]} onOpenChange={() => undefined} />,
  )
  const shown = screen.getAllByTestId('bulk-item-name')
  expect(shown.map((el) => el.textContent)).toEqual([long.name, spaced.name])
  // Not cut off with an ellipsis, and runs of spaces stay visible.
  for (const el of shown) expect(el).not.toHaveClass('truncate')
  for (const el of shown) expect(el).toHaveClass('whitespace-pre-wrap')
  await userEvent.type(screen.getByLabelText(/reason/i), 'cleanup')
  await userEvent.type(screen.getByLabelText(/type DELETE/i), 'DELETE')
  await userEvent.click(screen.getByRole('button', { name: 'Delete 2' }))
  await screen.findByText('0 accepted · 0 failed · 0 skipped')
  expect(sent).toEqual({
    items: [
      { kind: long.kind, target: long.target, id: long.id, confirmName: long.name },
      { kind: spaced.kind, target: spaced.target, id: spaced.id, confirmName: spaced.name },
    ],
    reason: 'cleanup',
  })
})

test('a bulk stop raises one summary toast whose button opens the per-item results', async () => {
  const items = Array.from({ length: 5 }, (_, i) => makeWorkload({ name: `many-${i}` }))
  const refused = makeWorkload({ name: 'refused-one', target: 'prod-ap' })
  server.use(
    http.post('http://localhost:3000/api/workloads/bulk/stop', () =>
      HttpResponse.json({
        results: [
          ...items.map((w) => ({
            ref: { kind: w.kind, target: w.target, id: w.id },
            ok: true,
            auditId: w.id,
            status: 'accepted',
          })),
          {
            ref: { kind: refused.kind, target: refused.target, id: refused.id },
            ok: false,
            auditId: 'x',
            status: 'failed',
            error: { code: 'UPSTREAM_REJECTED', message: 'DLI refused the stop' },
          },
        ],
      }),
    ),
    // Every accepted job has stopped by the first look.
    http.get('http://localhost:3000/api/workloads/:kind/:target/:id', ({ params }) => {
      const w = items.find((x) => x.id === params.id)
      return HttpResponse.json({ workload: { ...w, state: 'stopped' }, raw: {} })
    }),
  )
  renderWithProviders(
    <ActionWatchProvider>
      <BulkDialog
        open
        action="stop"
        workloads={[...items, refused]}
        onOpenChange={() => undefined}
      />
    </ActionWatchProvider>,
  )
  await userEvent.type(screen.getByLabelText(/reason/i), 'drain region')
  await userEvent.click(screen.getByRole('button', { name: 'Stop 6' }))
  await userEvent.click(await screen.findByRole('button', { name: 'Done' }))

  const toasts = screen.getByRole('region', { name: /notifications/i })
  const summary = await within(toasts).findByText('Bulk stop of 6 workloads finished')
  expect(within(toasts).getAllByRole('listitem')).toHaveLength(1)
  expect(summary.closest('li')).toHaveTextContent(
    '5 stopped · 1 failed. Targets: prod-ap, prod-eu.',
  )
  await userEvent.click(within(toasts).getByRole('button', { name: 'Show results' }))
  const dialog = await screen.findByRole('dialog', { name: 'Bulk stop of 6 workloads finished' })
  const rows = within(
    within(dialog).getByRole('list', { name: 'Results per workload' }),
  ).getAllByRole('listitem')
  expect(rows).toHaveLength(6)
  const refusedRow = rows.find((li) => li.textContent?.includes('refused-one'))
  expect(refusedRow).toHaveTextContent('refused')
  expect(refusedRow).toHaveTextContent('DLI Flink job · prod-ap · DLI refused the stop')
  expect(rows.filter((li) => li.textContent?.includes('done'))).toHaveLength(5)
})

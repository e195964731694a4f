import type { WorkloadAuditEntry } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { renderWithRouter } from '../../../testing/render.js'
import { makeAuditAction } from '../../../testing/fixtures.js'
import { server } from '../../../testing/server.js'
import { WorkloadHistory } from './workload-history.js'

const ref = { kind: 'dli-flink-job', target: 'prod-eu', id: '4242' } as const

const action = (id: string, over: Partial<WorkloadAuditEntry>) =>
  makeAuditAction(id, { id, workloadId: ref.id, workloadName: 'etl', reason: 'runaway', ...over })

test('the detail panel history asks the audit API for this workload only and lists every action with HTTP status and cloud request id', async () => {
  const seen: URLSearchParams[] = []
  server.use(
    http.get('http://localhost:3000/api/audit', ({ request }) => {
      seen.push(new URL(request.url).searchParams)
      return HttpResponse.json({
        items: [
          action('a2', { action: 'workload.delete', actor: 'ada', reason: 'clean up' }),
          action('a1', { httpStatus: 200, upstreamRequestId: 'cloud-1', finalState: 'stopped' }),
        ],
        nextCursor: 'more',
      })
    }),
  )
  renderWithRouter(<WorkloadHistory workloadRef={ref} />)
  const section = await screen.findByRole('region', { name: 'History' })
  const items = within(await within(section).findByRole('list')).getAllByRole('listitem')
  expect(items.map((li) => li.textContent)).toEqual([
    expect.stringContaining('workload.delete by ada'),
    expect.stringContaining('workload.stop by otto'),
  ])
  expect(items[1]).toHaveTextContent('HTTP 200 · cloud request id cloud-1')
  expect(items[1]).toHaveTextContent('stopped')
  expect(Object.fromEntries(seen[0] ?? [])).toMatchObject({
    kind: ref.kind,
    target: ref.target,
    workloadId: ref.id,
  })
  expect(screen.getByRole('link', { name: 'Older actions in the audit log' })).toBeInTheDocument()
})

test('a workload nobody acted on says so', async () => {
  server.use(
    http.get('http://localhost:3000/api/audit', () =>
      HttpResponse.json({ items: [], nextCursor: null }),
    ),
  )
  renderWithRouter(<WorkloadHistory workloadRef={ref} />)
  expect(await screen.findByText('No action was taken on this workload here.')).toBeInTheDocument()
})

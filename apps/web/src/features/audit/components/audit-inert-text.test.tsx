import { findHiddenCharacter, type AuditEntry } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { AuditPage } from './audit-page.js'

// Rows recorded before the API refused hidden characters, and a cloud message nobody controls.
const hostile: AuditEntry = {
  type: 'action',
  id: 'e1',
  at: '2026-11-25T10:00:00.000Z',
  action: 'workload.stop',
  actor: 'mallory\u202enimda',
  role: 'operator',
  sourceIp: '10.0.0.1',
  userAgent: 'curl\u001b[2K',
  requestId: 'req-1',
  reason: 'stop it\r\nFAKE LOG LINE level=error <script>alert(1)</script>',
  kind: 'dli-flink-job',
  target: 'prod-eu',
  workloadId: '42',
  workloadName: 'etl\u200bjob',
  stateBefore: 'running',
  options: {},
  outcome: {
    intentId: 'e1',
    at: '2026-11-25T10:00:01.000Z',
    outcome: 'failure',
    httpStatus: 400,
    cloudCode: 'DLI.15002',
    cloudMessage: 'state \u2066changed\u2069',
    upstreamRequestId: 'cloud-1',
    durationMs: 12,
    source: 'request',
  },
  finalState: null,
  timeToStopMs: null,
  httpStatus: 400,
  upstreamRequestId: 'cloud-1',
}

test('the audit view renders stored text inertly: no markup, no hidden characters, visible markers', async () => {
  server.use(
    http.get('http://localhost:3000/api/audit', () =>
      HttpResponse.json({ items: [hostile], nextCursor: null }),
    ),
  )
  const { container } = renderWithProviders(
    <AuditPage search={{ entry: 'e1' }} onSearchChange={() => undefined} canExport={false} />,
  )
  const dialog = await screen.findByRole('dialog')
  for (const root of [container, dialog]) {
    expect(root.querySelector('script')).toBeNull()
    expect(findHiddenCharacter(root.textContent ?? '')).toBeNull()
  }
  const table = within(container).getByRole('table')
  expect(
    within(table)
      .getByText(/FAKE LOG LINE/)
      .closest('td')?.textContent,
  ).toContain('stop itU+000DU+000AFAKE LOG LINE')
  expect(within(table).getByText('U+202E')).toBeInTheDocument()
  expect(within(dialog).getAllByText('U+2066').length).toBeGreaterThan(0)
  expect(within(dialog).getByText(/<script>alert\(1\)<\/script>/)).toBeInTheDocument()
})

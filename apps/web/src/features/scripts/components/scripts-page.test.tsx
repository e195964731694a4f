import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { renderWithRouter } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { ScriptsPage } from './scripts-page.js'

const BASE = 'http://localhost:3000/api'
const instance = {
  target: 'prod-eu',
  scriptName: 'hive_orders_query_01',
  instanceId: 'inst-42',
  id: 'hive_orders_query_01:inst-42',
  registeredBy: 'otto',
  registeredAt: '2026-11-25T10:00:00.000Z',
  lastStatus: 'RUNNING',
  lastCheckedAt: null,
  state: 'running',
}

function serveBasics(instances: unknown[] = []) {
  server.use(
    http.get(`${BASE}/targets`, () =>
      HttpResponse.json({
        targets: [{ name: 'prod-eu', region: 'eu-west-101', kinds: [] }],
        demoMode: false,
      }),
    ),
    http.get(`${BASE}/scripts/instances`, () => HttpResponse.json({ items: instances })),
    http.get(`${BASE}/scripts`, ({ request }) =>
      HttpResponse.json({
        items: [
          {
            target: new URL(request.url).searchParams.get('target'),
            name: 'hive_orders_query_01',
            type: 'HiveSQL',
            directory: null,
            description: null,
          },
        ],
        sources: [],
      }),
    ),
  )
}

test('an operator picks a script of a target from the catalog and executes it with a reason', async () => {
  let body: unknown
  let path = ''
  serveBasics()
  server.use(
    http.post(`${BASE}/scripts/:target/:script/execute`, async ({ request }) => {
      body = await request.json()
      path = new URL(request.url).pathname
      return HttpResponse.json({ instance, auditId: 'a1' })
    }),
  )
  renderWithRouter(<ScriptsPage canOperate />)
  const form = await screen.findByRole('form', { name: 'Execute a script' })
  await userEvent.selectOptions(
    await within(form).findByRole('combobox', { name: 'Target' }),
    'prod-eu',
  )
  await userEvent.selectOptions(
    await within(form).findByRole('combobox', { name: 'Script name' }),
    'hive_orders_query_01',
  )
  await userEvent.type(within(form).getByLabelText('Parameters (optional)'), 'bizdate=20261125')
  const execute = within(form).getByRole('button', { name: 'Execute' })
  expect(execute).toBeDisabled()
  await userEvent.type(within(form).getByLabelText(/reason/i), 'backfill')
  await userEvent.click(execute)
  expect(await within(form).findByRole('status')).toHaveTextContent(
    'Started instance inst-42 of hive_orders_query_01',
  )
  expect(path).toBe('/api/scripts/prod-eu/hive_orders_query_01/execute')
  expect(body).toEqual({ params: { bizdate: '20261125' }, reason: 'backfill' })
})

test('tracked instances are listed and link to their workload detail; viewers cannot execute or register', async () => {
  serveBasics([instance])
  renderWithRouter(<ScriptsPage canOperate={false} />)
  const link = await screen.findByRole('link', { name: 'hive_orders_query_01' })
  expect(link).toHaveAttribute(
    'href',
    expect.stringContaining('/workloads/dataarts-script-instance?open=dataarts-script-instance'),
  )
  expect(screen.getByRole('button', { name: 'Execute' })).toBeDisabled()
  expect(screen.getByRole('button', { name: 'Register' })).toBeDisabled()
  expect(screen.getAllByText('Requires the operator role.')).toHaveLength(2)
})

import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { makeSource } from '../../../testing/fixtures.js'
import { renderWithRouter } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { OverviewPage } from './overview-page.js'

test('shows counts for healthy sources and a failed source inline with its error', async () => {
  server.use(
    http.get('http://localhost:3000/api/workloads/overview', () =>
      HttpResponse.json({
        counts: [
          { kind: 'dli-flink-job', state: 'running', count: 3 },
          { kind: 'dli-flink-job', state: 'stopped', count: 2 },
          { kind: 'codearts-build', state: 'running', count: 1 },
        ],
        sources: [
          makeSource({ kind: 'dli-flink-job', target: 'prod-eu', count: 5 }),
          makeSource({
            kind: 'modelarts-processor-version',
            target: 'prod-cn',
            ok: false,
            count: 0,
            error: {
              code: 'UPSTREAM_UNAVAILABLE',
              message: 'ModelArts did not answer',
              cloudCode: 'ModelArts.0001',
              requestId: 'req-abc',
            },
          }),
        ],
      }),
    ),
  )
  renderWithRouter(<OverviewPage />)

  const dli = await screen.findByRole('region', { name: 'DLI Flink jobs' })
  const running = within(dli).getByRole('link', { name: '3 running DLI Flink jobs' })
  expect(running).toHaveAttribute('href', '/workloads/dli-flink-job?state=running')
  expect(within(dli).getByRole('link', { name: '2 stopped DLI Flink jobs' })).toBeInTheDocument()
  expect(within(dli).queryByRole('alert')).not.toBeInTheDocument()

  const modelarts = screen.getByRole('region', { name: 'ModelArts processor versions' })
  const alert = within(modelarts).getByRole('alert')
  expect(alert).toHaveTextContent('prod-cn unavailable: ModelArts did not answer')
  expect(alert).toHaveTextContent('UPSTREAM_UNAVAILABLE')
  expect(alert).toHaveTextContent('ModelArts.0001')
  expect(alert).toHaveTextContent('req-abc')

  expect(screen.getByRole('link', { name: '4 running now' })).toHaveAttribute(
    'href',
    '/workloads?state=active',
  )
})

test('a failed overview request shows an error state with the request id', async () => {
  server.use(
    http.get('http://localhost:3000/api/workloads/overview', () =>
      HttpResponse.json(
        { error: { code: 'INTERNAL', message: 'Unexpected failure', requestId: 'req-500' } },
        { status: 500 },
      ),
    ),
  )
  renderWithRouter(<OverviewPage />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Could not load the overview')
  expect(alert).toHaveTextContent('req-500')
})

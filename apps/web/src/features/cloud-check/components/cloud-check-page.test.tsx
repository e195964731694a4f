import type { CloudCheckReport } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { CloudCheckPage } from './cloud-check-page.js'

type Service = CloudCheckReport['targets'][number]['services'][number]
const URL = 'http://localhost:3000/api/cloud-check'

const service = (overrides: Partial<Service>): Service => ({
  service: 'iam',
  endpoint: 'https://iam.eu-de.otc.t-systems.com',
  operation: 'listAuthProjects',
  outcome: 'ok',
  reachable: true,
  authenticated: true,
  allowed: true,
  latencyMs: 42,
  status: 200,
  code: null,
  requestId: 'req-ok',
  message: null,
  ...overrides,
})

/** A service that was not called: every measurement is empty. */
const notTried = (overrides: Partial<Service>): Service =>
  service({
    reachable: null,
    authenticated: null,
    allowed: null,
    latencyMs: null,
    status: null,
    requestId: null,
    ...overrides,
  })

function report(services: Service[]): CloudCheckReport {
  return {
    checkedAt: '2026-11-25T10:00:00.000Z',
    demoMode: false,
    targets: [{ target: 'otc-de', provider: 'otc', region: 'eu-de', services }],
  }
}

test('shows every service of a target with its outcome, code, request id and the cloud message', async () => {
  server.use(
    http.get(URL, () =>
      HttpResponse.json(
        report([
          service({}),
          service({
            service: 'dli',
            outcome: 'forbidden',
            allowed: false,
            status: 403,
            code: 'APIGW.0302',
            requestId: 'req-403',
            message: 'The IAM user is not authorized to access the API.',
            endpoint: 'https://dli.eu-de.otc.t-systems.com',
          }),
          notTried({
            service: 'codearts',
            outcome: 'not-configured',
            endpoint: null,
            message: 'no endpoint for this region',
          }),
        ]),
      ),
    ),
  )
  renderWithProviders(<CloudCheckPage />)
  const target = await screen.findByRole('region', { name: 'otc-de' })
  expect(within(target).getByRole('heading')).toHaveTextContent('otc-de — Open Telekom Cloud eu-de')
  const dli = within(target).getByRole('row', { name: /^DLI / })
  expect(dli).toHaveTextContent('not allowed')
  expect(dli).toHaveTextContent('APIGW.0302')
  expect(dli).toHaveTextContent('req-403')
  expect(dli).toHaveTextContent('The IAM user is not authorized to access the API.')
  expect(within(target).getByRole('row', { name: /^IAM / })).toHaveTextContent('42 ms')
  expect(within(target).getByRole('row', { name: /CodeArts/ })).toHaveTextContent('not configured')
})

test('"Check again" runs the check once more; refused credentials explain why the rest was not tried', async () => {
  let calls = 0
  server.use(
    http.get(URL, () => {
      calls++
      return HttpResponse.json(
        report([
          service({
            outcome: 'unauthenticated',
            authenticated: false,
            status: 401,
            code: '401',
            message: 'The request you have made requires authentication.',
          }),
          notTried({
            service: 'dataarts',
            outcome: 'skipped',
            message:
              'not tried: the signature was refused; 5 failed signatures lock the AK for 5 minutes',
          }),
        ]),
      )
    }),
  )
  renderWithProviders(<CloudCheckPage />)
  expect(await screen.findByText('credentials refused')).toBeInTheDocument()
  expect(screen.getByRole('row', { name: /DataArts/ })).toHaveTextContent('not tried')
  expect(screen.getByRole('row', { name: /DataArts/ })).toHaveTextContent(
    'lock the AK for 5 minutes',
  )
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }))
  await screen.findByRole('button', { name: 'Check again' })
  expect(calls).toBe(2)
})

test('a refused or failed check shows the error with its code and request id', async () => {
  server.use(
    http.get(URL, () =>
      HttpResponse.json(
        { error: { code: 'FORBIDDEN', message: 'admins only', requestId: 'req-x' } },
        { status: 403 },
      ),
    ),
  )
  renderWithProviders(<CloudCheckPage />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Could not run the check')
  expect(alert).toHaveTextContent('FORBIDDEN')
  expect(alert).toHaveTextContent('req-x')
})

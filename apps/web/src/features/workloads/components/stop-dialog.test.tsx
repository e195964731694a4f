import type { ActionResult, StopBody } from '@ops-console/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http, HttpResponse } from 'msw'
import { useState } from 'react'
import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { StopDialog } from './stop-dialog.js'

const STOP_URL = 'http://localhost:3000/api/workloads/:kind/:target/:id/stop'

function accepted(ref: ActionResult['ref']): ActionResult {
  return { ref, ok: true, auditId: 'a1', status: 'accepted' }
}

test('names the workload and target, and requires a reason before stopping', async () => {
  const w = makeWorkload({ kind: 'codearts-build', name: 'nightly-build', target: 'prod-cn' })
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  const dialog = screen.getByRole('dialog', { name: 'Stop nightly-build?' })
  expect(dialog).toHaveTextContent('CodeArts build nightly-build in target prod-cn will be stopped')
  const confirm = screen.getByRole('button', { name: 'Stop' })
  expect(confirm).toBeDisabled()
  await userEvent.type(screen.getByLabelText(/reason/i), '  x ')
  expect(confirm).toBeDisabled()
  await userEvent.type(screen.getByLabelText(/reason/i), 'incident 42')
  expect(confirm).toBeEnabled()
  // Savepoints exist only for DLI Flink jobs.
  expect(screen.queryByRole('checkbox', { name: /savepoint/i })).not.toBeInTheDocument()
})

test('a DLI job offers "Trigger savepoint" and sends it with the reason and the CSRF header', async () => {
  const w = makeWorkload({ kind: 'dli-flink-job', id: '9007199254740993', name: 'clickstream' })
  let body: StopBody | undefined
  let csrf: string | null = null
  let params: Record<string, unknown> = {}
  server.use(
    http.post(STOP_URL, async ({ request, params: p }) => {
      body = (await request.json()) as StopBody
      csrf = request.headers.get('x-ops-console')
      params = p
      return HttpResponse.json(accepted({ kind: w.kind, target: w.target, id: w.id }))
    }),
  )
  let open = true
  renderWithProviders(<StopDialog open workload={w} onOpenChange={(o) => (open = o)} />)
  await userEvent.type(screen.getByLabelText(/reason/i), 'cost spike')
  await userEvent.click(screen.getByRole('checkbox', { name: /trigger savepoint/i }))
  await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
  await expect.poll(() => open).toBe(false)
  expect(body).toEqual({ reason: 'cost spike', triggerSavepoint: true })
  expect(csrf).toBe('1')
  expect(params).toEqual({ kind: 'dli-flink-job', target: 'prod-eu', id: '9007199254740993' })
})

test('no double submit: the button is disabled while the stop is pending', async () => {
  const w = makeWorkload()
  let calls = 0
  server.use(
    http.post(STOP_URL, async () => {
      calls++
      await delay(150)
      return HttpResponse.json(accepted({ kind: w.kind, target: w.target, id: w.id }))
    }),
  )
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  await userEvent.type(screen.getByLabelText(/reason/i), 'maintenance')
  const confirm = screen.getByRole('button', { name: 'Stop' })
  await userEvent.click(confirm)
  expect(screen.getByRole('button', { name: 'Stopping…' })).toBeDisabled()
  await userEvent.click(screen.getByRole('button', { name: 'Stopping…' }))
  await userEvent.keyboard('{Enter}')
  await expect.poll(() => calls).toBe(1)
  await delay(200)
  expect(calls).toBe(1)
})

test('a refused stop shows the code, cloud code, message and request id and keeps the dialog open', async () => {
  const w = makeWorkload()
  server.use(
    http.post(STOP_URL, () =>
      HttpResponse.json(
        {
          error: {
            code: 'UPSTREAM_REJECTED',
            message: 'The job state does not allow stopping',
            requestId: 'req-bff-1',
            upstream: {
              service: 'dli',
              status: 400,
              cloudCode: 'DLI.15002',
              requestId: 'req-cloud-9',
            },
          },
        },
        { status: 502 },
      ),
    ),
  )
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  await userEvent.type(screen.getByLabelText(/reason/i), 'maintenance')
  await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The job state does not allow stopping')
  expect(alert).toHaveTextContent('UPSTREAM_REJECTED')
  expect(alert).toHaveTextContent('DLI.15002')
  expect(alert).toHaveTextContent('req-bff-1')
  expect(alert).toHaveTextContent('req-cloud-9')
  expect(screen.getByRole('dialog')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled()
})

test('Esc closes the dialog', async () => {
  let open = true
  renderWithProviders(
    <StopDialog open workload={makeWorkload()} onOpenChange={(o) => (open = o)} />,
  )
  await userEvent.keyboard('{Escape}')
  expect(open).toBe(false)
})

/** A page with the button that opens the dialog, as the list has it. */
function Opener({ workload }: { workload: ReturnType<typeof makeWorkload> }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Stop {workload.name}
      </button>
      {open ? <StopDialog open workload={workload} onOpenChange={setOpen} /> : null}
    </>
  )
}

test('focus starts in the reason box and returns to the opening button on Esc and Cancel', async () => {
  const w = makeWorkload({ name: 'kb-job' })
  renderWithProviders(<Opener workload={w} />)
  const opener = screen.getByRole('button', { name: 'Stop kb-job' })
  await userEvent.click(opener)
  expect(screen.getByLabelText(/reason/i)).toHaveFocus()
  await userEvent.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  await waitFor(() => expect(opener).toHaveFocus())

  await userEvent.click(opener)
  await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
  await waitFor(() => expect(opener).toHaveFocus())
})

test('Enter adds no line to the reason (it is one line); Ctrl+Enter submits, and focus goes back to the opener', async () => {
  const w = makeWorkload({ kind: 'dataarts-job', name: 'kb-submit' })
  let body: StopBody | undefined
  server.use(
    http.post(STOP_URL, async ({ request }) => {
      body = (await request.json()) as StopBody
      return HttpResponse.json(accepted({ kind: w.kind, target: w.target, id: w.id }))
    }),
  )
  renderWithProviders(<Opener workload={w} />)
  const opener = screen.getByRole('button', { name: 'Stop kb-submit' })
  await userEvent.click(opener)
  await userEvent.keyboard('line one{Enter} still one')
  expect(body).toBeUndefined()
  await userEvent.keyboard('{Control>}{Enter}{/Control}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(body).toEqual({ reason: 'line one still one' })
  await waitFor(() => expect(opener).toHaveFocus())
})

test('the dialog says what stop means for this service, and warns an admin about protected ones', () => {
  const w = makeWorkload({ kind: 'dataarts-job', name: 'billing-daily', protected: true })
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  const dialog = screen.getByRole('dialog', { name: 'Stop billing-daily?' })
  expect(within(dialog).getByRole('list', { name: 'What stop does' })).toHaveTextContent(
    /Stops the whole DataArts job: a batch job’s schedule is switched off/,
  )
  expect(within(dialog).getByRole('note')).toHaveTextContent(/Protected\. .*only admins/)
})

test('a refused reason shows the API’s field message next to the reason box', async () => {
  const w = makeWorkload({ name: 'too-short' })
  server.use(
    http.post(STOP_URL, () =>
      HttpResponse.json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Reason: Give a reason of at least 3 characters.',
            requestId: 'rq-9',
            fields: { reason: 'Give a reason of at least 3 characters.' },
          },
        },
        { status: 400 },
      ),
    ),
  )
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  const reason = screen.getByLabelText(/reason/i)
  await userEvent.type(reason, 'abc')
  await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
  await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'))
  expect(reason).toHaveAccessibleDescription(/Give a reason of at least 3 characters\./)
  // Shown once, at the field: no second panel repeating it.
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

import type { DeleteBody } from '@ops-console/contracts'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { DeleteDialog } from './delete-dialog.js'

test('the confirm button stays disabled until the exact workload name is typed', async () => {
  const w = makeWorkload({
    kind: 'modelarts-processor-version',
    name: 'Clean-V2',
    id: 'task1:ver2',
  })
  renderWithProviders(<DeleteDialog open workload={w} onOpenChange={() => undefined} />)
  await userEvent.type(screen.getByLabelText(/reason/i), 'obsolete version')
  const confirm = screen.getByRole('button', { name: 'Delete' })
  const nameBox = screen.getByLabelText(/type the workload name/i)

  await userEvent.type(nameBox, 'clean-v2')
  expect(confirm).toBeDisabled()
  await userEvent.clear(nameBox)
  await userEvent.type(nameBox, 'Clean-V2 ')
  expect(confirm).toBeDisabled()
  await userEvent.clear(nameBox)
  await userEvent.type(nameBox, 'Clean-V')
  expect(confirm).toBeDisabled()
  await userEvent.type(nameBox, '2')
  expect(confirm).toBeEnabled()
})

test('sends the typed name and the reason, then closes', async () => {
  const w = makeWorkload({
    kind: 'modelarts-processor-version',
    name: 'clean-v2',
    id: 'task1:ver2',
  })
  let body: DeleteBody | undefined
  let url = ''
  server.use(
    http.post(
      'http://localhost:3000/api/workloads/:kind/:target/:id/delete',
      async ({ request }) => {
        body = (await request.json()) as DeleteBody
        url = new URL(request.url).pathname
        return HttpResponse.json({
          ref: { kind: w.kind, target: w.target, id: w.id },
          ok: true,
          auditId: 'a9',
          status: 'accepted',
        })
      },
    ),
  )
  let open = true
  renderWithProviders(<DeleteDialog open workload={w} onOpenChange={(o) => (open = o)} />)
  await userEvent.type(screen.getByLabelText(/type the workload name/i), 'clean-v2')
  await userEvent.type(screen.getByLabelText(/reason/i), 'obsolete version')
  await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
  await expect.poll(() => open).toBe(false)
  expect(body).toEqual({ reason: 'obsolete version', confirmName: 'clean-v2' })
  expect(url).toBe('/api/workloads/modelarts-processor-version/prod-eu/task1%3Aver2/delete')
})

import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { StopDialog } from './stop-dialog.js'

test('a reason with a line break or an invisible character is explained and cannot be sent', async () => {
  const w = makeWorkload({ kind: 'dli-flink-job', name: 'orders-rt' })
  renderWithProviders(<StopDialog open workload={w} onOpenChange={() => undefined} />)
  const reason = screen.getByLabelText(/reason/i)
  const confirm = screen.getByRole('button', { name: 'Stop' })
  // Enter adds no line; a pasted line break still reaches the box and is explained.
  await userEvent.click(reason)
  await userEvent.paste('incident 42\nFAKE LOG LINE')
  expect(confirm).toBeDisabled()
  expect(reason).toHaveAttribute('aria-invalid', 'true')
  expect(reason).toHaveAccessibleDescription(/on one line: it contains a line break/)
  await userEvent.clear(reason)
  await userEvent.type(reason, 'incident\u202e 42')
  expect(reason).toHaveAccessibleDescription(/U\+202E/)
  expect(confirm).toBeDisabled()
  await userEvent.clear(reason)
  await userEvent.type(reason, 'incident 42')
  expect(reason).not.toHaveAttribute('aria-invalid')
  expect(confirm).toBeEnabled()
})

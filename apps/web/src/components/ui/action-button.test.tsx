import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { renderWithProviders } from '../../testing/render.js'
import { ActionButton } from './action-button.js'

test('an allowed action is a normal button', async () => {
  const onClick = vi.fn()
  renderWithProviders(
    <ActionButton availability={{ allowed: true }} onClick={onClick}>
      Stop
    </ActionButton>,
  )
  await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
  expect(onClick).toHaveBeenCalledOnce()
})

test('a disallowed action is aria-disabled, ignores clicks and explains why on hover', async () => {
  const onClick = vi.fn()
  renderWithProviders(
    <ActionButton
      availability={{ allowed: false, reason: 'Requires the operator role' }}
      onClick={onClick}
    >
      Stop
    </ActionButton>,
  )
  const button = screen.getByRole('button', { name: 'Stop' })
  expect(button).toHaveAttribute('aria-disabled', 'true')
  await userEvent.click(button)
  expect(onClick).not.toHaveBeenCalled()
  await userEvent.hover(button)
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Requires the operator role')
})

test('the reason is also shown when the disabled button gets keyboard focus', async () => {
  renderWithProviders(
    <ActionButton
      availability={{ allowed: false, reason: 'Already stopped' }}
      onClick={() => undefined}
    >
      Delete
    </ActionButton>,
  )
  await userEvent.tab()
  expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Already stopped')
})

test('the focused button stays the same element when the action becomes unavailable', async () => {
  const { rerender } = renderWithProviders(
    <ActionButton availability={{ allowed: true }} onClick={() => undefined}>
      Stop
    </ActionButton>,
  )
  await userEvent.tab()
  const before = screen.getByRole('button', { name: 'Stop' })
  expect(before).toHaveFocus()
  rerender(
    <ActionButton
      availability={{
        allowed: false,
        reason: 'Stop is not possible: a stop is already in progress',
      }}
      onClick={() => undefined}
    >
      Stop
    </ActionButton>,
  )
  const after = screen.getByRole('button', { name: 'Stop' })
  expect(after).toBe(before)
  expect(after).toHaveFocus()
  expect(after).toHaveAttribute('aria-disabled', 'true')
})

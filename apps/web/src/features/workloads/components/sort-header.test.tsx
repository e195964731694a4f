import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { nextSort, SortHeader } from './sort-header.js'

function table(sort: Parameters<typeof SortHeader>[0]['sort'], onSort = vi.fn()) {
  render(
    <table>
      <thead>
        <tr>
          <SortHeader field="name" label="Name" sort={sort} onSort={onSort} />
          <SortHeader field="startedAt" label="Started" sort={sort} onSort={onSort} />
        </tr>
      </thead>
    </table>,
  )
  return onSort
}

test('with no sort in the URL, Started is marked as the default, newest first', () => {
  table(undefined)
  const started = screen.getByRole('columnheader', { name: /started/i })
  expect(started).toHaveAttribute('aria-sort', 'descending')
  expect(started).toHaveTextContent('(default)')
  expect(screen.getByRole('columnheader', { name: /name/i })).toHaveAttribute('aria-sort', 'none')
})

test('a first click sorts times newest first and words A to Z; a second click reverses', async () => {
  const onSort = table('name')
  await userEvent.click(screen.getByRole('button', { name: /started/i }))
  expect(onSort).toHaveBeenLastCalledWith('-startedAt')
  expect(nextSort('name', '-startedAt')).toBe('name')
  expect(nextSort('name', 'name')).toBe('-name')
  // The default is already newest first: clicking it asks for oldest first.
  expect(nextSort('startedAt', undefined)).toBe('startedAt')
  expect(nextSort('startedAt', 'startedAt')).toBe('-startedAt')
})

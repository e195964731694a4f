import type { Workload } from '@ops-console/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, onTestFinished, test, vi } from 'vitest'
import { makeSource, makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { ActionWatchProvider } from '../hooks/action-watch.js'
import { WorkloadsPage } from './workloads-page.js'

const BASE = 'http://localhost:3000/api'

/** Serves the list; a function is asked again at every request (the list can change). */
function serve(source: Workload[] | (() => Workload[])) {
  const list = () => {
    const items = typeof source === 'function' ? source() : source
    return HttpResponse.json({
      items,
      total: items.length,
      sources: [makeSource({ count: items.length })],
    })
  }
  server.use(
    http.get(`${BASE}/targets`, () => HttpResponse.json({ targets: [] })),
    http.get(`${BASE}/workloads/:kind`, list),
  )
}

function renderPage() {
  const onSearchChange = vi.fn()
  return renderWithProviders(
    <ActionWatchProvider>
      <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={onSearchChange} />
    </ActionWatchProvider>,
  )
}

const rowOf = (name: string) =>
  screen.getByRole('button', { name }).closest<HTMLElement>('[data-key]') as HTMLElement

test('j/k move focus between rows, x selects, s opens the stop dialog and Esc returns to the row', async () => {
  const stopped = makeWorkload({
    name: 'kb-b',
    state: 'stopped',
    actions: {
      stop: { allowed: false, reason: 'Stop is not possible: the job is already stopped' },
      delete: { allowed: true },
    },
  })
  serve([makeWorkload({ name: 'kb-a' }), stopped, makeWorkload({ name: 'kb-c' })])
  renderPage()
  await screen.findByRole('button', { name: 'kb-a' })

  await userEvent.keyboard('j')
  await waitFor(() => expect(rowOf('kb-a')).toHaveFocus())
  await userEvent.keyboard('jjk')
  await waitFor(() => expect(rowOf('kb-b')).toHaveFocus())
  await userEvent.keyboard('x')
  expect(within(rowOf('kb-b')).getByRole('checkbox')).toBeChecked()
  expect(screen.getByRole('group', { name: 'Bulk actions' })).toHaveTextContent('1 selected')

  // A row that can't be stopped says why instead of opening a dialog.
  await userEvent.keyboard('s')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  const toasts = screen.getByRole('region', { name: /notifications/i })
  expect(
    await within(toasts).findByText('Stop is not possible: the job is already stopped'),
  ).toBeInTheDocument()

  await userEvent.keyboard('j')
  await waitFor(() => expect(rowOf('kb-c')).toHaveFocus())
  await userEvent.keyboard('s')
  const dialog = await screen.findByRole('dialog', { name: 'Stop kb-c?' })
  expect(within(dialog).getByLabelText(/reason/i)).toHaveFocus()
  await userEvent.keyboard('{Escape}')
  await waitFor(() => expect(rowOf('kb-c')).toHaveFocus())
})

test('Enter on a row opens it, / focuses the search, ? shows the help sheet; typing is left alone', async () => {
  serve([makeWorkload({ name: 'kb-open' })])
  const onSearchChange = vi.fn()
  renderWithProviders(
    <ActionWatchProvider>
      <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={onSearchChange} />
    </ActionWatchProvider>,
  )
  await screen.findByRole('button', { name: 'kb-open' })
  await userEvent.keyboard('j')
  await waitFor(() => expect(rowOf('kb-open')).toHaveFocus())
  await userEvent.keyboard('{Enter}')
  const opened = onSearchChange.mock.lastCall?.[0] as { open?: string } | undefined
  expect(opened?.open).toMatch(/^dli-flink-job\/prod-eu\//)

  await userEvent.keyboard('/')
  const search = screen.getByLabelText('Search')
  expect(search).toHaveFocus()
  // Keys typed into the search box are text, not shortcuts.
  await userEvent.keyboard('jx?')
  expect(search).toHaveValue('jx?')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

  search.blur()
  await userEvent.keyboard('?')
  const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
  expect(help).toHaveTextContent('Stop the workload')
  expect(help).toHaveTextContent('Ctrl+Enter or ⌘+Enter')
})

test('on a phone the rows are cards with the name, state and named actions', async () => {
  // jsdom has no matchMedia; pretend to be 390 px wide.
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }))
  onTestFinished(() => {
    vi.unstubAllGlobals()
  })
  serve([makeWorkload({ name: 'phone-job', protected: true })])
  renderPage()
  const card = within(await screen.findByRole('list', { name: 'Workloads' })).getByRole(
    'listitem',
    { name: 'phone-job' },
  )
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  expect(card).toHaveTextContent('running')
  expect(card).toHaveTextContent('Protected')
  expect(within(card).getByRole('button', { name: 'Stop phone-job' })).toBeInTheDocument()
  expect(within(card).getByRole('button', { name: 'Delete phone-job' })).toBeInTheDocument()
  await userEvent.click(within(card).getByRole('button', { name: 'Stop phone-job' }))
  expect(await screen.findByRole('dialog', { name: 'Stop phone-job?' })).toBeInTheDocument()
})

test('when the focused row leaves the list, focus moves to the row now in its place', async () => {
  let items = [
    makeWorkload({ name: 'stay-1' }),
    makeWorkload({ name: 'leaves' }),
    makeWorkload({ name: 'stay-2' }),
  ]
  serve(() => items)
  const { queryClient } = renderPage()
  await screen.findByRole('button', { name: 'leaves' })
  await userEvent.keyboard('jj')
  await waitFor(() => expect(rowOf('leaves')).toHaveFocus())
  items = items.filter((w) => w.name !== 'leaves')
  await queryClient.invalidateQueries()
  await waitFor(() =>
    expect(screen.queryByRole('button', { name: 'leaves' })).not.toBeInTheDocument(),
  )
  await waitFor(() => expect(rowOf('stay-2')).toHaveFocus())
})

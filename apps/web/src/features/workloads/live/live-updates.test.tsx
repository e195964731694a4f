import type { Workload } from '@ops-console/contracts'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { LiveIndicator } from '../../../app/live-indicator.js'
import { LiveUpdates } from '../../../app/live-updates.js'
import { FakeEventSource, READY } from '../../../testing/fake-event-source.js'
import { makeSource, makeWorkload } from '../../../testing/fixtures.js'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { ActionWatchProvider } from '../hooks/action-watch.js'
import { WorkloadsPage } from '../components/workloads-page.js'

const BASE = 'http://localhost:3000/api'

beforeEach(() => {
  FakeEventSource.reset()
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => vi.unstubAllGlobals())

function serveList(items: Workload[]) {
  let calls = 0
  server.use(
    http.get(`${BASE}/targets`, () =>
      HttpResponse.json({
        targets: [{ name: 'prod-eu', region: 'eu-west-101', kinds: ['dli-flink-job'] }],
        demoMode: true,
      }),
    ),
    http.get(`${BASE}/workloads/:kind`, () => {
      calls++
      return HttpResponse.json({
        items,
        total: items.length,
        sources: [makeSource({ count: items.length })],
      })
    }),
  )
  return { calls: () => calls }
}

function renderLive() {
  return renderWithProviders(
    <LiveUpdates>
      <header>
        <LiveIndicator />
      </header>
      <ActionWatchProvider>
        <WorkloadsPage scope="dli-flink-job" search={{}} onSearchChange={() => undefined} />
      </ActionWatchProvider>
    </LiveUpdates>,
  )
}

// The list has a status region of its own (auto-refresh mode); the indicator is the header's.
const indicator = () => within(screen.getByRole('banner')).getByRole('status')
const rowOf = (name: string) => screen.getByRole('button', { name }).closest('tr') as HTMLElement

test('a stream event updates the open list in place, without a refetch, and the indicator says live', async () => {
  const w = makeWorkload({ id: '1', name: 'etl' })
  const api = serveList([w])
  renderLive()
  await screen.findByRole('button', { name: 'etl' })
  expect(FakeEventSource.latest().url).toBe('http://localhost:3000/api/workloads/stream')
  expect(indicator()).toHaveTextContent('Connecting')

  FakeEventSource.latest().emit('ready', READY)
  await vi.waitFor(() => expect(indicator()).toHaveTextContent('Live'))
  FakeEventSource.latest().emit('workloads', {
    target: w.target,
    kind: w.kind,
    changed: [{ ...w, state: 'stopping' }],
    removed: [],
    at: 'now',
  })
  await vi.waitFor(() => expect(within(rowOf('etl')).getByText('stopping…')).toBeInTheDocument())
  expect(api.calls()).toBe(1)
  expect(screen.getByText(/· live/)).toBeInTheDocument()
})

test('when the stream drops the indicator says polling, and after reconnecting the list is reloaded', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  try {
    const api = serveList([makeWorkload({ name: 'etl' })])
    renderLive()
    await screen.findByRole('button', { name: 'etl' })
    FakeEventSource.latest().emit('ready', READY)
    FakeEventSource.latest().fail()
    await vi.waitFor(() => expect(indicator()).toHaveTextContent('Polling'))
    expect(FakeEventSource.latest().closed).toBe(true)

    await vi.advanceTimersByTimeAsync(1_000)
    expect(FakeEventSource.instances).toHaveLength(2)
    const before = api.calls()
    FakeEventSource.latest().emit('ready', READY)
    await vi.waitFor(() => expect(indicator()).toHaveTextContent('Live'))
    await vi.advanceTimersByTimeAsync(600)
    await vi.waitFor(() => expect(api.calls()).toBe(before + 1))
  } finally {
    vi.useRealTimers()
  }
})

test('a paused list keeps its rows until "Refresh now", even while live', async () => {
  const w = makeWorkload({ id: '1', name: 'etl' })
  serveList([w])
  renderLive()
  await screen.findByRole('button', { name: 'etl' })
  FakeEventSource.latest().emit('ready', READY)
  await userEvent.click(screen.getByRole('button', { name: 'Pause auto-refresh' }))
  FakeEventSource.latest().emit('workloads', {
    target: w.target,
    kind: w.kind,
    changed: [{ ...w, state: 'stopping' }],
    removed: [],
    at: 'now',
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(within(rowOf('etl')).getByText('running')).toBeInTheDocument()

  serveList([{ ...w, state: 'stopped' }])
  await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }))
  await vi.waitFor(() => expect(within(rowOf('etl')).getByText('stopped')).toBeInTheDocument())
})

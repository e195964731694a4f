import { getEventListeners, setMaxListeners } from 'node:events'
import { expect, test } from 'vitest'
import { whenAborted } from './stop-watcher.js'

// Every watcher shares the service's shutdown signal: a listener left behind per watch (or per
// poll) would pile up for the life of the process.
test('a finished watch leaves no listener on the shared shutdown signal', () => {
  const closing = new AbortController()
  setMaxListeners(0, closing.signal) // as BackgroundTasks does for its shared shutdown signal
  const watches = Array.from({ length: 25 }, () => whenAborted(closing.signal))
  expect(getEventListeners(closing.signal, 'abort')).toHaveLength(25)
  for (const w of watches) w.dispose()
  expect(getEventListeners(closing.signal, 'abort')).toHaveLength(0)
})

test('the shutdown promise resolves when the signal fires', async () => {
  const closing = new AbortController()
  const watch = whenAborted(closing.signal)
  closing.abort()
  await expect(watch.fired).resolves.toBeUndefined()
  watch.dispose()
})

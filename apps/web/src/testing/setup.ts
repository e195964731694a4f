import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from './server.js'

// jsdom lacks the observers Radix (popper sizing) and TanStack Virtual subscribe to.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver
// jsdom has no layout: give elements a viewport-sized box so the virtualised table renders a window.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })
// Radix Toast tracks swipes with pointer capture, which jsdom lacks.
for (const method of ['hasPointerCapture', 'setPointerCapture', 'releasePointerCapture'] as const) {
  if (!(method in Element.prototype))
    Object.defineProperty(Element.prototype, method, { configurable: true, value: () => false })
}
// The router restores scroll positions; jsdom doesn't implement scrolling.
window.scrollTo = () => undefined

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

import { render } from '@testing-library/react'
import { expect, test } from 'vitest'
import { findHiddenCharacter } from '@ops-console/contracts'
import { InertText } from './inert-text.js'

test('markup stays text, and control, bidi and zero-width characters show as visible markers', () => {
  const stored = '<img src=x onerror=alert(1)> stop\r\nFAKE LOG \u001b[31m \u202eevil\u200b'
  const { container } = render(<InertText text={stored} />)
  expect(container.querySelector('img')).toBeNull()
  const bdi = container.querySelector('bdi')
  expect(bdi).not.toBeNull()
  const shown = bdi?.textContent ?? ''
  expect(shown).toContain('<img src=x onerror=alert(1)>')
  // Nothing hidden reaches the page: every such character became its U+ marker.
  expect(findHiddenCharacter(shown)).toBeNull()
  expect([...container.querySelectorAll('abbr')].map((a) => a.textContent)).toEqual([
    'U+000D',
    'U+000A',
    'U+001B',
    'U+202E',
    'U+200B',
  ])
})

test('ordinary text renders unchanged; empty text renders nothing', () => {
  expect(render(<InertText text="incident 42 — Zürich 停止" />).container.textContent).toBe(
    'incident 42 — Zürich 停止',
  )
  expect(render(<InertText text="" />).container.innerHTML).toBe('')
  expect(render(<InertText text={null} />).container.innerHTML).toBe('')
})

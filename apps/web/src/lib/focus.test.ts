import { expect, test } from 'vitest'
import { isSubmitChord, isTypingTarget } from './focus.js'

test('text fields swallow shortcuts; checkboxes and buttons do not', () => {
  const make = (html: string) => {
    const box = document.createElement('div')
    box.innerHTML = html
    return box.firstElementChild
  }
  expect(isTypingTarget(make('<input type="search">'))).toBe(true)
  expect(isTypingTarget(make('<input>'))).toBe(true)
  expect(isTypingTarget(make('<textarea></textarea>'))).toBe(true)
  expect(isTypingTarget(make('<select></select>'))).toBe(true)
  expect(isTypingTarget(make('<input type="checkbox">'))).toBe(false)
  expect(isTypingTarget(make('<button>Stop</button>'))).toBe(false)
  expect(isTypingTarget(null)).toBe(false)
})

test('Ctrl+Enter and ⌘+Enter submit; Enter alone does not', () => {
  expect(isSubmitChord({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true)
  expect(isSubmitChord({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true)
  expect(isSubmitChord({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false)
})

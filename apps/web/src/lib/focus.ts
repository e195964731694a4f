/** Form controls a dialog may start on, in document order (the × button is not one of them). */
const FIELDS = 'textarea, input:not([type=hidden]), select'

/** Focuses the first enabled field in `container`, else the container itself (its title is read). */
export function focusFirstField(container: HTMLElement): void {
  const field = [...container.querySelectorAll<HTMLElement>(FIELDS)].find(
    (el) => !(el as HTMLInputElement).disabled,
  )
  ;(field ?? container).focus()
}

/**
 * Where focus goes back when a dialog closes: the control that opened it while it is still in
 * the page, else `fallback()` (e.g. the row, when a re-render replaced the button).
 */
export function returnFocus(opener: Element | null, fallback?: () => HTMLElement | null): void {
  const usable = opener instanceof HTMLElement && opener.isConnected && opener !== document.body
  const target = usable ? opener : fallback?.()
  target?.focus()
}

/** Ctrl+Enter (⌘+Enter on a Mac) submits the form the key was pressed in. */
export function isSubmitChord(e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey)
}

/** Typing in a field must never trigger a page shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  // Checkboxes and buttons take no text: j/k on a row's checkbox still move.
  return target.matches(
    'textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset])',
  )
}

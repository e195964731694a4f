/** Colour theme: `system` follows prefers-color-scheme; the choice is persisted in localStorage. */
export type ThemeChoice = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'ops-console.theme'

export function readThemeChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    // Storage can be blocked (privacy mode); fall back to the system preference.
    return 'system'
  }
}

function systemPrefersDark(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  )
}

/** Sets or clears the `dark` class on <html> for the given choice. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark())
  document.documentElement.classList.toggle('dark', dark)
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Not persisted; the choice still applies for this page.
  }
  applyTheme(choice)
}

/** Re-applies the system theme when the OS preference changes while `system` is chosen. */
export function watchSystemTheme(): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined
  const mq = window.matchMedia('(prefers-color-scheme: dark)')
  const onChange = () => {
    if (readThemeChoice() === 'system') applyTheme('system')
  }
  mq.addEventListener('change', onChange)
  return () => mq.removeEventListener('change', onChange)
}

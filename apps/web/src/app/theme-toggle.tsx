import { useState } from 'react'
import { Button } from '../components/ui/button.js'
import { readThemeChoice, saveThemeChoice, type ThemeChoice } from '../lib/theme.js'

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Cycles system → light → dark; the choice persists in localStorage. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice)
  const next = NEXT[choice]
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Theme: ${LABEL[choice]}. Switch to ${LABEL[next]}`}
      onClick={() => {
        saveThemeChoice(next)
        setChoice(next)
      }}
    >
      Theme: {LABEL[choice]}
    </Button>
  )
}

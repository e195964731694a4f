import { useEffect, useState } from 'react'
import { controlClass } from './field.js'

interface DebouncedSearchProps {
  label: string
  value: string | undefined
  onChange: (v: string | undefined) => void
  placeholder?: string
  delayMs?: number
  className?: string
}

/** A search box that reports after a pause in typing (so the URL isn't rewritten per keystroke). */
export function DebouncedSearch({
  label,
  value,
  onChange,
  placeholder,
  delayMs = 300,
  className = 'min-w-48 flex-1',
}: DebouncedSearchProps) {
  const [text, setText] = useState(value ?? '')
  const [seen, setSeen] = useState(value)
  // Follow outside changes (Back button, a link) by adjusting state during render, not in an effect.
  if (seen !== value) {
    setSeen(value)
    setText(value ?? '')
  }
  useEffect(() => {
    if ((value ?? '') === text) return
    const t = window.setTimeout(() => onChange(text || undefined), delayMs)
    return () => window.clearTimeout(t)
  }, [text, value, onChange, delayMs])
  return (
    <label className={`text-sm ${className}`}>
      <span className="mb-1 block font-medium">{label}</span>
      <input
        type="search"
        className={controlClass}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </label>
  )
}

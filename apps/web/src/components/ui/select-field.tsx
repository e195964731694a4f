import { useId, type ReactNode } from 'react'
import { controlClass } from './field.js'

interface SelectFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  children: ReactNode
  disabled?: boolean
}

/** A labelled select; the label is linked by id so its accessible name is just the label. */
export function SelectField({ label, value, onChange, children, disabled }: SelectFieldProps) {
  const id = useId()
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${controlClass} w-auto`}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </div>
  )
}

import { useQuery } from '@tanstack/react-query'
import { Field } from '../../../components/ui/field.js'
import { SelectField } from '../../../components/ui/select-field.js'
import { scriptQueries } from '../api/script-queries.js'

/**
 * Picks a script of the chosen target from the BFF's catalog; falls back to typing the name when
 * the catalog is unavailable (or lists nothing), so executing never depends on the listing.
 */
export function ScriptPicker({
  id,
  target,
  value,
  onChange,
}: {
  id: string
  target: string
  value: string
  onChange: (v: string) => void
}) {
  const catalog = useQuery(scriptQueries.catalog(target))
  const scripts = catalog.data?.items ?? []
  if (target && catalog.isPending) {
    return (
      <SelectField label="Script name" value="" onChange={onChange} disabled>
        <option value="">Loading scripts…</option>
      </SelectField>
    )
  }
  if (target && scripts.length > 0) {
    return (
      <SelectField label="Script name" value={value} onChange={onChange}>
        <option value="">Choose a script</option>
        {scripts.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
            {s.type ? ` (${s.type})` : ''}
          </option>
        ))}
      </SelectField>
    )
  }
  const failed = catalog.data?.sources.some((s) => !s.ok) || catalog.isError
  return (
    <Field
      id={id}
      label="Script name"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      hint={failed ? 'The script list could not be loaded; type the name.' : undefined}
    />
  )
}

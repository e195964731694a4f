import { useQuery } from '@tanstack/react-query'
import { controlClass } from '../../../components/ui/field.js'
import { targetQueries } from '../../../lib/targets.js'

export function TargetSelect({
  id,
  value,
  onChange,
}: {
  id: string
  value: string
  onChange: (v: string) => void
}) {
  const targets = useQuery(targetQueries.all())
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Target
      </label>
      <select
        id={id}
        className={controlClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      >
        <option value="">{targets.isPending ? 'Loading targets…' : 'Choose a target'}</option>
        {(targets.data ?? []).map((t) => (
          <option key={t.name} value={t.name}>
            {t.name}
            {t.region ? ` (${t.region})` : ''}
          </option>
        ))}
      </select>
    </div>
  )
}

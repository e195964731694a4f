import { SCRIPT_INSTANCE_ID_PATTERN, SCRIPT_NAME_PATTERN } from '@ops-console/contracts'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { Field } from '../../../components/ui/field.js'
import { fieldError } from '../../../lib/api-error.js'
import { useRegisterInstance } from '../api/use-register-instance.js'
import { TargetSelect } from './target-select.js'

/** Tracks an instance started elsewhere (e.g. in the cloud console), so it can be seen and stopped here. */
export function RegisterInstanceForm({ disabledReason }: { disabledReason?: string | undefined }) {
  const id = useId()
  const register = useRegisterInstance()
  const [target, setTarget] = useState('')
  const [scriptName, setScriptName] = useState('')
  const [instanceId, setInstanceId] = useState('')
  const ready =
    !disabledReason &&
    target &&
    SCRIPT_NAME_PATTERN.test(scriptName) &&
    SCRIPT_INSTANCE_ID_PATTERN.test(instanceId) &&
    !register.isPending

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready) return
    register.mutate({ target, scriptName, instanceId }, { onSuccess: () => setInstanceId('') })
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="font-semibold">
        Register an instance
      </h2>
      {disabledReason ? <p className="text-sm text-slate-500">{disabledReason}</p> : null}
      <TargetSelect id={`${id}-target`} value={target} onChange={setTarget} />
      <Field
        id={`${id}-script`}
        label="Script name"
        value={scriptName}
        onChange={(e) => setScriptName(e.target.value)}
        autoComplete="off"
        error={fieldError(register.error, 'scriptName')}
      />
      <Field
        id={`${id}-instance`}
        label="Instance id"
        value={instanceId}
        onChange={(e) => setInstanceId(e.target.value)}
        autoComplete="off"
        error={fieldError(register.error, 'instanceId')}
      />
      {register.error ? <ErrorPanel title="Registration failed" error={register.error} /> : null}
      {register.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          Instance {register.data?.instance.instanceId} registered.
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={!ready}>
        {register.isPending ? 'Registering…' : 'Register'}
      </Button>
    </form>
  )
}

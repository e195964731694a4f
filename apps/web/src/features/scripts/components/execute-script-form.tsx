import { useId, useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { TextareaField } from '../../../components/ui/textarea-field.js'
import { fieldError } from '../../../lib/api-error.js'
import { useExecuteScript } from '../api/use-execute-script.js'
import { parseParams } from './parse-params.js'
import { ScriptPicker } from './script-picker.js'
import { TargetSelect } from './target-select.js'

const NAME = /^[A-Za-z0-9_-]{1,128}$/

export function ExecuteScriptForm({ disabledReason }: { disabledReason?: string | undefined }) {
  const id = useId()
  const execute = useExecuteScript()
  const [target, setTarget] = useState('')
  const [scriptName, setScriptName] = useState('')
  const [paramText, setParamText] = useState('')
  const [reason, setReason] = useState('')
  const parsed = parseParams(paramText)
  const paramError = 'error' in parsed ? parsed.error : undefined
  const ready =
    !disabledReason &&
    target &&
    NAME.test(scriptName) &&
    !paramError &&
    reason.trim().length >= 3 &&
    !execute.isPending

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready || 'error' in parsed) return
    execute.mutate({ target, scriptName, params: parsed.params, reason: reason.trim() })
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="font-semibold">
        Execute a script
      </h2>
      {disabledReason ? <p className="text-sm text-slate-500">{disabledReason}</p> : null}
      <TargetSelect
        id={`${id}-target`}
        value={target}
        onChange={(t) => {
          setTarget(t)
          setScriptName('')
        }}
      />
      <ScriptPicker
        id={`${id}-script`}
        target={target}
        value={scriptName}
        onChange={setScriptName}
      />
      <TextareaField
        id={`${id}-params`}
        label="Parameters (optional)"
        hint="One name=value per line."
        value={paramText}
        onChange={(e) => setParamText(e.target.value)}
      />
      {paramError ? <p className="text-xs text-red-700 dark:text-red-300">{paramError}</p> : null}
      <TextareaField
        id={`${id}-reason`}
        label="Reason (required)"
        hint="Recorded in the audit log."
        error={fieldError(execute.error, 'reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {execute.error ? <ErrorPanel title="Execution failed" error={execute.error} /> : null}
      {execute.data ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          Started instance {execute.data.instance.instanceId} of {execute.data.instance.scriptName}.
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={!ready}>
        {execute.isPending ? 'Starting…' : 'Execute'}
      </Button>
    </form>
  )
}

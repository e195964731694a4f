import { useState, type FormEvent } from 'react'
import type { ApiError } from '../../../lib/api-error.js'
import { Button } from '../../../components/ui/button.js'
import { Field } from '../../../components/ui/field.js'
import { useLogin } from '../api/use-login.js'
import { useCountdown, type Deadline } from '../hooks/use-countdown.js'

function loginErrorText(error: ApiError, secondsLeft: number): string {
  if (error.code === 'RATE_LIMITED') {
    return secondsLeft > 0
      ? `Too many sign-in attempts. The account is locked; try again in ${secondsLeft} s.`
      : 'Too many sign-in attempts. You can try again now.'
  }
  if (error.code === 'INVALID_CREDENTIALS' || error.status === 401)
    return 'Wrong username or password.'
  if (error.code === 'NETWORK') return error.message
  return `${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`
}

/** Local-account sign-in. Calls `onSignedIn` with whether a password change is required. */
export function LoginForm({ onSignedIn }: { onSignedIn: (mustChangePassword: boolean) => void }) {
  const login = useLogin()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [lockedUntil, setLockedUntil] = useState<Deadline | null>(null)
  const secondsLeft = useCountdown(lockedUntil)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (login.isPending) return
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (res) => onSignedIn(Boolean(res.mustChangePassword)),
        onError: (err) => {
          if (err.retryAfterSeconds) {
            const now = Date.now()
            setLockedUntil({ until: now + err.retryAfterSeconds * 1000, setAt: now })
          }
          setPassword('')
        },
      },
    )
  }
  const locked = secondsLeft > 0
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        label="Username"
        name="username"
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {login.error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
        >
          {loginErrorText(login.error, secondsLeft)}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        className="w-full"
        disabled={login.isPending || locked || !username || !password}
      >
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}

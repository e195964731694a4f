import type { SignInError } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { buttonClass } from '../../../components/ui/button.js'
import { useDocumentTitle } from '../../../components/ui/states.js'
import { authQueries } from '../api/auth-queries.js'
import { LoginForm } from './login-form.js'
import { PasswordChangeForm } from './password-change-form.js'
import { SignInErrorNotice } from './sign-in-error.js'

/** Sign-in screen: local account, SSO when configured, then a forced password change if needed. */
export function LoginPage({
  onDone,
  signInError,
}: {
  onDone: () => void
  /** Why the last single sign-on failed (`/login?error=<code>`). */
  signInError?: SignInError
}) {
  const me = useQuery(authQueries.me())
  const [mustChange, setMustChange] = useState(false)
  const showChange = mustChange || Boolean(me.data?.user && me.data.mustChangePassword)
  useDocumentTitle(showChange ? 'Change your password' : 'Sign in')

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">
          {showChange ? 'Change your password' : 'Sign in to Ops Console'}
        </h1>
        {me.data?.demoMode ? (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-300">
            Demo mode — simulated cloud
          </p>
        ) : null}
        {signInError && !showChange ? <SignInErrorNotice error={signInError} /> : null}
        <div className="mt-5">
          {showChange ? (
            <PasswordChangeForm onChanged={onDone} />
          ) : (
            <LoginForm onSignedIn={(must) => (must ? setMustChange(true) : onDone())} />
          )}
        </div>
        {!showChange && me.data?.oidc ? (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-700">
            {/* A full-page navigation: the BFF runs the authorization-code + PKCE redirect. */}
            <a href="/api/auth/oidc/login" className={`${buttonClass('secondary')} w-full`}>
              Sign in with SSO
            </a>
          </div>
        ) : null}
      </div>
    </main>
  )
}

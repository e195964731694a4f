import type { SignInError } from '@ops-console/contracts'

/** What each `/login?error=<code>` from the BFF's single sign-on means, and what to do next. */
export const SIGN_IN_ERROR_TEXT: Record<SignInError, string> = {
  sso_denied:
    'Single sign-on was cancelled or refused by the identity provider. Try again, or sign in with a local account.',
  sso_state:
    'This sign-in was not started in this browser (or its cookie was blocked). Start single sign-on again from this page.',
  sso_expired: 'The sign-in took too long or was already used. Start single sign-on again.',
  sso_failed:
    'The identity provider did not confirm the sign-in. Try again; if it keeps failing, tell your administrator.',
  sso_unavailable:
    'The identity provider cannot be reached right now. Try again in a moment, or sign in with a local account.',
  no_role:
    'You are signed in at the identity provider, but your account has no ops-console role. Ask an administrator to add you to a group that grants one.',
}

export function SignInErrorNotice({ error }: { error: SignInError }) {
  return (
    <div
      role="alert"
      className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100"
    >
      <p className="font-semibold">Single sign-on did not work</p>
      <p className="mt-1">{SIGN_IN_ERROR_TEXT[error]}</p>
    </div>
  )
}

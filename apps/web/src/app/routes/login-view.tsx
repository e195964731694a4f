import { useRouter } from '@tanstack/react-router'
import { LoginPage } from '../../features/auth/components/login-page.js'
import { loginRoute } from './login.js'

export function LoginView() {
  const { redirect, error } = loginRoute.useSearch()
  const router = useRouter()
  // Only same-app paths are accepted as redirect targets (no open redirect).
  const done = () =>
    void router.navigate({ href: redirect && !redirect.startsWith('//') ? redirect : '/' })
  return <LoginPage onDone={done} {...(error ? { signInError: error } : {})} />
}

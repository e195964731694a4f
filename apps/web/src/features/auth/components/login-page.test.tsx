import type { MeResponse } from '@ops-console/contracts'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { LoginPage } from './login-page.js'

const ME = 'http://localhost:3000/api/auth/me'
const signedOut: MeResponse = {
  user: null,
  demoMode: false,
  oidc: false,
  mustChangePassword: false,
}

test('offers SSO only when the BFF says OIDC is configured', async () => {
  server.use(http.get(ME, () => HttpResponse.json({ ...signedOut, oidc: true, demoMode: true })))
  renderWithProviders(<LoginPage onDone={() => undefined} />)
  expect(await screen.findByRole('link', { name: 'Sign in with SSO' })).toHaveAttribute(
    'href',
    '/api/auth/oidc/login',
  )
  expect(screen.getByText('Demo mode — simulated cloud')).toBeInTheDocument()
})

test('no SSO button without OIDC', async () => {
  server.use(http.get(ME, () => HttpResponse.json(signedOut)))
  renderWithProviders(<LoginPage onDone={() => undefined} />)
  expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
  expect(screen.queryByRole('link', { name: 'Sign in with SSO' })).not.toBeInTheDocument()
})

test('a user who must change the password gets the change form, and it checks the new password', async () => {
  const user = {
    username: 'bob',
    displayName: 'Bob',
    role: 'operator' as const,
    authMethod: 'local' as const,
  }
  let body: unknown
  server.use(
    http.get(ME, () => HttpResponse.json({ ...signedOut, user, mustChangePassword: true })),
    http.post('http://localhost:3000/api/auth/password', async ({ request }) => {
      body = await request.json()
      return HttpResponse.json({ ...signedOut, user, mustChangePassword: false })
    }),
  )
  const onDone = vi.fn()
  renderWithProviders(<LoginPage onDone={onDone} />)
  expect(await screen.findByRole('heading', { name: 'Change your password' })).toBeInTheDocument()
  const submit = screen.getByRole('button', { name: 'Change password' })
  await userEvent.type(screen.getByLabelText('Current password'), 'one-time-pass')
  await userEvent.type(screen.getByLabelText('New password'), 'short')
  expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument()
  await userEvent.type(screen.getByLabelText('New password'), '-but-now-long')
  await userEvent.type(screen.getByLabelText('Repeat new password'), 'short-but-now-lon')
  expect(screen.getByText('The passwords do not match.')).toBeInTheDocument()
  expect(submit).toBeDisabled()
  await userEvent.type(screen.getByLabelText('Repeat new password'), 'g')
  await userEvent.click(submit)
  await vi.waitFor(() => expect(onDone).toHaveBeenCalled())
  expect(body).toEqual({ currentPassword: 'one-time-pass', newPassword: 'short-but-now-long' })
})

test('a failed single sign-on lands here with a readable explanation and the way back in', async () => {
  server.use(http.get(ME, () => HttpResponse.json({ ...signedOut, oidc: true })))
  renderWithProviders(<LoginPage onDone={() => undefined} signInError="no_role" />)
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Single sign-on did not work')
  expect(alert).toHaveTextContent('your account has no ops-console role')
  expect(await screen.findByRole('link', { name: 'Sign in with SSO' })).toBeInTheDocument()
  expect(document.title).toBe('Sign in · Ops Console')
})

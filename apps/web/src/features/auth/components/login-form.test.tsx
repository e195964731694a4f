import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { renderWithProviders } from '../../../testing/render.js'
import { server } from '../../../testing/server.js'
import { LoginForm } from './login-form.js'

const LOGIN = 'http://localhost:3000/api/auth/login'

async function signIn(user: string, pass: string) {
  await userEvent.type(screen.getByLabelText('Username'), user)
  await userEvent.type(screen.getByLabelText('Password'), pass)
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

test('wrong credentials show a clear message', async () => {
  server.use(
    http.post(LOGIN, () =>
      HttpResponse.json(
        { error: { code: 'INVALID_CREDENTIALS', message: 'invalid', requestId: 'r1' } },
        { status: 401 },
      ),
    ),
  )
  renderWithProviders(<LoginForm onSignedIn={() => undefined} />)
  await signIn('alice', 'bad')
  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.')
})

test('a locked-out account shows when to retry and blocks the button meanwhile', async () => {
  server.use(
    http.post(LOGIN, () =>
      HttpResponse.json(
        {
          error: {
            code: 'RATE_LIMITED',
            message: 'locked',
            requestId: 'r2',
            retryAfterSeconds: 90,
          },
        },
        { status: 429 },
      ),
    ),
  )
  renderWithProviders(<LoginForm onSignedIn={() => undefined} />)
  await signIn('alice', 'bad')
  expect(await screen.findByRole('alert')).toHaveTextContent(/try again in 90 s/)
  await userEvent.type(screen.getByLabelText('Password'), 'again')
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled()
})

test('success reports whether a password change is required', async () => {
  let body: unknown
  server.use(
    http.post(LOGIN, async ({ request }) => {
      body = await request.json()
      return HttpResponse.json({
        user: { username: 'bob', displayName: 'Bob', role: 'operator', authMethod: 'local' },
        demoMode: false,
        oidc: false,
        mustChangePassword: true,
      })
    }),
  )
  const onSignedIn = vi.fn()
  renderWithProviders(<LoginForm onSignedIn={onSignedIn} />)
  await signIn(' bob ', 's3cret')
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(true))
  expect(body).toEqual({ username: 'bob', password: 's3cret' })
})

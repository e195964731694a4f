import { expect, test } from 'vitest'
import { LoginSearch } from './login.js'

// The BFF's codes pass; anything else is dropped (never shown as text).
test('the sign-in page accepts the BFF’s error codes and drops unknown ones', () => {
  expect(LoginSearch.parse({ error: 'sso_expired' })).toEqual({ error: 'sso_expired' })
  expect(LoginSearch.parse({ error: '<script>' })).toEqual({})
  expect(LoginSearch.parse({ redirect: '/audit', error: 'nope' })).toEqual({ redirect: '/audit' })
})

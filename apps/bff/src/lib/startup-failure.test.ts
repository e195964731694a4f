import { expect, test } from 'vitest'
import { ConfigError } from './config.js'
import { startupFailureLines } from './startup-failure.js'

test('every start-up failure becomes single lines: config problems, a busy port, any other error', () => {
  expect(startupFailureLines(new ConfigError(['PORT: too big', 'HOST: empty']))).toEqual([
    'configuration refused: PORT: too big',
    'configuration refused: HOST: empty',
  ])
  const busy = Object.assign(new Error('listen EADDRINUSE'), {
    code: 'EADDRINUSE',
    address: '0.0.0.0',
    port: 8080,
  })
  expect(startupFailureLines(busy)).toEqual([
    'cannot start: PORT/HOST: cannot listen on 0.0.0.0:8080 (EADDRINUSE)',
  ])
  const driver = new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap')
  expect(startupFailureLines(driver)).toEqual([
    'cannot start: connect ECONNREFUSED 127.0.0.1:5432 at TCPConnectWrap',
  ])
  expect(startupFailureLines('plain string')).toEqual(['cannot start: plain string'])
})

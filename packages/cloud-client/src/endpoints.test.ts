import { expect, test } from 'vitest'
import { CloudError } from './errors.js'
import { defaultHost, resolveBaseUrl } from './endpoints.js'

const dev = { allowInsecureLoopback: true, nodeEnv: 'test' }
const strict = { allowInsecureLoopback: false, nodeEnv: 'test' }

test('default hosts follow the SDK region tables, including the special cases', () => {
  expect(defaultHost('iam', 'cn-north-4')).toBe('iam.cn-north-4.myhuaweicloud.com')
  expect(defaultHost('iam', 'eu-west-101')).toBe('iam.eu-west-101.myhuaweicloud.eu')
  expect(defaultHost('dli', 'eu-west-101')).toBe('dli.eu-west-101.myhuaweicloud.eu')
  expect(defaultHost('dli', 'ap-southeast-3')).toBe('dli.ap-southeast-3.myhuaweicloud.com')
  expect(defaultHost('dataarts', 'ap-southeast-1')).toBe(
    'dayu-dlf.ap-southeast-3.myhuaweicloud.com',
  )
  expect(defaultHost('dataarts', 'cn-north-4')).toBe('dayu-dlf.cn-north-4.myhuaweicloud.com')
  expect(defaultHost('modelarts', 'ap-southeast-1')).toBe(
    'modelarts.ap-southeast-1.myhuaweicloud.cn',
  )
  expect(defaultHost('modelarts', 'eu-west-101')).toBe('modelarts.eu-west-101.myhuaweicloud.com')
  expect(defaultHost('codearts', 'tr-west-1')).toBe('cloudbuild-ext.tr-west-1.myhuaweicloud.com')
})

test('resolveBaseUrl defaults to https and keeps override path prefixes', () => {
  expect(resolveBaseUrl('dli', 'cn-north-4', undefined, strict)).toBe(
    'https://dli.cn-north-4.myhuaweicloud.com',
  )
  expect(resolveBaseUrl('dli', 'cn-north-4', 'http://127.0.0.1:4010/dli/', dev)).toBe(
    'http://127.0.0.1:4010/dli',
  )
  expect(resolveBaseUrl('iam', 'x-y-1', 'http://localhost:4010/iam', dev)).toBe(
    'http://localhost:4010/iam',
  )
  expect(resolveBaseUrl('iam', 'x-y-1', 'http://[::1]:4010/iam', dev)).toBe('http://[::1]:4010/iam')
  expect(resolveBaseUrl('iam', 'x-y-1', 'https://proxy.example.com/iam', strict)).toBe(
    'https://proxy.example.com/iam',
  )
})

test.each([
  ['http://127.0.0.1:4010/dli', strict, 'allowInsecureLoopback'],
  ['http://10.0.0.1/dli', dev, 'loopback'],
  ['http://127.0.0.1.evil.com/dli', dev, 'loopback'],
  ['http://127.0.0.1/dli', { allowInsecureLoopback: true, nodeEnv: 'production' }, 'production'],
  ['ftp://127.0.0.1/dli', dev, 'protocol'],
  ['https://user:pw@host/dli', dev, 'credentials'],
  ['not a url', dev, 'Invalid'],
])('resolveBaseUrl rejects %s', (url, policy, reason) => {
  const run = () => resolveBaseUrl('dli', 'cn-north-4', url, policy)
  expect(run).toThrow(CloudError)
  expect(run).toThrow(reason)
  try {
    run()
  } catch (e) {
    expect((e as CloudError).kind).toBe('config')
  }
})

test('an invalid region cannot inject a host', () => {
  expect(() => resolveBaseUrl('dli', 'evil.com/x', undefined, strict)).toThrow(/Invalid region/)
})

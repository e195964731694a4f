import { expect, test } from 'vitest'
import { CloudError } from '../errors.js'
import { CLOUD_PROVIDERS, presetRegions } from './presets.js'
import { defaultHost, resolveBaseUrl } from './resolve.js'

const dev = { allowInsecureLoopback: true, nodeEnv: 'test' }
const strict = { allowInsecureLoopback: false, nodeEnv: 'test' }

test('default hosts follow the SDK region tables, including the special cases', () => {
  expect(defaultHost('iam', 'cn-north-4')).toBe('iam.cn-north-4.myhuaweicloud.com')
  expect(defaultHost('iam', 'eu-west-101')).toBe('iam.eu-west-101.myhuaweicloud.eu')
  expect(defaultHost('dli', 'eu-west-101')).toBe('dli.eu-west-101.myhuaweicloud.eu')
  expect(defaultHost('dli', 'ap-southeast-3')).toBe('dli.ap-southeast-3.myhuaweicloud.com')
  // The current SDK tables give ap-southeast-1 its own DLF host (older releases: ap-southeast-3).
  expect(defaultHost('dataarts', 'ap-southeast-1')).toBe(
    'dayu-dlf.ap-southeast-1.myhuaweicloud.com',
  )
  expect(defaultHost('dataarts', 'cn-east-4')).toBe('dayu.cn-east-4.myhuaweicloud.com')
  expect(defaultHost('dataarts', 'eu-west-101')).toBe('dayu-dlf.eu-west-101.myhuaweicloud.com')
  expect(defaultHost('dataarts', 'cn-north-4')).toBe('dayu-dlf.cn-north-4.myhuaweicloud.com')
  expect(defaultHost('modelarts', 'ap-southeast-1')).toBe(
    'modelarts.ap-southeast-1.myhuaweicloud.cn',
  )
  expect(defaultHost('modelarts', 'eu-west-101')).toBe('modelarts.eu-west-101.myhuaweicloud.com')
  expect(defaultHost('codearts', 'tr-west-1')).toBe('cloudbuild-ext.tr-west-1.myhuaweicloud.com')
})

test('a Huawei region no table lists yet follows the SDK pattern; Open Telekom Cloud knows only its own', () => {
  expect(defaultHost('codearts', 'eu-west-101')).toBe(
    'cloudbuild-ext.eu-west-101.myhuaweicloud.com',
  )
  expect(defaultHost('iam', 'eu-de', 'otc')).toBe('iam.eu-de.otc.t-systems.com')
  expect(defaultHost('dataarts', 'eu-nl', 'otc')).toBe('dayu-dlf.eu-nl.otc.t-systems.com')
  expect(defaultHost('dli', 'eu-de', 'otc')).toBe('dli.eu-de.otc.t-systems.com')
  expect(defaultHost('modelarts', 'eu-de', 'otc')).toBe('modelarts.eu-de.otc.t-systems.com')
  expect(defaultHost('codearts', 'eu-de', 'otc')).toBeUndefined()
  expect(defaultHost('dli', 'cn-north-4', 'otc')).toBeUndefined()
  expect(() => resolveBaseUrl('codearts', 'eu-de', undefined, strict, 'otc')).toThrow(
    'Open Telekom Cloud offers no codearts endpoint in eu-de; set an endpoint override',
  )
  expect(resolveBaseUrl('codearts', 'eu-de', 'https://build.example.com', strict, 'otc')).toBe(
    'https://build.example.com',
  )
})

test('every preset host is a plain https host name', () => {
  for (const provider of CLOUD_PROVIDERS)
    for (const service of ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'] as const)
      for (const region of presetRegions(provider, service)) {
        const url = new URL(resolveBaseUrl(service, region, undefined, strict, provider))
        expect(url.protocol).toBe('https:')
        expect(url.pathname).toBe('/')
        expect(url.hostname).toMatch(
          /^[a-z0-9-]+\.[a-z0-9-]+\.(myhuaweicloud\.(com|eu|cn)|otc\.t-systems\.com)$/,
        )
      }
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

import { CloudError, type ServiceName } from '../errors.js'
import { huaweiPatternHost, presetHost, type CloudProvider } from './presets.js'

export type EndpointOverrides = Partial<Record<ServiceName, string>>

// Region ids look like `cn-north-4`, `eu-de`, `eu-west-101`; anything else could inject a host.
const REGION_RE = /^[a-z]{2,}(?:-[a-z0-9]+)+$/

/**
 * Default host of a service in a region: the provider's preset table (presets.ts). A Huawei Cloud
 * region the table does not list yet falls back to the SDK pattern `<label>.<region>.myhuaweicloud.com`
 * (regions appear faster than tables; `npm run cloud:check` tells whether it answers). On Open
 * Telekom Cloud only the listed regions and services exist: undefined otherwise.
 */
export function defaultHost(
  service: ServiceName,
  region: string,
  provider: CloudProvider = 'huaweicloud',
): string | undefined {
  const preset = presetHost(provider, service, region)
  if (preset || provider === 'otc') return preset
  return huaweiPatternHost(service, region)
}

const PROVIDER_NAME: Record<CloudProvider, string> = {
  huaweicloud: 'Huawei Cloud',
  otc: 'Open Telekom Cloud',
}

export interface EndpointPolicy {
  allowInsecureLoopback: boolean
  /** Injected for tests; defaults to `process.env.NODE_ENV`. */
  nodeEnv: string | undefined
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/**
 * Base URL (no trailing slash; may carry a path prefix such as `/dli` for the simulator) for a
 * service. HTTPS only; plain HTTP is accepted for loopback hosts when explicitly allowed outside
 * production, so credentials never travel unencrypted over a network.
 */
export function resolveBaseUrl(
  service: ServiceName,
  region: string,
  override: string | undefined,
  policy: EndpointPolicy,
  provider: CloudProvider = 'huaweicloud',
): string {
  const fail = (message: string): never => {
    throw new CloudError({ service, operation: 'resolveEndpoint', kind: 'config', message })
  }
  if (override === undefined) {
    if (!REGION_RE.test(region)) fail(`Invalid region id '${region}'`)
    const host = defaultHost(service, region, provider)
    if (host === undefined)
      fail(
        `${PROVIDER_NAME[provider]} offers no ${service} endpoint in ${region}; set an endpoint override`,
      )
    return `https://${host}`
  }
  let url: URL
  try {
    url = new URL(override)
  } catch {
    return fail(`Invalid ${service} endpoint URL`)
  }
  if (url.username || url.password) fail(`The ${service} endpoint must not contain credentials`)
  if (url.search || url.hash) fail(`The ${service} endpoint must not contain a query or fragment`)
  if (url.protocol === 'http:') {
    if (!policy.allowInsecureLoopback)
      fail(`The ${service} endpoint must use https (http needs allowInsecureLoopback)`)
    if (!isLoopback(url.hostname))
      fail(`Plain http is only allowed for loopback hosts (${service})`)
    if (policy.nodeEnv === 'production')
      fail(`Plain http is not allowed in production (${service})`)
  } else if (url.protocol !== 'https:') {
    fail(`Unsupported protocol for the ${service} endpoint`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

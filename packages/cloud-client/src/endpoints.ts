import { CloudError, type ServiceName } from './errors.js'

export type EndpointOverrides = Partial<Record<ServiceName, string>>

// Region ids look like `cn-north-4`, `ap-southeast-3`, `eu-west-101`; anything else could inject a host.
const REGION_RE = /^[a-z]{2,}(?:-[a-z0-9]+)*-\d+$/

/** Default host per service and region (cloud-api.md §1.1, from the official SDKs' region tables). */
export function defaultHost(service: ServiceName, region: string): string {
  switch (service) {
    case 'iam':
      return region === 'eu-west-101'
        ? 'iam.eu-west-101.myhuaweicloud.eu'
        : `iam.${region}.myhuaweicloud.com`
    case 'dataarts':
      // The DGC SDK serves ap-southeast-1 from the ap-southeast-3 DLF endpoint.
      return `dayu-dlf.${region === 'ap-southeast-1' ? 'ap-southeast-3' : region}.myhuaweicloud.com`
    case 'codearts':
      return `cloudbuild-ext.${region}.myhuaweicloud.com`
    case 'dli':
      return region === 'eu-west-101'
        ? 'dli.eu-west-101.myhuaweicloud.eu'
        : `dli.${region}.myhuaweicloud.com`
    case 'modelarts':
      return region === 'ap-southeast-1'
        ? 'modelarts.ap-southeast-1.myhuaweicloud.cn'
        : `modelarts.${region}.myhuaweicloud.com`
  }
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
): string {
  const fail = (message: string): never => {
    throw new CloudError({ service, operation: 'resolveEndpoint', kind: 'config', message })
  }
  if (override === undefined) {
    if (!REGION_RE.test(region)) fail(`Invalid region id '${region}'`)
    return `https://${defaultHost(service, region)}`
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

import type { ServiceName } from '../errors.js'

/** Which cloud a target lives on: Huawei Cloud, or Open Telekom Cloud (T-Systems, same APIs). */
export type CloudProvider = 'huaweicloud' | 'otc'
export const CLOUD_PROVIDERS: readonly CloudProvider[] = ['huaweicloud', 'otc']

/*
 * Huawei Cloud regions per service, from the SDK region tables (huaweicloud-sdk-python-v3 at
 * 343a486, 2026-08: huaweicloudsdk{iam,dgc,codeartsbuild,dli,modelarts}/v*\/region/*_region.py).
 * Every host is `<label>.<region>.myhuaweicloud.com` except the listed exceptions.
 */
const HUAWEI_REGIONS: Record<ServiceName, string> = {
  iam: 'cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-north-12 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-south-1 cn-south-2 cn-southwest-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 af-south-1 sa-brazil-1 la-south-2 la-north-2 na-mexico-1 eu-west-0 eu-west-101 my-kualalumpur-1 ru-moscow-1 me-east-1 ae-ad-1 tr-west-1',
  dataarts:
    'cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-north-11 cn-east-2 cn-east-3 cn-east-4 cn-south-1 cn-southwest-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 af-south-1 sa-brazil-1 la-south-2 la-north-2 na-mexico-1 ru-northwest-2 ru-moscow-1 my-kualalumpur-1 me-east-1 ae-ad-1 eu-west-101 tr-west-1',
  codearts:
    'cn-north-1 cn-north-4 cn-east-2 cn-east-3 cn-south-1 cn-south-2 cn-southwest-2 ap-southeast-3 sa-brazil-1 la-north-2 la-south-2 tr-west-1',
  dli: 'cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-south-1 cn-southwest-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 af-south-1 af-north-1 sa-brazil-1 la-south-2 la-north-2 na-mexico-1 ru-northwest-2 ru-moscow-1 my-kualalumpur-1 me-east-1 ae-ad-1 eu-west-0 eu-west-101 tr-west-1',
  modelarts:
    'cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-north-11 cn-north-12 cn-east-3 cn-east-4 cn-south-1 cn-southwest-2 cn-southwest-3 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 af-south-1 af-north-1 sa-brazil-1 la-south-2 la-north-2 me-east-1 tr-west-1',
}

/** Service labels in host names (the SDK's DGC service is DataArts Factory, `dayu-dlf`). */
const LABEL: Record<ServiceName, string> = {
  iam: 'iam',
  dataarts: 'dayu-dlf',
  codearts: 'cloudbuild-ext',
  dli: 'dli',
  modelarts: 'modelarts',
}

/** Where the SDK tables leave the pattern. Note: DGC eu-west-101 stays on `.com` while IAM and DLI use `.eu`. */
const HUAWEI_EXCEPTIONS: Partial<Record<ServiceName, Record<string, string>>> = {
  iam: { 'eu-west-101': 'iam.eu-west-101.myhuaweicloud.eu' },
  dli: { 'eu-west-101': 'dli.eu-west-101.myhuaweicloud.eu' },
  // ap-southeast-1 follows the pattern: older SDK releases (and cloud-api.md §1.1) served it
  // from dayu-dlf.ap-southeast-3, the current tables give it its own host.
  dataarts: { 'cn-east-4': 'dayu.cn-east-4.myhuaweicloud.com' },
  modelarts: { 'ap-southeast-1': 'modelarts.ap-southeast-1.myhuaweicloud.cn' },
}

/*
 * Open Telekom Cloud: eu-de and eu-nl (the regions of gophertelekomcloud's vendor profile,
 * openstack/loader.go: IAM `https://iam.{region}.otc.t-systems.com/v3`); service hosts follow
 * `<label>.<region>.otc.t-systems.com` (gophertelekomcloud derives them from the catalog host by
 * swapping the label, NewDataArtsV1 → `dayu-dlf`). The DLI and ModelArts labels are taken to be
 * the Huawei ones (unconfirmed: OTC publishes them only in its endpoint page); eu-ch2 (Swiss,
 * `*.eu-ch2.sc.otc.t-systems.com`) is left to per-service overrides because which of these
 * services it offers is not published in a source read. OTC has no CodeArts Build.
 */
const OTC_REGIONS = ['eu-de', 'eu-nl']
const OTC_SERVICES: readonly ServiceName[] = ['iam', 'dataarts', 'dli', 'modelarts']

/** Hosts of one service by region, or undefined when the provider does not offer it there. */
export function presetHost(
  provider: CloudProvider,
  service: ServiceName,
  region: string,
): string | undefined {
  if (provider === 'otc') {
    return OTC_SERVICES.includes(service) && OTC_REGIONS.includes(region)
      ? `${LABEL[service]}.${region}.otc.t-systems.com`
      : undefined
  }
  if (!HUAWEI_REGIONS[service].split(' ').includes(region)) return undefined
  return HUAWEI_EXCEPTIONS[service]?.[region] ?? huaweiPatternHost(service, region)
}

/** The SDK host pattern for a Huawei Cloud region no table lists yet. */
export function huaweiPatternHost(service: ServiceName, region: string): string {
  return `${LABEL[service]}.${region}.myhuaweicloud.com`
}

/** The regions a provider's preset table knows for a service. */
export function presetRegions(provider: CloudProvider, service: ServiceName): string[] {
  if (provider === 'otc') return OTC_SERVICES.includes(service) ? [...OTC_REGIONS] : []
  return HUAWEI_REGIONS[service].split(' ')
}

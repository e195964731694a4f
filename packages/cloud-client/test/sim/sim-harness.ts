import { createCloudSim, type CloudSim } from '@ops-console/cloud-sim'
import { createCloudClient, type CloudClient, type CloudClientOptions } from '../../src/client.js'
import { CloudError } from '../../src/errors.js'

const SIM = 'http://127.0.0.1:4010'
export const HOUR = 3_600_000

export interface SimSetup {
  sim: CloudSim
  client: CloudClient
  region: string
  projectId: string
}

/**
 * A manual-clock simulator and a client wired to it in-process (sim.fetch, loopback endpoints).
 * `auth` picks the sim's default password user or AK/SK pair.
 */
export function simSetup(
  auth: 'password' | 'aksk' = 'password',
  overrides: Partial<CloudClientOptions> = {},
  sim = createCloudSim({ clock: 'manual' }),
): SimSetup {
  const project = sim.defaults.projects[0]!
  const credentials: CloudClientOptions['credentials'] =
    auth === 'password'
      ? {
          type: 'password',
          domain: sim.defaults.user.domain,
          user: sim.defaults.user.name,
          password: sim.defaults.user.password,
        }
      : { type: 'aksk', ak: sim.defaults.aksk.ak, sk: sim.defaults.aksk.sk }
  const client = createCloudClient({
    region: project.region,
    projectId: project.id,
    workspace: sim.defaults.workspaceId,
    credentials,
    endpoints: {
      iam: `${SIM}/iam`,
      dataarts: `${SIM}/dataarts`,
      codearts: `${SIM}/codearts`,
      dli: `${SIM}/dli`,
      modelarts: `${SIM}/modelarts`,
    },
    allowInsecureLoopback: true,
    nodeEnv: 'test',
    fetch: (input, init) => sim.fetch(input, init),
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 1500 },
    timeoutMs: 2000,
    ...overrides,
  })
  return { sim, client, region: project.region, projectId: project.id }
}

/** Requests the sim received for one service (path below the prefix). */
export function requestsTo(sim: CloudSim, service: string, method?: string, pathPart?: string) {
  return sim.control
    .requests()
    .filter(
      (r) =>
        r.service === service &&
        (!method || r.method === method) &&
        (!pathPart || r.path.includes(pathPart)),
    )
}

export async function cloudError(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof CloudError) return e
    throw e
  }
  throw new Error('expected a CloudError')
}

import { createRng, HEX, LOWER_ALNUM } from '../prng.js'
import type { SimUser } from '../types.js'
import { generateCodeArtsJobs } from './generate-codearts.js'
import { generateDataArts } from './generate-dataarts.js'
import type { IdCounter } from './generate-dataarts.js'
import { FIRST_UNSAFE_ID, generateDli } from './generate-dli.js'
import { generateModelArts } from './generate-modelarts.js'
import type { CodeArtsProject, Project, World } from './types.js'

export const REGIONS = ['cn-north-4', 'ap-southeast-3']

/** Demo credentials: fixed so the README and demo login work; override via SimOptions. */
export const DEFAULT_USER: SimUser = {
  domain: 'ops_demo_account',
  name: 'ops_demo',
  password: 'Demo@Passw0rd',
}
export const DEFAULT_AKSK = {
  ak: 'SIMDEMOAK7Q2XKTN4HWLP',
  sk: 'SimDemoSecretKey0123456789abcdefGHIJKLMN',
}
/** Temporary credentials (as STS would issue them): AK, SK and the security token to send. */
export const DEFAULT_TEMPORARY_AKSK = {
  ak: 'SIMTEMPAK3M8RQZD5VYC',
  sk: 'SimTempSecretKey9876543210zyxwvuTSRQPONM',
  securityToken: 'gQpzaW0tc2VjdXJpdHktdG9rZW4tZm9yLXRlbXBvcmFyeS1jcmVkZW50aWFscw',
}

/** Workloads per service per project: small ≈ a few dozen; large ≈ 10k+ in total. */
export function workloadsPerService(size: 'small' | 'large' | number | undefined): number {
  if (size === 'large') return 1400
  if (typeof size === 'number') return Math.max(1, Math.floor(size))
  return 30
}

export function generateWorld(
  seed: number,
  size: 'small' | 'large' | number | undefined,
  now: number,
  subprojects: readonly string[] = [],
): World {
  const rng = createRng(seed)
  const n = workloadsPerService(size)
  const projects: Project[] = REGIONS.map((region) => ({
    id: rng.chars(32, HEX),
    region,
    name: region,
  }))
  const codeartsProjects: CodeArtsProject[] = REGIONS.flatMap((region, r) =>
    [0, 1].map((k) => ({
      id: rng.chars(32, LOWER_ALNUM),
      region,
      name: `${['mall', 'platform'][k]}-${region}-${r}`,
    })),
  )
  let nextDlfId = 1_000_001
  const ids: IdCounter = { next: () => String(nextDlfId++) }
  const world: World = {
    projects,
    workspaceId: rng.chars(32, HEX),
    codeartsProjects,
    dataarts: new Map(),
    dli: new Map(),
    modelarts: new Map(),
    codearts: new Map(),
    rng: createRng(seed ^ 0x5eed),
    anchor: now,
  }
  projects.forEach((p, idx) => {
    world.dataarts.set(p.id, generateDataArts(rng, n, now, ids))
    const bigBase = idx === 0 ? FIRST_UNSAFE_ID - 1n : FIRST_UNSAFE_ID + 1_000_000n
    world.dli.set(p.id, generateDli(rng, n, now, 100_000 + idx * 400_000, bigBase))
    world.modelarts.set(p.id, generateModelArts(rng, n, now))
  })
  codeartsProjects.forEach((cp, idx) => {
    for (const job of generateCodeArtsJobs(rng, cp, Math.ceil(n / 2), now, idx * 1000))
      world.codearts.set(job.id, job)
  })
  addSubprojects(world, seed, n, now, subprojects, ids)
  return world
}

/**
 * IAM sub-projects (`<region>_sub1`), generated from their own PRNG after everything else so the
 * default world stays the same whether or not a test asks for them.
 */
function addSubprojects(
  world: World,
  seed: number,
  n: number,
  now: number,
  regions: readonly string[],
  ids: IdCounter,
): void {
  const rng = createRng(seed ^ 0x5ab)
  regions.forEach((region, k) => {
    const project: Project = { id: rng.chars(32, HEX), region, name: `${region}_sub1` }
    world.projects.push(project)
    const idx = REGIONS.length + k
    world.dataarts.set(project.id, generateDataArts(rng, n, now, ids))
    const bigBase = FIRST_UNSAFE_ID + BigInt(idx) * 1_000_000n
    world.dli.set(project.id, generateDli(rng, n, now, 100_000 + idx * 400_000, bigBase))
    world.modelarts.set(project.id, generateModelArts(rng, n, now))
  })
}

export interface WorldSummary {
  projects: { id: string; region: string }[]
  workspaceId: string
  dataarts: { jobs: number; jobInstances: number; scripts: number; scriptInstances: number }
  codearts: { projects: number; jobs: number; builds: number }
  dli: { jobs: number }
  modelarts: { tasks: number; versions: number }
  totalWorkloads: number
}

/** Counts for `GET /__sim/world`; workloads = DLF jobs + script instances + builds + Flink jobs + versions. */
export function summarizeWorld(world: World): WorldSummary {
  const sum = (xs: Iterable<number>): number => [...xs].reduce((a, b) => a + b, 0)
  const da = [...world.dataarts.values()]
  const dataarts = {
    jobs: sum(da.map((p) => p.jobs.size)),
    jobInstances: sum(da.map((p) => p.instances.size)),
    scripts: sum(da.map((p) => p.scripts.size)),
    scriptInstances: sum(da.map((p) => p.scriptInstances.size)),
  }
  const builds = sum([...world.codearts.values()].map((j) => j.builds.length))
  const dliJobs = sum([...world.dli.values()].map((m) => m.size))
  const tasks = [...world.modelarts.values()].flatMap((m) => [...m.values()])
  const versions = sum(tasks.map((t) => t.versions.length))
  return {
    projects: world.projects,
    workspaceId: world.workspaceId,
    dataarts,
    codearts: { projects: world.codeartsProjects.length, jobs: world.codearts.size, builds },
    dli: { jobs: dliJobs },
    modelarts: { tasks: tasks.length, versions },
    totalWorkloads: dataarts.jobs + dataarts.scriptInstances + builds + dliJobs + versions,
  }
}

import type { Rng } from '../prng.js'
import { HEX, LOWER_ALNUM } from '../prng.js'
import { BRANCHES, CB_FLAVOURS, CB_SERVICES, OWNERS } from './names.js'
import { timeline } from './timeline.js'
import type { CbBuild, CbJob, CbResult, CodeArtsProject } from './types.js'
import { CB_RESULTS } from './types.js'

const MIN = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000

/** YYYYMMDD.n in UTC+8, the way CodeArts numbers builds per day. */
export function dailyBuildNo(time: number, n: number): string {
  const d = new Date(time + 8 * HOUR)
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
  return `${ymd}.${n}`
}

/** ~`n` builds over jobs with 2–8 builds each; the latest build of each job cycles the results. */
export function generateCodeArtsJobs(
  rng: Rng,
  project: CodeArtsProject,
  n: number,
  now: number,
  jobIndex: number,
): CbJob[] {
  const jobs: CbJob[] = []
  let made = 0
  for (let i = 0; made < n; i++) {
    const count = Math.min(rng.int(2, 8), n - made)
    const job: CbJob = {
      id: rng.chars(32, LOWER_ALNUM),
      projectId: project.id,
      region: project.region,
      name: `${rng.pick(CB_SERVICES)}-${rng.pick(CB_FLAVOURS)}-${jobIndex + i}`,
      creator: rng.pick(OWNERS),
      repoName: rng.pick(CB_SERVICES),
      branch: rng.pick(BRANCHES),
      healthScore: rng.int(40, 100),
      disabled: rng.chance(0.05),
      createTime: now - rng.int(30, 400) * DAY,
      builds: [],
    }
    let start = now - rng.int(count, count * 3) * 24 * HOUR
    for (let b = 1; b <= count; b++) {
      const latest = b === count
      const result: CbResult = latest
        ? (CB_RESULTS[(jobIndex + i) % CB_RESULTS.length] as CbResult)
        : rng.pick(['SUCCESS', 'SUCCESS', 'FAILURE', 'ABORTED'] as const)
      start =
        latest && result === 'RUNNING'
          ? now - rng.int(1, 15) * MIN
          : Math.min(start + rng.int(1, 30) * HOUR, now - HOUR)
      job.builds.push(makeBuild(rng, b, start, result, now))
    }
    made += count
    jobs.push(job)
  }
  return jobs
}

function makeBuild(
  rng: Rng,
  buildNo: number,
  start: number,
  result: CbResult,
  now: number,
): CbBuild {
  // Running builds finish on their own (tens of minutes later) unless stopped first.
  const t =
    result === 'RUNNING'
      ? timeline<CbResult>('RUNNING', start, { at: now + rng.int(20, 90) * MIN, status: 'SUCCESS' })
      : timeline<CbResult>('RUNNING', start, { at: start + rng.int(1, 25) * MIN, status: result })
  return {
    buildNo,
    startTime: start,
    dailyBuildNo: dailyBuildNo(start, rng.int(1, 40)),
    triggerType: rng.pick(['MANUAL', 'SCHEDULED', 'CODE_UPDATE', 'PIPELINE'] as const),
    executor: rng.pick(OWNERS),
    commitId: rng.chars(40, HEX),
    timeline: t,
  }
}

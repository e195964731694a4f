import type { CloudSim } from '@ops-console/cloud-sim'
import { expect, test } from 'vitest'
import { fixture } from '../fixture-client.js'
import { simSetup } from './sim-harness.js'

/*
 * The simulator against the documented examples (test/fixtures): for every field that both the
 * documented answer and the simulator's answer carry, the JSON type must agree. A documented
 * null admits any type (the field is nullable); a simulator null where the docs show a value
 * does not. Fields the example omits are not judged. Arrays compare their first elements.
 */
type Shape = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object'
const shapeOf = (v: unknown): Shape =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Exclude<Shape, 'null' | 'array'>)

function mismatches(doc: unknown, sim: unknown, path = ''): string[] {
  const [d, s] = [shapeOf(doc), shapeOf(sim)]
  if (d === 'null') return []
  if (d !== s) return [`${path || '(body)'}: docs ${d}, simulator ${s}`]
  if (d === 'array') {
    const [first, mine] = [(doc as unknown[])[0], (sim as unknown[])[0]]
    return first === undefined || mine === undefined ? [] : mismatches(first, mine, `${path}[0]`)
  }
  if (d !== 'object') return []
  const [o, m] = [doc as Record<string, unknown>, sim as Record<string, unknown>]
  return Object.keys(o)
    .filter((k) => k in m)
    .flatMap((k) => mismatches(o[k], m[k], path ? `${path}.${k}` : k))
}

const B = 'http://127.0.0.1:4010'

/** The simulator, a project token (through the client's own token provider) and a raw GET. */
async function world() {
  const { sim, client, projectId } = simSetup('password')
  const p = { id: projectId }
  const token = await client.tokenProvider!.getToken()
  const call = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const res = await sim.fetch(`${B}${path}`, {
      ...init,
      headers: {
        'x-auth-token': token,
        'x-subject-token': token,
        'content-type': 'application/json',
      },
    })
    const text = await res.text()
    return text ? JSON.parse(text) : null
  }
  // Validating the token answers with the same body as issuing it (cloud-api.md §6.2).
  return { sim, p, call, token, tokenBody: await call('/iam/v3/auth/tokens?nocatalog=true') }
}

type Call = Awaited<ReturnType<typeof world>>['call']
type First = (
  sim: CloudSim,
  call: Call,
  p: string,
  token: string,
) => Promise<Record<string, string>>

/** Ids of existing objects, found through the listings. */
const firsts: First = async (sim, call, p, token) => {
  const jobs = (await call(`/dataarts/v1/${p}/jobs?jobType=REAL_TIME&limit=1`)) as {
    jobs: { name: string }[]
  }
  const inst = (await call(`/dataarts/v1/${p}/jobs/instances/detail?limit=1`)) as {
    instances: { jobName: string; instanceId: number }[]
  }
  // The documented detail is a Flink Jar job: compare like with like. Its id may exceed 2^53,
  // so it is read from the raw text, not through a double.
  const jar = await sim.fetch(`${B}/dli/v1.0/${p}/streaming/jobs?limit=1&job_type=flink_jar_job`, {
    headers: { 'x-auth-token': token },
  })
  const dliJob = /"job_id":(\d+)/.exec(await jar.text())?.[1] ?? ''
  const tasks = (await call(`/modelarts/v2/${p}/processor-tasks?limit=1`)) as {
    tasks: { task_id: string }[]
  }
  const versions = (await call(
    `/modelarts/v2/${p}/processor-tasks/${tasks.tasks[0]!.task_id}/versions`,
  )) as { versions: { task_version_id: string }[] }
  const cp = sim.defaults.codeartsProjectIds[sim.defaults.projects[0]!.region]![0]!
  const cbJobs = (await call(`/codearts/v3/${cp}/jobs?page_index=0&page_size=1`)) as {
    jobs: { id: string }[]
  }
  const scripts = (await call(`/dataarts/v1/${p}/scripts?limit=1`)) as {
    scripts: { name: string }[]
  }
  const script = scripts.scripts[0]!.name
  const exec = (await call(`/dataarts/v1/${p}/scripts/${script}/execute`, {
    method: 'POST',
    body: '{}',
  })) as { instanceId: string }
  return {
    rtJob: jobs.jobs[0]!.name,
    instJob: inst.instances[0]!.jobName,
    instance: String(inst.instances[0]!.instanceId),
    dliJob,
    task: tasks.tasks[0]!.task_id,
    version: versions.versions[0]!.task_version_id,
    cp,
    cbJob: cbJobs.jobs[0]!.id,
    script,
    scriptInstance: exec.instanceId,
  }
}

test('the simulator answers with the documented JSON types, field by field', async () => {
  const { sim, p, call, token, tokenBody } = await world()
  const id = await firsts(sim, call, p.id, token)
  const pairs: [string, unknown][] = [
    ['dataarts/listJobs.json', await call(`/dataarts/v1/${p.id}/jobs?jobType=BATCH&limit=5`)],
    ['dataarts/getJob.json', await call(`/dataarts/v1/${p.id}/jobs/${id.rtJob}`)],
    [
      'dataarts/getRealtimeJobStatus.json',
      await call(`/dataarts/v1/${p.id}/jobs/${id.rtJob}/status`),
    ],
    [
      'dataarts/listJobInstances.json',
      await call(`/dataarts/v1/${p.id}/jobs/instances/detail?limit=5`),
    ],
    [
      'dataarts/getJobInstance.json',
      await call(`/dataarts/v1/${p.id}/jobs/${id.instJob}/instances/${id.instance}`),
    ],
    ['dataarts/listScripts.json', await call(`/dataarts/v1/${p.id}/scripts?limit=5`)],
    ['dataarts/executeScript.json', { instanceId: id.scriptInstance }],
    [
      'dataarts/getScriptInstance.json',
      (sim.control.advance(600_000),
      await call(`/dataarts/v1/${p.id}/scripts/${id.script}/instances/${id.scriptInstance}`)),
    ],
    [
      'codearts/listProjectJobs.json',
      await call(`/codearts/v3/${id.cp}/jobs?page_index=0&page_size=5`),
    ],
    ['codearts/getJobStatus.json', await call(`/codearts/v3/jobs/${id.cbJob}/status`)],
    ['codearts/getRunningStatus.json', await call(`/codearts/v1/job/${id.cbJob}/running-status`)],
    ['codearts/getJobInfo.json', await call(`/codearts/v1/job/${id.cbJob}/info`)],
    [
      'codearts/getHistory.json',
      await call(`/codearts/v3/jobs/${id.cbJob}/history?offset=0&limit=5&interval=30`),
    ],
    ['codearts/getBuildInfo.json', await call(`/codearts/v1/job/${id.cbJob}/1/build-info`)],
    ['codearts/getRecordInfo.json', await call(`/codearts/v4/jobs/${id.cbJob}/1/record-info`)],
    ['dli/listJobs.json', await call(`/dli/v1.0/${p.id}/streaming/jobs?limit=5`)],
    ['dli/getJob.json', await call(`/dli/v1.0/${p.id}/streaming/jobs/${id.dliJob}`)],
    ['modelarts/listTasks.json', await call(`/modelarts/v2/${p.id}/processor-tasks?limit=5`)],
    ['modelarts/getTask.json', await call(`/modelarts/v2/${p.id}/processor-tasks/${id.task}`)],
    [
      'modelarts/listVersions.json',
      await call(`/modelarts/v2/${p.id}/processor-tasks/${id.task}/versions`),
    ],
    [
      'modelarts/getVersion.json',
      await call(`/modelarts/v2/${p.id}/processor-tasks/${id.task}/versions/${id.version}`),
    ],
    ['iam/createProjectToken.json', tokenBody],
    ['iam/listProjects.json', await call(`/iam/v3/projects`)],
  ]
  const found = pairs.flatMap(([doc, answer]) =>
    mismatches(JSON.parse(fixture(doc)), answer).map((m) => `${doc} ${m}`),
  )
  expect(found).toEqual([])
  // Not vacuous: each answer is the documented object (not an error body), so keys overlap.
  const strangers = pairs.filter(([doc, answer]) => {
    const keys = Object.keys(JSON.parse(fixture(doc)) as object)
    const mine = new Set(Object.keys(answer ?? {}))
    return keys.filter((k) => mine.has(k)).length < keys.length / 2
  })
  expect(strangers.map(([doc]) => doc)).toEqual([])
})

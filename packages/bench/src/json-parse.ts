import { createCloudSim } from '@ops-console/cloud-sim'
import { parseJson } from '@ops-console/lossless-json'
import { runIfMain, type BenchResult } from './lib/report.js'
import { median, ratio } from './lib/stats.js'

const ROUNDS = 15
const PARSES_PER_ROUND = 400
const BASE = 'http://sim.invalid'

/** A real answer of the simulator: one page of 100 DLI Flink jobs (job ids above 2^53 included). */
async function dliPage(): Promise<string> {
  const sim = createCloudSim({ clock: 'manual', seed: 42, size: 'large' })
  const { user, projects } = sim.defaults
  const project = projects[0]
  if (!project) throw new Error('the simulator has no project')
  const tokenRes = await sim.fetch(`${BASE}/iam/v3/auth/tokens?nocatalog=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user.name, password: user.password, domain: { name: user.domain } },
          },
        },
        scope: { project: { name: project.region } },
      },
    }),
  })
  const token = tokenRes.headers.get('x-subject-token') ?? ''
  const page = await sim.fetch(`${BASE}/dli/v1.0/${project.id}/streaming/jobs?limit=100`, {
    headers: { 'x-auth-token': token },
  })
  return page.text()
}

/** Median microseconds per parse over ROUNDS rounds (after a warm-up round). */
function perParse(parse: () => unknown): number {
  const rounds: number[] = []
  for (let r = -1; r < ROUNDS; r++) {
    const t0 = performance.now()
    for (let i = 0; i < PARSES_PER_ROUND; i++) parse()
    if (r >= 0) rounds.push(((performance.now() - t0) * 1000) / PARSES_PER_ROUND)
  }
  return median(rounds)
}

/**
 * The cloud boundary's lossless JSON against the platform's plain JSON.parse on the same text, in
 * one process: a page with ids above 2^53 (the reviver path) and the same page with every long id
 * shortened (the fast path).
 */
export async function benchJsonParse(): Promise<BenchResult> {
  const longIds = await dliPage()
  const safeIds = longIds.replace(/\d{16,}/g, (digits) => digits.slice(-6))
  const figures = []
  for (const [label, text] of [
    ['ids above 2^53', longIds],
    ['safe ids only', safeIds],
  ] as const) {
    const plain = perParse(() => JSON.parse(text))
    const lossless = perParse(() => parseJson(text))
    figures.push({
      figure: `${label}: lossless ÷ JSON.parse (${(text.length / 1024).toFixed(0)} KB page)`,
      value: `${ratio(lossless, plain)}× (${lossless.toFixed(0)} µs vs ${plain.toFixed(0)} µs)`,
    })
  }
  return { name: 'lossless JSON (100 DLI jobs)', figures, notes: [] }
}

runIfMain(import.meta.url, benchJsonParse)

import { serve } from '@hono/node-server'
import { createCloudSim } from './create-cloud-sim.js'

/** Standalone simulator for local development (`npm run sim`). Real clock, demo credentials. */
const port = Number(process.env.SIM_PORT ?? 4010)
const seed = process.env.SIM_SEED === undefined ? 42 : Number(process.env.SIM_SEED)
const size = process.env.SIM_SIZE === 'large' ? 'large' : 'small'
const sim = createCloudSim({ seed, size, clock: 'real', stopFailureRate: 0.1 })

serve({ fetch: sim.app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  const base = `http://127.0.0.1:${info.port}`
  const { defaults } = sim
  // A dev tool printing its own demo credentials is intended: they only unlock this simulator.
  console.log(`cloud-sim listening on ${base} (seed ${seed}, size ${size})`)
  console.log(
    `  endpoints: ${['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => `${base}/${s}`).join(' ')}`,
  )
  console.log(
    `  user: domain=${defaults.user.domain} name=${defaults.user.name} password=${defaults.user.password}`,
  )
  console.log(`  aksk: ak=${defaults.aksk.ak} sk=${defaults.aksk.sk}`)
  for (const p of defaults.projects) {
    console.log(
      `  project ${p.region}: ${p.id}  codearts: ${(defaults.codeartsProjectIds[p.region] ?? []).join(', ')}`,
    )
  }
  console.log(`  dataarts workspace: ${defaults.workspaceId}`)
  console.log(`  control API: ${base}/__sim/world, /__sim/requests, /__sim/faults, /__sim/clock`)
})

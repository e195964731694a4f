export { createCloudSim } from './create-cloud-sim.js'
export type {
  CloudSim,
  FaultKind,
  ServiceName,
  SimControl,
  SimDefaults,
  SimFault,
  SimOptions,
  SimRequestRecord,
  SimUser,
} from './types.js'
export { SERVICE_NAMES } from './types.js'

import { parseConfig, type BffConfig } from './config.js'

/** The only place that reads process.env: validates it once at start-up (throws ConfigError). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return parseConfig(env)
}

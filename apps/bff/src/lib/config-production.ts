import type { BffConfig } from './config-types.js'

/**
 * What `NODE_ENV=production` refuses to start with, one `SETTING: why` line each. These are the
 * settings that are convenient on a laptop and dangerous behind a real origin: without them the
 * Origin check, the `Secure` cookie, quiet logs and https to the cloud silently stop protecting.
 */
export function productionProblems(config: BffConfig, publicOriginSet: boolean): string[] {
  if (config.env !== 'production') return []
  const problems: string[] = []
  if (!publicOriginSet)
    problems.push(
      'PUBLIC_ORIGIN: required in production: the https origin users open (e.g. https://ops.example.com); writes from any other Origin are refused',
    )
  else if (!config.publicOrigin.startsWith('https://'))
    problems.push('PUBLIC_ORIGIN: must be an https:// origin in production')
  if (!config.session.cookieSecure)
    problems.push(
      'SESSION_COOKIE_SECURE: must be true in production (the session cookie would travel over plain http)',
    )
  if (config.logLevel === 'debug' || config.logLevel === 'trace')
    problems.push(
      `LOG_LEVEL: ${config.logLevel} logging is refused in production (request details in the logs); use info, warn or error`,
    )
  if (config.demoMode)
    problems.push(
      'CLOUD_TARGETS: no cloud is configured; production needs CLOUD_TARGETS and credentials (the simulated demo cloud runs only outside production)',
    )
  for (const [service, url] of Object.entries(config.endpoints))
    if (!url.startsWith('https://'))
      problems.push(
        `CLOUD_ENDPOINT_${service.toUpperCase()}: must be an https:// URL in production`,
      )
  // Reported once: a redirect URI derived from a plain-http PUBLIC_ORIGIN is covered above.
  if (
    config.oidc &&
    config.publicOrigin.startsWith('https://') &&
    !config.oidc.redirectUri.startsWith('https://')
  )
    problems.push('OIDC_REDIRECT_URI: must be an https:// URL in production')
  return problems
}

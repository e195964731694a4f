import { z } from 'zod'

// Zod compiles fast parsers with `new Function` unless told not to; our CSP (`script-src 'self'`,
// no 'unsafe-eval') refuses that and the probe alone is reported as a violation. Imported first.
z.config({ jitless: true })

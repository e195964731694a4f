import fc from 'fast-check'
import type { CloudClient, CloudClientOptions } from '../src/client.js'
import { CLOUD_PROVIDERS, presetRegions, type CloudProvider } from '../src/endpoints/presets.js'

/*
 * The domain of requests the client can produce (docs/decisions/007c-signer-domain.md), as
 * fast-check arbitraries: client options (provider, region, project, workspace, temporary
 * credentials, endpoint overrides) and calls of every signed operation with arbitrary arguments.
 *
 * Left out, because there the client deliberately signs what it sends and the SDK cannot express
 * the request (covered by aksk-signer.outside-domain.test.ts):
 * - path parameters containing `/`, `?`, `#` or a character legacy `url.parse` (inside the SDK)
 *   auto-escapes: space " ' < > \ ^ ` { | } and controls;
 * - header values with leading or trailing whitespace (fetch strips it before sending).
 */
const PATH_CHARS = [...'aZ09-_.~:@!$&()*+,;=%éßü中文한😀ÿ']
/** A path parameter: never empty, `.` or `..` (the client refuses those), no structural characters. */
export const pathParam = fc
  .string({ unit: fc.constantFrom(...PATH_CHARS), minLength: 1, maxLength: 10 })
  .filter((s) => s !== '.' && s !== '..')
/** Query values: any text without lone surrogates (fetch cannot send those either). */
const queryText = fc.string({ unit: 'grapheme', maxLength: 10 })
const digits = fc.bigInt({ min: 1n, max: 9_223_372_036_854_775_807n }).map(String)
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/)

const providerRegion = fc
  .constantFrom(...CLOUD_PROVIDERS)
  .chain((provider: CloudProvider) =>
    fc.constantFrom(...presetRegions(provider, 'iam')).map((region) => ({ provider, region })),
  )

/** Overrides as configuration may give them: https hosts with ports and prefixes, loopback http. */
const override = fc.oneof(
  fc.constant(undefined),
  fc
    .record({
      scheme: fc.constantFrom('https', 'http'),
      port: fc.option(fc.constantFrom(443, 80, 4010, 8443), { nil: undefined }),
      prefix: fc.constantFrom('', '/dli', '/proxy/cloud', '/a-b/c_d'),
    })
    .map(({ scheme, port, prefix }) =>
      scheme === 'http'
        ? `http://127.0.0.1${port ? `:${port}` : ''}${prefix}`
        : `https://gw.example.com${port ? `:${port}` : ''}${prefix}`,
    ),
)

export const clientOptions: fc.Arbitrary<Partial<CloudClientOptions>> = fc
  .record({
    where: providerRegion,
    projectId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    workspace: fc.option(headerValue, { nil: undefined }),
    securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,120}$/), { nil: undefined }),
    endpoint: override,
  })
  .map(({ where, projectId, workspace, securityToken, endpoint }) => ({
    ...where,
    projectId,
    ...(workspace ? { workspace } : {}),
    credentials: {
      type: 'aksk',
      ak: 'QTWAOYTTINDUT2QVKYUC',
      sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
      ...(securityToken ? { securityToken } : {}),
    },
    // Every service behind the same override keeps the table exhaustive for each operation.
    ...(endpoint
      ? {
          endpoints: Object.fromEntries(
            ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [s, endpoint]),
          ),
        }
      : {}),
  }))

type Call = (c: CloudClient) => Promise<unknown>
const limit = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined })
const buildNo = fc.integer({ min: 1, max: 2_000_000_000 })

/** One call of any signed operation, with arbitrary arguments. */
export const clientCall: fc.Arbitrary<Call> = fc.oneof(
  fc
    .record({
      jobType: fc.constantFrom('REAL_TIME', 'BATCH' as const),
      offset: limit,
      limit,
      jobName: fc.option(queryText, { nil: undefined }),
      tags: fc.option(fc.array(queryText, { maxLength: 3 }), { nil: undefined }),
    })
    .map(
      (q): Call =>
        (c) =>
          c.dataarts.listJobs(strip(q)),
    ),
  pathParam.map(
    (n): Call =>
      (c) =>
        c.dataarts.getJob(n),
  ),
  pathParam.map(
    (n): Call =>
      (c) =>
        c.dataarts.getRealtimeJobStatus(n),
  ),
  fc
    .record({
      jobName: fc.option(queryText, { nil: undefined }),
      minPlanTime: limit,
      status: fc.option(queryText, { nil: undefined }),
      preciseQuery: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(
      (q): Call =>
        (c) =>
          c.dataarts.listJobInstances(strip(q)),
    ),
  fc.tuple(pathParam, digits).map(
    ([n, i]): Call =>
      (c) =>
        c.dataarts.getJobInstance(n, i),
  ),
  pathParam.map(
    (n): Call =>
      (c) =>
        c.dataarts.stopJob(n),
  ),
  fc.tuple(pathParam, digits).map(
    ([n, i]): Call =>
      (c) =>
        c.dataarts.stopJobInstance(n, i),
  ),
  fc.tuple(pathParam, fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })).map(
    ([n, approvers]): Call =>
      (c) =>
        c.dataarts.deleteJob(n, { approvers }),
  ),
  fc.option(queryText, { nil: undefined }).map(
    (scriptName): Call =>
      (c) =>
        c.dataarts.listScripts(strip({ scriptName })),
  ),
  fc
    .tuple(
      pathParam,
      fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
    )
    .map(
      ([n, params]): Call =>
        (c) =>
          c.dataarts.executeScript(n, { params }),
    ),
  fc.tuple(pathParam, pathParam).map(
    ([n, i]): Call =>
      (c) =>
        c.dataarts.getScriptInstance(n, i),
  ),
  fc.tuple(pathParam, pathParam).map(
    ([n, i]): Call =>
      (c) =>
        c.dataarts.stopScriptInstance(n, i),
  ),
  fc.tuple(pathParam, limit, limit).map(
    ([p, pageIndex, pageSize]): Call =>
      (c) =>
        c.codearts.listProjectJobs(p, strip({ pageIndex, pageSize })),
  ),
  pathParam.map(
    (j): Call =>
      (c) =>
        c.codearts.getJobStatus(j),
  ),
  pathParam.map(
    (j): Call =>
      (c) =>
        c.codearts.getRunningStatus(j),
  ),
  pathParam.map(
    (j): Call =>
      (c) =>
        c.codearts.getJobInfo(j),
  ),
  fc.tuple(pathParam, limit, limit).map(
    ([j, offset, lim]): Call =>
      (c) =>
        c.codearts.getHistory(j, strip({ offset, limit: lim })),
  ),
  fc.tuple(pathParam, buildNo).map(
    ([j, n]): Call =>
      (c) =>
        c.codearts.getBuildInfo(j, n),
  ),
  fc.tuple(pathParam, buildNo).map(
    ([j, n]): Call =>
      (c) =>
        c.codearts.getRecordInfo(j, n),
  ),
  fc.tuple(pathParam, buildNo).map(
    ([j, n]): Call =>
      (c) =>
        c.codearts.stopBuild(j, n),
  ),
  pathParam.map(
    (j): Call =>
      (c) =>
        c.codearts.deleteJob(j),
  ),
  fc
    .record({
      job_type: fc.option(queryText, { nil: undefined }),
      name: fc.option(queryText, { nil: undefined }),
      limit,
      offset: limit,
      show_detail: fc.option(fc.boolean(), { nil: undefined }),
      order: fc.option(fc.constantFrom('asc', 'desc' as const), { nil: undefined }),
    })
    .map(
      (q): Call =>
        (c) =>
          c.dli.listJobs(strip(q)),
    ),
  digits.map(
    (id): Call =>
      (c) =>
        c.dli.getJob(id),
  ),
  fc.tuple(fc.array(digits, { minLength: 1, maxLength: 4 }), fc.boolean()).map(
    ([ids, triggerSavepoint]): Call =>
      (c) =>
        c.dli.stopJobs(ids, { triggerSavepoint }),
  ),
  digits.map(
    (id): Call =>
      (c) =>
        c.dli.deleteJob(id),
  ),
  fc.array(digits, { minLength: 1, maxLength: 4 }).map(
    (ids): Call =>
      (c) =>
        c.dli.deleteJobs(ids),
  ),
  fc.tuple(fc.array(digits, { minLength: 1, maxLength: 4 }), fc.boolean()).map(
    ([ids, resumeSavepoint]): Call =>
      (c) =>
        c.dli.runJobs(ids, { resumeSavepoint }),
  ),
  fc
    .record({
      limit,
      offset: limit,
      task_name: fc.option(queryText, { nil: undefined }),
      status: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    })
    .map(
      (q): Call =>
        (c) =>
          c.modelarts.listTasks(strip(q)),
    ),
  pathParam.map(
    (t): Call =>
      (c) =>
        c.modelarts.getTask(t),
  ),
  fc.tuple(pathParam, limit).map(
    ([t, lim]): Call =>
      (c) =>
        c.modelarts.listVersions(t, strip({ limit: lim })),
  ),
  fc.tuple(pathParam, pathParam).map(
    ([t, v]): Call =>
      (c) =>
        c.modelarts.getVersion(t, v),
  ),
  fc.tuple(pathParam, pathParam).map(
    ([t, v]): Call =>
      (c) =>
        c.modelarts.stopVersion(t, v),
  ),
  fc.tuple(pathParam, pathParam).map(
    ([t, v]): Call =>
      (c) =>
        c.modelarts.deleteVersion(t, v),
  ),
  pathParam.map(
    (t): Call =>
      (c) =>
        c.modelarts.deleteTask(t),
  ),
  headerValue.map(
    (token): Call =>
      (c) =>
        c.iam.validateToken(token),
  ),
  fc.option(queryText, { nil: undefined }).map(
    (name): Call =>
      (c) =>
        c.iam.listProjects(name),
  ),
  fc.constant((c: CloudClient) => c.iam.listAuthProjects()),
)

/** Drops undefined members, as `exactOptionalPropertyTypes` wants for the input objects. */
function strip<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never
}

import type { CloudClient } from '../../src/client.js'
import type { CloudClientOptions } from '../../src/client.js'
import type { CloudResult } from '../../src/types.js'
import { PROJECT } from '../fixture-client.js'

/**
 * Every operation of cloud-api.md with a documented success and error answer
 * (`test/fixtures/<api>/<operation>.json`, errors `error-*.json`). `source` says where each
 * example comes from: OTC = the opentelekomcloud-docs API references (verbatim examples); where
 * no example body is published (CodeArts, IAM), the body follows the documented field table and
 * the example values quoted in cloud-api.md.
 */
export interface DocumentedOperation {
  api: 'iam' | 'dataarts' | 'codearts' | 'dli' | 'modelarts'
  operation: string
  source: string
  /** `METHOD /path` as the client sends it (path below the service host). */
  route: string
  call: (client: CloudClient) => Promise<CloudResult<unknown>>
  options?: Partial<CloudClientOptions>
  /** `fixture` absent: an empty body (204 answers). `expected`: matched against `data`. */
  ok: { status: number; fixture?: string; expected: unknown }
  error: { status: number; fixture: string; code: string }
}

export const JOB = 'f9d6c8466d614a9788e9a0acf6c15f46'
const cp = 'cp1'
const dlf = `/v1/${PROJECT}`
const dli = `/v1.0/${PROJECT}/streaming/jobs`
const ma = `/v2/${PROJECT}/processor-tasks`
const OTC_DLF = 'OTC data-arts-studio api-ref dataarts_factory_apis'
const OTC_DLI = 'OTC data-lake-insight api-ref flink_job-related_apis'
const OTC_MA = 'OTC modelarts api-ref historical_apis/data_management_old_version'
const CB = 'Huawei CodeArts Build API reference (field tables; values as in cloud-api.md §3)'
const dlfError = (code: string) => ({
  status: 400,
  fixture: `dataarts/error-${code.replace('.', '-').toLowerCase()}.json`,
  code,
})
const dliError = (code: string) => ({
  status: 400,
  fixture: `dli/error-${code.replace('.', '-').toLowerCase()}.json`,
  code,
})
const cbError = { status: 400, fixture: 'codearts/error-cb-00060201.json', code: 'CB.00060201' }
const maError = (code: string) => ({
  status: 400,
  fixture: `modelarts/error-${code.split('.')[1]}.json`,
  code,
})
const iamGateway = { status: 401, fixture: 'iam/gateway-0301.json', code: 'APIGW.0301' }

export const DATAARTS: DocumentedOperation[] = [
  {
    api: 'dataarts',
    operation: 'listJobs',
    source: `${OTC_DLF}/viewing_a_job_list`,
    route: `GET ${dlf}/jobs`,
    call: (c) => c.dataarts.listJobs({ jobType: 'BATCH' }),
    ok: {
      status: 200,
      fixture: 'dataarts/listJobs.json',
      expected: {
        total: 1,
        jobs: [{ name: 'myJob', status: 'SCHEDULING', createTime: 1680783636000 }],
      },
    },
    error: dlfError('DLF.3051'),
  },
  {
    api: 'dataarts',
    operation: 'getJob',
    source: `${OTC_DLF}/viewing_job_details`,
    route: `GET ${dlf}/jobs/myJob`,
    call: (c) => c.dataarts.getJob('myJob'),
    ok: {
      status: 200,
      fixture: 'dataarts/getJob.json',
      expected: { name: 'myJob', id: '608627', processType: 'BATCH', schedule: { type: 'CRON' } },
    },
    error: dlfError('DLF.0100'),
  },
  {
    api: 'dataarts',
    operation: 'getRealtimeJobStatus',
    source: `${OTC_DLF}/viewing_running_status_of_a_real-time_job`,
    route: `GET ${dlf}/jobs/job_sms/status`,
    call: (c) => c.dataarts.getRealtimeJobStatus('job_sms'),
    ok: {
      status: 200,
      fixture: 'dataarts/getRealtimeJobStatus.json',
      expected: { name: 'job_sms', status: 'NORMAL', nodes: [{ lastInstanceStatus: 'waiting' }] },
    },
    error: dlfError('DLF.0100'),
  },
  {
    api: 'dataarts',
    operation: 'listJobInstances',
    source: `${OTC_DLF}/viewing_a_job_instance_list`,
    route: `GET ${dlf}/jobs/instances/detail`,
    call: (c) => c.dataarts.listJobInstances({ jobName: 'job_batch' }),
    ok: {
      status: 200,
      fixture: 'dataarts/listJobInstances.json',
      expected: {
        total: 2,
        instances: [
          { instanceId: '34765', jobId: '608627', executeTime: 0.3 },
          { instanceId: '34764' },
        ],
      },
    },
    error: dlfError('DLF.3051'),
  },
  {
    api: 'dataarts',
    operation: 'getJobInstance',
    source: `${OTC_DLF}/viewing_job_instance_details`,
    route: `GET ${dlf}/jobs/job_batch/instances/34765`,
    call: (c) => c.dataarts.getJobInstance('job_batch', '34765'),
    ok: {
      status: 200,
      fixture: 'dataarts/getJobInstance.json',
      expected: {
        instanceId: '34765',
        status: 'fail',
        nodes: [{ nodeName: 'Dummy_8556' }, { nodeName: 'error' }],
      },
    },
    error: dlfError('DLF.0137'),
  },
  {
    api: 'dataarts',
    operation: 'stopJob',
    source: `${OTC_DLF}/stopping_a_job (seed 000)`,
    route: `POST ${dlf}/jobs/myJob/stop`,
    call: (c) => c.dataarts.stopJob('myJob'),
    ok: { status: 204, expected: null },
    error: dlfError('DLF.0100'),
  },
  {
    api: 'dataarts',
    operation: 'stopJobInstance',
    source: `${OTC_DLF}/stopping_a_job_instance`,
    route: `POST ${dlf}/jobs/job_batch/instances/34765/stop`,
    call: (c) => c.dataarts.stopJobInstance('job_batch', '34765'),
    ok: { status: 204, expected: null },
    error: dlfError('DLF.0137'),
  },
  {
    api: 'dataarts',
    operation: 'deleteJob',
    source: `${OTC_DLF}/deleting_a_job`,
    route: `DELETE ${dlf}/jobs/joba`,
    call: (c) => c.dataarts.deleteJob('joba'),
    ok: { status: 204, expected: null },
    error: dlfError('DLF.0100'),
  },
  {
    api: 'dataarts',
    operation: 'listScripts',
    source: `${OTC_DLF}/querying_a_script_list`,
    route: `GET ${dlf}/scripts`,
    call: (c) => c.dataarts.listScripts(),
    ok: {
      status: 200,
      fixture: 'dataarts/listScripts.json',
      expected: {
        total: 1,
        scripts: [{ name: 'mrs_spark_sql', type: 'SparkSQL', configuration: {} }],
      },
    },
    error: dlfError('DLF.3051'),
  },
  {
    api: 'dataarts',
    operation: 'executeScript',
    source: 'Huawei intl dataartsstudio_02_0058 (OTC shows no body)',
    route: `POST ${dlf}/scripts/dws_sql/execute`,
    call: (c) => c.dataarts.executeScript('dws_sql', { params: { tableVar: 'citys' } }),
    ok: {
      status: 200,
      fixture: 'dataarts/executeScript.json',
      expected: { instanceId: 'a1ad-448a-9d56-4154193d49c5' },
    },
    error: dlfError('DLF.6201'),
  },
  {
    api: 'dataarts',
    operation: 'getScriptInstance',
    source: `${OTC_DLF}/querying_the_execution_result_of_a_script_instance`,
    route: `GET ${dlf}/scripts/dwsscript/instances/a1ad-448a-9d56-4154193d49c5`,
    call: (c) => c.dataarts.getScriptInstance('dwsscript', 'a1ad-448a-9d56-4154193d49c5'),
    ok: {
      status: 200,
      fixture: 'dataarts/getScriptInstance.json',
      expected: { status: 'FINISHED', results: [{ rowCount: 1, duration: 0.5 }] },
    },
    error: dlfError('DLF.6201'),
  },
  {
    api: 'dataarts',
    operation: 'stopScriptInstance',
    source: `${OTC_DLF}/stopping_executing_a_script_instance (seed 001)`,
    route: `POST ${dlf}/scripts/dwsscript/instances/a1ad-448a-9d56-4154193d49c5/stop`,
    call: (c) => c.dataarts.stopScriptInstance('dwsscript', 'a1ad-448a-9d56-4154193d49c5'),
    ok: { status: 204, expected: null },
    error: dlfError('DLF.6205'),
  },
]

export const CODEARTS: DocumentedOperation[] = [
  {
    api: 'codearts',
    operation: 'listProjectJobs',
    source: `${CB} ShowJobListByProjectId`,
    route: `GET /v3/${cp}/jobs`,
    call: (c) => c.codearts.listProjectJobs(cp),
    ok: {
      status: 200,
      fixture: 'codearts/listProjectJobs.json',
      expected: { total: 1, jobs: [{ id: JOB, last_build_status: 'blue', is_finished: true }] },
    },
    error: { status: 400, fixture: 'codearts/error-cb-00060200.json', code: 'CB.00060200' },
  },
  {
    api: 'codearts',
    operation: 'getJobStatus',
    source: `${CB} ShowJobStatus`,
    route: `GET /v3/jobs/${JOB}/status`,
    call: (c) => c.codearts.getJobStatus(JOB),
    ok: { status: 200, fixture: 'codearts/getJobStatus.json', expected: { result: true } },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'getRunningStatus',
    source: `${CB} ShowRunningStatus`,
    route: `GET /v1/job/${JOB}/running-status`,
    call: (c) => c.codearts.getRunningStatus(JOB),
    ok: {
      status: 200,
      fixture: 'codearts/getRunningStatus.json',
      expected: { result: { is_running: false, last_build_no: '9' } },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'getJobInfo',
    source: `${CB} ShowJobInfo`,
    route: `GET /v1/job/${JOB}/info`,
    call: (c) => c.codearts.getJobInfo(JOB),
    ok: {
      status: 200,
      fixture: 'codearts/getJobInfo.json',
      expected: { running_status: 'Finished', last_build_status: 'success' },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'getHistory',
    source: `${CB} ShowListHistory`,
    route: `GET /v3/jobs/${JOB}/history`,
    call: (c) => c.codearts.getHistory(JOB),
    ok: {
      status: 200,
      fixture: 'codearts/getHistory.json',
      expected: {
        total: 2,
        history_records: [
          { build_number: 2, start_time: Date.parse('2020-12-30T18:33:27+08:00') },
          { build_number: 1 },
        ],
      },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'getBuildInfo',
    source: `${CB} ShowBuildDetails`,
    route: `GET /v1/job/${JOB}/9/build-info`,
    call: (c) => c.codearts.getBuildInfo(JOB, 9),
    ok: {
      status: 200,
      fixture: 'codearts/getBuildInfo.json',
      expected: { result: { building: false, build_result: 'FAILURE' } },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'getRecordInfo',
    source: `${CB} ShowRecordDetail (times typed String)`,
    route: `GET /v4/jobs/${JOB}/29/record-info`,
    call: (c) => c.codearts.getRecordInfo(JOB, 29),
    ok: {
      status: 200,
      fixture: 'codearts/getRecordInfo.json',
      expected: {
        result: {
          build_no: 29,
          start_time: Date.parse('2022-10-11T10:30:00+08:00'),
          duration: 60000,
        },
      },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'stopBuild (v1)',
    source: `${CB} StopTheJob`,
    route: `POST /v1/job/${JOB}/stop`,
    call: (c) => c.codearts.stopBuild(JOB, 20),
    options: { codeartsStopRoute: 'v1' },
    ok: {
      status: 200,
      fixture: 'codearts/stopBuild.v1.json',
      expected: { route: 'v1', accepted: true },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'stopBuild (v3)',
    source: `${CB} StopBuildJob`,
    route: `POST /v3/jobs/${JOB}/20/stop`,
    call: (c) => c.codearts.stopBuild(JOB, 20),
    options: { codeartsStopRoute: 'v3' },
    ok: {
      status: 200,
      fixture: 'codearts/stopBuild.v3.json',
      expected: { route: 'v3', accepted: true },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'stopBuild (legacy)',
    source: 'seed 002 (StopJob)',
    route: 'POST /v3/jobs/stop',
    call: (c) => c.codearts.stopBuild(JOB, 20),
    options: { codeartsStopRoute: 'legacy' },
    ok: {
      status: 200,
      fixture: 'codearts/stopBuild.legacy.json',
      expected: { route: 'legacy', accepted: true },
    },
    error: cbError,
  },
  {
    api: 'codearts',
    operation: 'deleteJob',
    source: `${CB} DeleteBuildJob`,
    route: `POST /v3/jobs/${JOB}/delete`,
    call: (c) => c.codearts.deleteJob(JOB),
    ok: {
      status: 200,
      fixture: 'codearts/deleteJob.json',
      expected: { status: 'success', result: { job_id: JOB } },
    },
    error: cbError,
  },
]

export const DLI: DocumentedOperation[] = [
  {
    api: 'dli',
    operation: 'listJobs',
    source: `${OTC_DLI}/listing_jobs`,
    route: `GET ${dli}`,
    call: (c) => c.dli.listJobs(),
    ok: {
      status: 200,
      fixture: 'dli/listJobs.json',
      expected: {
        is_success: true,
        job_list: { total_count: 26, jobs: [{ job_id: '146', status: 'job_init', root_id: '-1' }] },
      },
    },
    error: dliError('DLI.23001'),
  },
  {
    api: 'dli',
    operation: 'getJob',
    source: `${OTC_DLI}/querying_job_details`,
    route: `GET ${dli}/104`,
    call: (c) => c.dli.getJob('104'),
    ok: {
      status: 200,
      fixture: 'dli/getJob.json',
      expected: {
        job_detail: {
          job_id: '104',
          status: 'job_init',
          start_time: null,
          update_time: 1578467395713,
        },
      },
    },
    error: dliError('DLI.16001'),
  },
  {
    api: 'dli',
    operation: 'stopJobs',
    source: `${OTC_DLI}/batch_stopping_jobs (one element for one id)`,
    route: `POST ${dli}/stop`,
    call: (c) => c.dli.stopJobs(['128']),
    ok: {
      status: 200,
      fixture: 'dli/stopJobs.json',
      expected: [{ jobId: '128', ok: true, outcome: 'accepted', source: 'answer' }],
    },
    error: { status: 400, fixture: 'dli/stop-error.json', code: 'DLI.15002' },
  },
  {
    api: 'dli',
    operation: 'deleteJob',
    source: `${OTC_DLI}/deleting_a_job (seed 003, trailing comma)`,
    route: `DELETE ${dli}/104`,
    call: (c) => c.dli.deleteJob('104'),
    ok: {
      status: 200,
      fixture: 'dli/deleteJob.txt',
      expected: { is_success: true, message: 'The job is deleted successfully.' },
    },
    error: dliError('DLI.17001'),
  },
  {
    api: 'dli',
    operation: 'deleteJobs',
    source: `${OTC_DLI}/batch_deleting_jobs (trailing comma)`,
    route: `POST ${dli}/delete`,
    call: (c) => c.dli.deleteJobs(['12']),
    ok: {
      status: 200,
      fixture: 'dli/deleteJobs.txt',
      expected: [{ jobId: '12', ok: true, source: 'answer' }],
    },
    error: { status: 400, fixture: 'dli/error-dli-13007.json', code: 'DLI.13007' },
  },
  {
    api: 'dli',
    operation: 'runJobs',
    source: `${OTC_DLI}/batch_running_jobs`,
    route: `POST ${dli}/run`,
    call: (c) => c.dli.runJobs(['131', '130', '138', '137'], { resumeSavepoint: true }),
    ok: {
      status: 200,
      fixture: 'dli/runJobs.json',
      expected: ['131', '130', '138', '137'].map((jobId) => ({ jobId, ok: true })),
    },
    error: { status: 400, fixture: 'dli/error-dli-13007.json', code: 'DLI.13007' },
  },
]

export const MODELARTS: DocumentedOperation[] = [
  {
    api: 'modelarts',
    operation: 'listTasks',
    source: `${OTC_MA}/querying_the_list_of_a_processing_task`,
    route: `GET ${ma}`,
    call: (c) => c.modelarts.listTasks(),
    ok: {
      status: 200,
      fixture: 'modelarts/listTasks.json',
      expected: {
        count: 1,
        tasks: [{ task_id: 'ddwRJeTnjpiq4dNUZOq', status: 2, create_time: 1606372570023 }],
      },
    },
    error: maError('ModelArts.0104'),
  },
  {
    api: 'modelarts',
    operation: 'getTask',
    source: `${OTC_MA}/querying_details_about_a_processing_task`,
    route: `GET ${ma}/AcYfsdfhGyrWL5TtahH`,
    call: (c) => c.modelarts.getTask('AcYfsdfhGyrWL5TtahH'),
    ok: {
      status: 200,
      fixture: 'modelarts/getTask.json',
      expected: { task_id: 'AcYfsdfhGyrWL5TtahH', status: 2, is_current: true },
    },
    error: maError('ModelArts.4700'),
  },
  {
    api: 'modelarts',
    operation: 'listVersions',
    source: `${OTC_MA}/querying_the_version_list_of_a_data_processing_task`,
    route: `GET ${ma}/kM7j9TSa611ZzBThzSr/versions`,
    call: (c) => c.modelarts.listVersions('kM7j9TSa611ZzBThzSr'),
    ok: {
      status: 200,
      fixture: 'modelarts/listVersions.json',
      expected: {
        count: 2,
        versions: [
          { task_version_id: 'qSaudx2sbPvthHygckA', status: 0 },
          { task_version_id: 'YHFWU18zXuNbqxtzegG', status: 2, origin_sample_count: 18 },
        ],
      },
    },
    error: maError('ModelArts.4700'),
  },
  {
    api: 'modelarts',
    operation: 'getVersion',
    source: `${OTC_MA}/querying_the_details_about_the_version_of_a_data_processing_task`,
    route: `GET ${ma}/kM7j9TSa611ZzBThzSr/versions/qSaudx2sbPvthHygckA`,
    call: (c) => c.modelarts.getVersion('kM7j9TSa611ZzBThzSr', 'qSaudx2sbPvthHygckA'),
    ok: {
      status: 200,
      fixture: 'modelarts/getVersion.json',
      expected: { task_version_id: 'qSaudx2sbPvthHygckA', status: 0, duration_seconds: 312 },
    },
    error: maError('ModelArts.4851'),
  },
  {
    api: 'modelarts',
    operation: 'stopVersion',
    source: 'seed 004 (StopProcessorTaskVersion)',
    route: `POST ${ma}/t1/versions/v1/stop`,
    call: (c) => c.modelarts.stopVersion('t1', 'v1'),
    ok: { status: 200, fixture: 'modelarts/stopVersion.json', expected: null },
    error: maError('ModelArts.4851'),
  },
  {
    api: 'modelarts',
    operation: 'deleteVersion',
    source: `${OTC_MA}/deleting_a_data_processing_task_version`,
    route: `DELETE ${ma}/t1/versions/v1`,
    call: (c) => c.modelarts.deleteVersion('t1', 'v1'),
    // The doc prints `{ }` after its 204; HTTP forbids a 204 body, so none is sent.
    ok: { status: 204, expected: null },
    error: maError('ModelArts.4851'),
  },
  {
    api: 'modelarts',
    operation: 'deleteTask',
    source: `${OTC_MA}/deleting_a_processing_task`,
    route: `DELETE ${ma}/t1`,
    call: (c) => c.modelarts.deleteTask('t1'),
    ok: { status: 200, fixture: 'modelarts/deleteTask.json', expected: null },
    error: maError('ModelArts.4700'),
  },
]

export const IAM: DocumentedOperation[] = [
  {
    api: 'iam',
    operation: 'createProjectToken',
    source: 'Huawei iam_30_0001 (cloud-api.md §6.1 example)',
    route: 'POST /v3/auth/tokens',
    call: (c) =>
      c.iam.createProjectToken({ domain: 'acme', user: 'ops', password: 'pw', projectId: PROJECT }),
    ok: {
      status: 201,
      fixture: 'iam/createProjectToken.json',
      expected: {
        token: 'subject-token',
        expiresAt: '2020-01-05T09:05:22.701000Z',
        projectId: PROJECT,
      },
    },
    error: { status: 401, fixture: 'iam/error-401.json', code: '401' },
  },
  {
    api: 'iam',
    operation: 'validateToken',
    source: 'spec KeystoneValidateToken (cloud-api.md §6.2)',
    route: 'GET /v3/auth/tokens',
    call: (c) => c.iam.validateToken('tok'),
    ok: {
      status: 200,
      fixture: 'iam/createProjectToken.json',
      expected: { expires_at: '2020-01-05T09:05:22.701000Z' },
    },
    error: { status: 404, fixture: 'iam/validate-404.json', code: '404' },
  },
  {
    api: 'iam',
    operation: 'listProjects',
    source: 'spec KeystoneListProjects (cloud-api.md §6.3)',
    route: 'GET /v3/projects',
    call: (c) => c.iam.listProjects('cn-north-4'),
    ok: {
      status: 200,
      fixture: 'iam/listProjects.json',
      expected: { projects: [{ id: PROJECT, name: 'cn-north-4' }] },
    },
    error: iamGateway,
  },
  {
    api: 'iam',
    operation: 'listAuthProjects',
    source: 'spec KeystoneListAuthProjects (cloud-api.md §6.3)',
    route: 'GET /v3/auth/projects',
    call: (c) => c.iam.listAuthProjects(),
    ok: {
      status: 200,
      fixture: 'iam/listProjects.json',
      expected: { projects: [{ id: PROJECT }] },
    },
    error: iamGateway,
  },
]

export const OPERATIONS: readonly DocumentedOperation[] = [
  ...DATAARTS,
  ...CODEARTS,
  ...DLI,
  ...MODELARTS,
  ...IAM,
]

/** Vocabulary for realistic-looking, deterministic names. */
export const OWNERS = [
  'zhang_wei',
  'li_na',
  'wang_fang',
  'liu_yang',
  'chen_jie',
  'ops_admin',
  'data_eng01',
  'huang_min',
  'zhao_lei',
  'sun_li',
  'maria_santos',
  'arif_rahman',
  'nguyen_thi',
  'devops_bot',
]
export const SUBJECTS = [
  'orders',
  'payments',
  'users',
  'clickstream',
  'inventory',
  'logistics',
  'risk_score',
  'ad_events',
  'sessions',
  'refunds',
  'coupons',
  'devices',
  'billing',
  'reviews',
  'search_log',
  'shipments',
]
export const LAYERS = ['ods', 'dwd', 'dws', 'ads', 'dim']
export const RT_SUFFIXES = ['sync_rt', 'cdc_stream', 'kafka_ingest', 'rt_agg']
export const BATCH_SUFFIXES = ['daily_etl', 'hourly_merge', 'full_load', 'report', 'dedup']
export const SCRIPT_TYPES = [
  'FlinkSQL',
  'DLISQL',
  'SparkSQL',
  'HiveSQL',
  'DWSSQL',
  'RDSSQL',
  'Shell',
  'PRESTO',
]
export const DLI_JOB_TYPES = ['flink_sql_job', 'flink_jar_job', 'flink_opensource_sql_job']
export const DLI_QUEUES = ['flink_queue_prod', 'flink_queue_test', 'default', 'rt_analytics']
export const CB_SERVICES = [
  'order-service',
  'payment-gateway',
  'user-center',
  'web-portal',
  'inventory-api',
  'risk-engine',
  'notification-svc',
  'report-builder',
  'mobile-bff',
  'search-indexer',
  'auth-proxy',
  'data-sync',
]
export const CB_FLAVOURS = ['ci', 'release', 'nightly', 'pr-check', 'docker-image']
export const BRANCHES = ['master', 'main', 'develop', 'release/2.3', 'feature/batch-stop']
export const MA_TASK_TYPES = [
  'sys_data_analyse',
  'sys_data_cleaning',
  'sys_data_augmentation',
  'sys_data_validation',
  'sys_data_selection',
]
export const MA_SOURCE_TYPES = ['OBS', 'TASK', 'DATASET', 'CUSTOM']

/**
 * The one database schema for SQLite and PostgreSQL. Timestamps are ISO-8601 UTC strings
 * (`Date#toISOString()`, so they sort lexicographically), booleans are 0/1 integers, and JSON
 * is stored as text: the same row shape in both dialects.
 */

export interface UsersTable {
  id: string
  username: string
  display_name: string
  role: 'viewer' | 'operator' | 'admin'
  password_hash: string
  must_change_password: number
  disabled: number
  created_at: string
  updated_at: string
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session id; the id itself is only in the browser's cookie. */
  id_hash: string
  username: string
  display_name: string
  role: 'viewer' | 'operator' | 'admin'
  auth_method: 'local' | 'oidc'
  created_at: string
  last_seen_at: string
  /** Absolute expiry, fixed at login. */
  expires_at: string
}

/** One row per failed login, counted per (account, source) and per source in a sliding window. */
export interface LoginFailuresTable {
  id: string
  /** `pair:["<account>","<source>"]`: the (account, source address) counter. */
  key: string
  /** Lower-cased account name tried (null in rows older than migration 012). */
  username: string | null
  /** Client address; null when unknown. */
  source: string | null
  at: string
}

/** Pending OIDC authorization requests (shared by all replicas), single use. */
export interface OidcFlowsTable {
  state_hash: string
  nonce: string
  code_verifier: string
  created_at: string
}

/**
 * The append-only, hash-chained audit ledger: intents, outcomes and account events are all rows
 * (docs/decisions/003 and 009).
 */
export interface AuditLogTable {
  seq: number
  id: string
  type: 'intent' | 'outcome' | 'event'
  intent_id: string
  at: string
  /** The full record (AuditIntent/AuditEvent without id/at, or AuditOutcomeRecord without at) as canonical JSON. */
  body: string
  prev_hash: string
  hash: string
  /** HMAC-SHA256 of `hash` under AUDIT_HMAC_KEY (null when no key was configured at append time). */
  mac: string | null
}

/**
 * Query projection of the ledger, one row per intent or account event (derived, rebuildable; not
 * part of the chain; `audit/projection.ts` is the one definition). Indexed for the audit view's
 * filters and keyset pagination. Account events have `kind`, `target` and `workload_id` ''.
 */
export interface AuditEntriesTable {
  seq: number
  intent_id: string
  at: string
  actor: string
  kind: string
  action: string
  target: string
  workload_id: string
  /** Lower-cased text the `q` filter searches (see projection.ts). */
  search: string
  /** Latest outcome; null while pending. Account events: their own outcome. */
  outcome: string | null
  /** 1 once a request or reconciler outcome exists (watcher rows alone do not settle an intent). */
  settled: number
  /** Latest non-null observed final state / time-to-stop from any outcome row. */
  final_state: string | null
  time_to_stop_ms: number | null
  last_outcome_seq: number | null
  /** Latest non-null HTTP status / cloud request id from any outcome row. */
  http_status: number | null
  upstream_request_id: string | null
}

/** One row per process: the readiness probe's durable write (migration 006). */
export interface LedgerProbeTable {
  id: string
  at: string
}

/** Running BFF processes sharing the database (heartbeat; PostgreSQL: the key of their presence lock). */
export interface ReplicasTable {
  id: string
  lock_key: number | null
  host: string
  pid: number
  started_at: string
  heartbeat_at: string
}

export interface Database {
  users: UsersTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  oidc_flows: OidcFlowsTable
  audit_log: AuditLogTable
  audit_entries: AuditEntriesTable
  ledger_probe: LedgerProbeTable
  replicas: ReplicasTable
  // ── workloads half: add your table types below this line (one block), e.g. `script_instances: ScriptInstancesTable`
  /** DataArts script instances the BFF started or was told about (the cloud cannot list them). */
  script_instances: {
    id: string
    target: string
    script_name: string
    instance_id: string
    registered_by: string
    registered_at: string
    last_status: string | null
    last_checked_at: string | null
    /** When we sent a stop; a FAILED status after it is shown as stopped. */
    stop_requested_at: string | null
  }
}

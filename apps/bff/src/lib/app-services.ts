/**
 * The slot the workloads half fills. Extend it with module augmentation from your own files:
 *
 * ```ts
 * declare module '../lib/app-services.js' {
 *   interface AppServices { workloads: WorkloadService }
 * }
 * ```
 *
 * and export `createAppServices(platform: PlatformDeps): Promise<AppServices>` from
 * `src/workloads/services.ts`; `src/index.ts` calls it once at start-up, then `reconcile()`.
 * Tests pass whatever they need straight into `createApp({ ..., services })`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- extended by module augmentation
export interface AppServices {}

/** Optional lifecycle hooks the workloads services may provide. */
export interface ServiceHooks {
  /** Settles audit intents left open by a crash (called once after migrations). */
  reconcile?: () => Promise<void>
  /** Stops timers/watchers on shutdown. */
  close?: () => Promise<void>
}

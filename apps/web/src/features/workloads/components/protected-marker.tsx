/** A small, named marker: only admins may act on this workload (config: PROTECTED_WORKLOADS). */
export function ProtectedMarker() {
  return (
    <span
      className="ml-1 inline-flex items-center rounded font-sans border border-amber-600 px-1 text-[0.7rem] leading-4 font-semibold text-amber-900 dark:border-amber-500 dark:text-amber-200"
      title="Only admins may stop or delete it"
    >
      Protected
    </span>
  )
}

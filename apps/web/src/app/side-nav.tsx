import { hasRole, WORKLOAD_KINDS } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link, useRouterState } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { authQueries } from '../features/auth/api/auth-queries.js'
import { KIND_LABELS } from '../lib/format.js'

const linkClass =
  'block rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800'
const activeClass = 'bg-teal-50 font-semibold text-teal-900 dark:bg-teal-950 dark:text-teal-200'
const activeProps = { className: activeClass, 'aria-current': 'page' as const }

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <p className="px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </p>
      {children}
    </div>
  )
}

export function SideNav() {
  // "Running now" and "All workloads" share a path; which one is current depends on ?state.
  const location = useRouterState({ select: (s) => s.location })
  const role = useQuery(authQueries.me()).data?.user?.role
  const admin = role !== undefined && hasRole(role, 'admin')
  const onList = location.pathname === '/workloads'
  const running = onList && (location.search as { state?: string }).state === 'active'
  const current = (on: boolean) =>
    on
      ? { className: `${linkClass} ${activeClass}`, 'aria-current': 'page' as const }
      : { className: linkClass }
  return (
    <nav
      aria-label="Main"
      className="w-52 shrink-0 border-r border-slate-200 p-3 dark:border-slate-800"
    >
      <Link to="/" className={linkClass} activeProps={activeProps} activeOptions={{ exact: true }}>
        Overview
      </Link>
      <Link to="/workloads" search={{ state: 'active' }} {...current(running)}>
        Running now
      </Link>
      <Link to="/workloads" search={{}} {...current(onList && !running)}>
        All workloads
      </Link>
      <Section title="By kind">
        {WORKLOAD_KINDS.map((kind) => (
          <Link
            key={kind}
            to="/workloads/$kind"
            params={{ kind }}
            search={{}}
            className={linkClass}
            activeProps={activeProps}
            activeOptions={{ includeSearch: false }}
          >
            {KIND_LABELS[kind]}
          </Link>
        ))}
      </Section>
      <Section title="Operations">
        <Link to="/scripts" className={linkClass} activeProps={activeProps}>
          Scripts
        </Link>
        <Link
          to="/audit"
          search={{}}
          className={linkClass}
          activeProps={activeProps}
          activeOptions={{ includeSearch: false }}
        >
          Audit log
        </Link>
      </Section>
      {admin ? (
        <Section title="Administration">
          <Link to="/cloud-check" className={linkClass} activeProps={activeProps}>
            Cloud connection
          </Link>
        </Section>
      ) : null}
    </nav>
  )
}

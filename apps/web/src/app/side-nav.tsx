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
      <p className="px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {title}
      </p>
      {children}
    </div>
  )
}

/** The main navigation: a sidebar from `lg` on; below, a panel the header's Menu button opens. */
export function SideNav({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
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
      id="main-nav"
      aria-label="Main"
      // Following a link closes the panel on small screens (a no-op for the sidebar).
      onClick={(e) => (e.target as Element).closest('a') && onNavigate()}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return
        onNavigate()
        // The panel hides: put focus back on the button that opened it.
        document.querySelector<HTMLElement>('[aria-controls="main-nav"]')?.focus()
      }}
      className={`${open ? 'block' : 'hidden'} shrink-0 border-b border-slate-200 p-3 lg:block lg:w-52 lg:border-r lg:border-b-0 dark:border-slate-800`}
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

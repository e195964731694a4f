import { useQuery } from '@tanstack/react-query'
import { Outlet, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Button } from '../components/ui/button.js'
import { authQueries } from '../features/auth/api/auth-queries.js'
import { useLogout } from '../features/auth/api/use-logout.js'
import { ActionWatchProvider } from '../features/workloads/hooks/action-watch.js'
import { LiveIndicator } from './live-indicator.js'
import { LiveUpdates } from './live-updates.js'
import { SideNav } from './side-nav.js'
import { ThemeToggle } from './theme-toggle.js'
import { UiProviders } from './ui-providers.js'

/** Header, navigation and the signed-in page; loaded lazily (see routes/app-layout.tsx). */
export function AppShell() {
  return (
    <UiProviders>
      <LiveUpdates>
        <Shell />
      </LiveUpdates>
    </UiProviders>
  )
}

function Shell() {
  const me = useQuery(authQueries.me())
  const logout = useLogout()
  const navigate = useNavigate()
  const user = me.data?.user
  // Below `lg` the navigation is a panel opened from the header; from `lg` on it is a sidebar.
  const [navOpen, setNavOpen] = useState(false)
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      {me.data?.demoMode ? (
        <div
          role="note"
          className="bg-amber-400 px-4 py-1 text-center text-sm font-medium text-amber-950"
        >
          Demo mode — simulated cloud
        </div>
      ) : null}
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-2">
          <Button
            size="sm"
            className="lg:hidden"
            aria-expanded={navOpen}
            aria-controls="main-nav"
            onClick={() => setNavOpen((o) => !o)}
          >
            {navOpen ? 'Close menu' : 'Menu'}
          </Button>
          <span className="font-semibold tracking-tight">Ops Console</span>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm sm:gap-3">
          <LiveIndicator />
          {user ? (
            <span>
              {user.displayName}{' '}
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                {user.role}
              </span>
            </span>
          ) : null}
          <ThemeToggle />
          <Button
            size="sm"
            disabled={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onSettled: () => void navigate({ to: '/login', search: {} }),
              })
            }
          >
            Sign out
          </Button>
        </div>
      </header>
      <div className="flex flex-1 flex-col lg:flex-row">
        <SideNav open={navOpen} onNavigate={() => setNavOpen(false)} />
        <main id="main" className="min-w-0 flex-1 p-3 sm:p-4 xl:p-6">
          <ActionWatchProvider>
            <Outlet />
          </ActionWatchProvider>
        </main>
      </div>
    </div>
  )
}

import { useInfiniteQuery } from '@tanstack/react-query'
import { buttonClass, Button } from '../../../components/ui/button.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { EmptyState, Loading, PageHeader } from '../../../components/ui/states.js'
import { auditQueries, exportUrl } from '../api/audit-queries.js'
import { filtersOf, type AuditSearch } from '../api/audit-search.js'
import { AuditDetail } from './audit-detail.js'
import { AuditFiltersBar } from './audit-filters.js'
import { AuditTable } from './audit-table.js'

interface AuditPageProps {
  search: AuditSearch
  onSearchChange: (patch: Partial<AuditSearch>) => void
  canExport: boolean
}

export function AuditPage({ search, onSearchChange, canExport }: AuditPageProps) {
  const filters = filtersOf(search)
  const audit = useInfiniteQuery(auditQueries.list(filters))
  const items = audit.data?.pages.flatMap((p) => p.items) ?? []
  const open = search.entry ? items.find((e) => e.id === search.entry) : undefined
  return (
    <div>
      <PageHeader title="Audit log">
        {canExport ? (
          <div className="flex gap-2">
            <a className={buttonClass('secondary', 'sm')} href={exportUrl(filters, 'csv')} download>
              Export CSV
            </a>
            <a
              className={buttonClass('secondary', 'sm')}
              href={exportUrl(filters, 'json')}
              download
            >
              Export JSON
            </a>
          </div>
        ) : null}
      </PageHeader>
      <div className="mb-4">
        <AuditFiltersBar value={filters} onChange={onSearchChange} />
      </div>
      {audit.isPending ? <Loading label="Loading audit entries…" /> : null}
      {audit.isError ? (
        <ErrorPanel error={audit.error} onRetry={() => void audit.refetch()} />
      ) : null}
      {audit.isSuccess && items.length === 0 ? (
        <EmptyState title="No audit entries match">Try widening the filters.</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <AuditTable items={items} onOpen={(entry) => onSearchChange({ entry })} />
      ) : null}
      {audit.hasNextPage ? (
        <div className="mt-3 flex justify-center">
          <Button onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
            {audit.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
      {open ? (
        <AuditDetail entry={open} onClose={() => onSearchChange({ entry: undefined })} />
      ) : null}
    </div>
  )
}

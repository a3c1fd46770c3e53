import { useDeferredValue, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { Button, CloseButton, Group, Loader, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport, IconSearch } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import type { Row } from '../../lib/api';
import { areaOfPlural } from '../../lib/areas';
import { formatDate, formatStatus } from '../../lib/format';
import type { SortState } from '../../lib/view';
import { RecordDrawer } from './RecordDrawer';
import { useRecords } from './queries';
import { rowView, type RowSortKey } from './view';

const columns: ColumnDef<Row>[] = [
  { id: 'ref', accessorKey: 'ref', header: 'Reference', meta: { width: 'minmax(118px, 0.7fr)' },
    cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
  { id: 'title', accessorKey: 'title', header: 'Title', meta: { width: 'minmax(220px, 3fr)' },
    cell: (c) =>
      c.row.original.title || c.row.original.ref ? (
        <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text>
      ) : (
        // Some kinds (measurements, attendance) have no reference or title of their own.
        <Text size="sm" c="dimmed" fs="italic" truncate>Untitled {formatStatus(c.row.original.kind).toLowerCase()}: open for details</Text>
      ) },
  { id: 'status', accessorKey: 'status', header: 'Status', meta: { width: '150px' }, cell: (c) => <StatusBadge status={c.row.original.status} /> },
  { id: 'ownerName', accessorKey: 'ownerName', header: 'Owner', meta: { width: 'minmax(120px, 1fr)' },
    cell: (c) => <Text size="sm" truncate>{c.row.original.ownerName}</Text> },
  { id: 'due', accessorKey: 'due', header: 'Due', meta: { width: '88px' }, cell: (c) => formatDate(c.row.original.due) },
  { id: 'updatedAt', accessorKey: 'updatedAt', header: 'Updated', meta: { width: '88px' }, cell: (c) => formatDate(c.row.original.updatedAt) },
];

/** The kinds the import wizard brings in (their plural is their import kind). */
const importable = new Set(['attendance', 'measurements']);

/** RecordsPage is the read-only register of an area, with a tab per kind and a detail drawer. */
export function RecordsPage() {
  const { plural = '', id } = useParams();
  const found = areaOfPlural(plural);
  if (!found) return <Navigate to="/" replace />;
  // Remount per kind so search and sort start fresh on each register.
  return <RecordsView key={plural} plural={plural} id={id} found={found} />;
}

function RecordsView({ plural, id, found }: { plural: string; id?: string; found: NonNullable<ReturnType<typeof areaOfPlural>> }) {
  const navigate = useNavigate();
  const { area, kind } = found;
  const list = useRecords(plural);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState<RowSortKey> | null>({ id: 'ref', desc: false });
  const deferred = useDeferredValue(search);
  // Sort once per list and order; each keystroke only filters the sorted rows.
  const sorted = useMemo(() => rowView(list.data ?? [], '', sort), [list.data, sort]);
  const rows = useMemo(() => rowView(sorted, deferred, null), [sorted, deferred]);
  const all = list.data ?? [];

  return (
    <div className="page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2}>{area.label}</Title>
          <Text size="sm" c="dimmed">
            {kind.purpose}
            {area.clause ? ` ISO/IEC 27001 ${area.clause}.` : ''}
          </Text>
        </div>
        {importable.has(plural) && (
          <Button variant="default" component={Link} to={`/import?kind=${plural}`} leftSection={<IconFileImport size={16} />}>
            Import
          </Button>
        )}
      </Group>
      {area.kinds.length > 1 && (
        <Tabs value={plural} onChange={(v) => v && navigate(`/records/${v}`)} keepMounted={false}>
          <Tabs.List>
            {area.kinds.map((k) => (
              <Tabs.Tab key={k.plural} value={k.plural}>
                {k.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {all.length > 0 && (
      <Group gap="sm" wrap="nowrap">
        <TextInput
          aria-label={`Search ${kind.label.toLowerCase()}`}
          placeholder="Search reference, title, status, owner"
          leftSection={<IconSearch size={16} />}
          rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Text size="sm" c="dimmed" miw={150} ta="right" aria-live="polite">
          {list.isSuccess ? `${rows.length.toLocaleString()} of ${all.length.toLocaleString()}` : ''}
        </Text>
      </Group>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Group justify="center" p="xl"><Loader /></Group>
      ) : all.length === 0 ? (
        <EmptyState
          title={`No ${kind.label.toLowerCase()} yet`}
          action={
            importable.has(plural) ? (
              <Button component={Link} to={`/import?kind=${plural}`} leftSection={<IconFileImport size={16} />}>Import from Excel</Button>
            ) : undefined
          }
        >
          {kind.purpose}
          {importable.has(plural) ? ' Bring them in from your spreadsheet with the import wizard.' : ''}
        </EmptyState>
      ) : (
        <DataTable<Row>
          label={kind.label}
          data={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={sort}
          onSortChange={(s) => setSort(s as SortState<RowSortKey> | null)}
          selectedId={id}
          onRowOpen={(r) => navigate(`/records/${plural}/${encodeURIComponent(r.id)}`)}
          empty={<EmptyState title="Nothing matches">Clear the search to see every record.</EmptyState>}
        />
      )}
      <RecordDrawer plural={plural} id={id} kindLabel={kind.label} onClose={() => navigate(`/records/${plural}`)} />
    </div>
  );
}

import { useDeferredValue, useLayoutEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { Anchor, Button, Checkbox, CloseButton, Group, Loader, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar, IconFileImport, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import type { Option, Requirement } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { SortState } from '../../lib/view';
import { useRequirementOptions, useRequirements } from './queries';
import { RequirementForm } from './RequirementForm';
import { useCreating } from '../../components/record/useCreating';
import { useKeptState } from '../../lib/kept';
import { BulkEditModal } from './BulkEditModal';
import { headerState, keepExisting, toggleOne, toggleShown, type BulkField } from './selection';
import { filterRequirements, sortRequirements, type RequirementSortKey } from './view';

function labeller(options: Option[] | undefined) {
  const m = new Map((options ?? []).map((o) => [o.value, o.label]));
  return (v: string) => m.get(v) ?? v;
}

/** RequirementsPage is the requirements register (clauses 4.1, 4.2). */
export function RequirementsPage() {
  const navigate = useNavigate();
  const list = useRequirements();
  const options = useRequirementOptions();
  const [search, setSearch] = useKeptState('requirements.search', '');
  const [status, setStatus] = useKeptState<string | null>('requirements.status', null);
  const [sourceType, setSourceType] = useKeptState<string | null>('requirements.source', null);
  const [sort, setSort] = useKeptState<SortState<RequirementSortKey> | null>('requirements.sort', { id: 'ref', desc: false });
  // A link may open the register at one status (?status=compliant, the dashboard's figures):
  // read once, applied before the first paint in place of the kept filters, then taken off the address.
  const [params, setParams] = useSearchParams();
  const [askedStatus] = useState(() => (params.has('status') ? params.get('status') || null : undefined));
  useLayoutEffect(() => {
    if (askedStatus === undefined) return;
    setStatus(askedStatus);
    setSearch('');
    setSourceType(null);
    setParams((p) => { p.delete('status'); return p; }, { replace: true });
  }, [askedStatus, setStatus, setSearch, setSourceType, setParams]);
  const [creating, setCreating] = useCreating();
  // The rows ticked for a bulk edit, kept here (not in the table) across filters and sorts.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [bulkField, setBulkField] = useState<BulkField | null>(null);
  const deferredSearch = useDeferredValue(search);

  const owner = useMemo(() => labeller(options.data?.people), [options.data]);
  const statusLabel = useMemo(() => labeller(options.data?.statuses), [options.data]);
  const sourceLabel = useMemo(() => labeller(options.data?.sources), [options.data]);

  const all = list.data ?? [];
  // Sort once per list and order (the costly part with tens of thousands of rows); each
  // keystroke in the search box only filters the sorted rows.
  const sorted = useMemo(
    () => sortRequirements(list.data ?? [], sort, owner, (k, v) => (k === 'status' ? statusLabel(v) : sourceLabel(v))),
    [list.data, sort, owner, statusLabel, sourceLabel],
  );
  const rows = useMemo(
    () => filterRequirements(sorted, { search: deferredSearch, status: status ?? '', sourceType: sourceType ?? '' }),
    [sorted, deferredSearch, status, sourceType],
  );

  // Requirements deleted meanwhile drop out of the selection.
  const allIds = useMemo(() => (list.data ?? []).map((r) => r.id), [list.data]);
  const selected = useMemo(() => keepExisting(ticked, allIds), [ticked, allIds]);
  const shownIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const shownState = headerState(selected, shownIds);
  const hidden = useMemo(() => {
    if (selected.size === 0) return 0;
    const shown = new Set(shownIds);
    let n = 0;
    for (const id of selected) if (!shown.has(id)) n++;
    return n;
  }, [selected, shownIds]);

  const columns = useMemo<ColumnDef<Requirement>[]>(
    () => [
      { id: 'select', enableSorting: false, meta: { width: '40px' },
        header: () => (
          <Checkbox
            size="xs"
            aria-label={shownState === 'all' ? 'Unselect the requirements shown' : 'Select the requirements shown'}
            checked={shownState === 'all'}
            indeterminate={shownState === 'some'}
            disabled={shownIds.length === 0}
            onChange={() => setTicked((t) => toggleShown(keepExisting(t, allIds), shownIds))}
          />
        ),
        // The tick must not open the row: clicks and keys stop at the cell.
        cell: (c) => (
          <div style={{ display: 'flex', alignItems: 'center', height: '100%', width: '100%' }} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            <Checkbox
              size="xs"
              aria-label={`Select ${c.row.original.ref || c.row.original.title}`}
              checked={selected.has(c.row.original.id)}
              onChange={() => setTicked((t) => toggleOne(keepExisting(t, allIds), c.row.original.id))}
            />
          </div>
        ) },
      { id: 'ref', header: 'Reference', accessorKey: 'ref', meta: { width: 'minmax(118px, 0.9fr)' },
        cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
      { id: 'title', header: 'Title', accessorKey: 'title', meta: { width: 'minmax(150px, 2.6fr)' },
        cell: (c) => <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text> },
      { id: 'sourceType', header: 'Type', accessorKey: 'sourceType', meta: { width: '104px' },
        cell: (c) => <Text size="sm" truncate>{sourceLabel(c.row.original.sourceType)}</Text> },
      { id: 'source', header: 'Source', accessorKey: 'source', meta: { width: 'minmax(72px, 1fr)' },
        cell: (c) => <Text size="sm" truncate c="dimmed">{c.row.original.source}</Text> },
      { id: 'owner', header: 'Owner', accessorKey: 'ownerId', meta: { width: 'minmax(90px, 0.9fr)' },
        cell: (c) => <Text size="sm" truncate>{c.row.original.ownerId ? owner(c.row.original.ownerId) : ''}</Text> },
      { id: 'status', header: 'Status', accessorKey: 'status', meta: { width: '146px' },
        cell: (c) => <StatusBadge status={c.row.original.status} label={statusLabel(c.row.original.status)} /> },
      { id: 'dueDate', header: 'Due', accessorKey: 'dueDate', meta: { width: '84px' }, cell: (c) => formatDate(c.row.original.dueDate) },
    ],
    [owner, statusLabel, sourceLabel, selected, shownState, shownIds, allIds],
  );

  const filtered = search !== '' || status !== null || sourceType !== null;

  return (
    <div className="page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={2}>Requirements</Title>
          <Text size="sm" c="dimmed">
            Legal, regulatory, contractual and business requirements (ISO/IEC 27001 clauses 4.1, 4.2)
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" component={Link} to="/requirements/gap" leftSection={<IconChartBar size={16} />}>
            Gap analysis
          </Button>
          <Button variant="default" component={Link} to="/import?kind=requirements" leftSection={<IconFileImport size={16} />}>
            Import
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New requirement
          </Button>
        </Group>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <TextInput
          aria-label="Search requirements"
          placeholder="Search reference, title, text, source"
          leftSection={<IconSearch size={16} />}
          rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Select
          aria-label="Filter by status"
          placeholder="Any status"
          data={options.data?.statuses ?? []}
          value={status}
          onChange={setStatus}
          clearable
          w={210}
        />
        <Select
          aria-label="Filter by source type"
          placeholder="Any source type"
          data={options.data?.sources ?? []}
          value={sourceType}
          onChange={setSourceType}
          clearable
          w={190}
        />
        <Text size="sm" c="dimmed" miw={170} ta="right" aria-live="polite" data-testid="requirement-count">
          {list.isSuccess ? `${rows.length.toLocaleString()} of ${all.length.toLocaleString()} requirements` : ''}
        </Text>
      </Group>
      {selected.size > 0 && (
        <Paper withBorder radius="md" px="sm" py={6} bg="indigo.0" role="region" aria-label="Bulk edit">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} data-testid="selected-count">
              {selected.size.toLocaleString()} selected
            </Text>
            {hidden > 0 && (
              <Text size="sm" c="dimmed">({hidden.toLocaleString()} hidden by the filters)</Text>
            )}
            <Text size="sm" c="dimmed">·</Text>
            <Button size="compact-sm" variant="light" onClick={() => setBulkField('status')}>Set status</Button>
            <Button size="compact-sm" variant="light" onClick={() => setBulkField('owner')}>Set owner</Button>
            <Button size="compact-sm" variant="light" onClick={() => setBulkField('sourceType')}>Set source type</Button>
            <Button size="compact-sm" variant="light" onClick={() => setBulkField('source')}>Set source</Button>
            <Button size="compact-sm" variant="subtle" color="gray" ml="auto" leftSection={<IconX size={14} />}
              onClick={() => setTicked(new Set())}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Group justify="center" p="xl"><Loader /></Group>
      ) : all.length === 0 ? (
        <EmptyState
          title="No requirements yet"
          action={<Button onClick={() => setCreating(true)} leftSection={<IconPlus size={16} />}>Add your first requirement</Button>}
        >
          The register lists the laws, regulations, contracts and business rules the ISMS must satisfy, who owns each
          one and how compliant you are. Add them one by one, or bring in your spreadsheet with{' '}
          <Anchor component={Link} to="/import?kind=requirements">Import from Excel</Anchor>.
        </EmptyState>
      ) : (
        <DataTable<Requirement>
          label="Requirements"
          scrollKey="requirements"
          data={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={sort}
          onSortChange={(s) => setSort(s as SortState<RequirementSortKey> | null)}
          onRowOpen={(r) => navigate(`/requirements/${encodeURIComponent(r.id)}`)}
          empty={
            <EmptyState title="No matching requirements">
              {filtered ? 'Nothing matches the search and filters. Clear them to see every requirement.' : ''}
            </EmptyState>
          }
        />
      )}
      <BulkEditModal
        field={bulkField}
        ids={[...selected]}
        options={options.data}
        onClose={() => setBulkField(null)}
        onDone={() => {
          setBulkField(null);
          setTicked(new Set());
        }}
      />
      <RequirementForm opened={creating} onClose={() => setCreating(false)} onSaved={() => setCreating(false)} />
    </div>
  );
}

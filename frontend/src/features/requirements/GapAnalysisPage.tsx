import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import {
  Anchor, Badge, Breadcrumbs, Button, CloseButton, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Tabs, Text,
  TextInput, Title, Tooltip, UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconInfoCircle, IconRefresh, IconSearch } from '@tabler/icons-react';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import type { Option } from '../../lib/api';
import type { Contradiction, GapItem, GapSource } from '../../lib/api/requirements';
import type { SortState } from '../../lib/view';
import { controlRefs, coverageColour, evidenceCount, filterGap, sortGap, type GapSortKey } from './gap';
import { useGapAnalysis, useRequirementOptions } from './queries';

function labeller(options: Option[] | undefined) {
  const m = new Map((options ?? []).map((o) => [o.value, o.label]));
  return (v: string) => m.get(v) ?? v;
}

type View = 'requirements' | 'contradictions' | 'notApplicable';

const openPath = (id: string) => `/requirements/${encodeURIComponent(id)}`;

/** SourceCard is one source type's coverage counts; clicking a count filters the table by it. */
function SourceCard({ s, active, coverageLabel, onPick }: {
  s: GapSource;
  active: { sourceType: string; coverage: string } | null;
  coverageLabel: (v: string) => string;
  onPick: (sourceType: string, coverage: string) => void;
}) {
  const all = s.sourceType === '*';
  const selected = active !== null && (all ? active.sourceType === '' : active.sourceType === s.sourceType);
  const n = s.applicable;
  const pct = (k: number) => (n === 0 ? 0 : (100 * k) / n);
  const line = (coverage: 'covered' | 'partial' | 'gap', value: number) => {
    const on = selected && active?.coverage === coverage;
    return (
      <UnstyledButton
        onClick={() => onPick(all ? '' : s.sourceType, coverage)}
        aria-label={`${s.label}: ${value} ${coverageLabel(coverage).toLowerCase()}`}
        aria-pressed={on}
        px={4}
        style={{ borderRadius: 4, background: on ? 'var(--mantine-color-indigo-0)' : undefined }}
      >
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Group gap={6} wrap="nowrap">
            <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${coverageColour(coverage)}-6)` }} />
            <Text size="xs">{coverageLabel(coverage)}</Text>
          </Group>
          <Text size="sm" fw={700} c={value > 0 && coverage !== 'covered' ? `${coverageColour(coverage)}.8` : undefined}>{value}</Text>
        </Group>
      </UnstyledButton>
    );
  };
  return (
    <Paper withBorder radius="md" px="xs" py={6} style={selected ? { borderColor: 'var(--mantine-color-indigo-5)' } : undefined}>
      <UnstyledButton onClick={() => onPick(all ? '' : s.sourceType, '')} w="100%" px={4} aria-label={`Show ${s.label.toLowerCase()} requirements`}>
        <Text size="sm" fw={650} truncate>{s.label}</Text>
        <Text size="xs" c="dimmed" truncate title={`${n} applicable, ${s.notApplicable} not applicable`}>
          {n} applicable{s.notApplicable > 0 ? ` · ${s.notApplicable} n/a` : ''}
        </Text>
      </UnstyledButton>
      <Progress.Root size={5} my={5} mx={4} aria-hidden>
        <Progress.Section value={pct(s.covered)} color="green" />
        <Progress.Section value={pct(s.partial)} color="yellow" />
        <Progress.Section value={pct(s.gap)} color="red" />
      </Progress.Root>
      <Stack gap={0}>
        {line('covered', s.covered)}
        {line('partial', s.partial)}
        {line('gap', s.gap)}
      </Stack>
    </Paper>
  );
}

/**
 * GapAnalysisPage shows how far the requirements are covered by implemented controls,
 * policies and evidence, per source type, and the compliant assessments their coverage
 * contradicts. The Excel report "Requirements gap analysis" gives the same in a workbook.
 */
export function GapAnalysisPage() {
  const navigate = useNavigate();
  const gap = useGapAnalysis();
  const options = useRequirementOptions();
  const [view, setView] = useState<View>('requirements');
  const [search, setSearch] = useState('');
  const [coverage, setCoverage] = useState<string | null>(null);
  const [sourceType, setSourceType] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState<GapSortKey> | null>({ id: 'coverage', desc: false });
  const deferredSearch = useDeferredValue(search);

  const statusLabel = useMemo(() => labeller(options.data?.statuses), [options.data]);
  const sourceLabel = useMemo(() => labeller(options.data?.sources), [options.data]);
  const coverageLabel = useMemo(() => labeller(gap.data?.coverages), [gap.data]);

  const items = gap.data?.requirements;
  const sorted = useMemo(
    () => sortGap(items ?? [], sort, (k, v) => (k === 'status' ? statusLabel(v) : sourceLabel(v))),
    [items, sort, statusLabel, sourceLabel],
  );
  const rows = useMemo(
    () => filterGap(sorted, { search: deferredSearch, coverage: coverage ?? '', sourceType: sourceType ?? '' }),
    [sorted, deferredSearch, coverage, sourceType],
  );

  const columns = useMemo<ColumnDef<GapItem>[]>(
    () => [
      { id: 'ref', header: 'Reference', accessorKey: 'ref', meta: { width: '100px' },
        cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
      { id: 'title', header: 'Title', accessorKey: 'title', meta: { width: 'minmax(110px, 1.2fr)' },
        cell: (c) => <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text> },
      { id: 'sourceType', header: 'Type', accessorKey: 'sourceType', meta: { width: '88px' },
        cell: (c) => <Text size="sm" truncate>{sourceLabel(c.row.original.sourceType)}</Text> },
      { id: 'status', header: 'Assessed', accessorKey: 'status', meta: { width: '146px' },
        cell: (c) => <StatusBadge status={c.row.original.status} label={statusLabel(c.row.original.status)} /> },
      { id: 'coverage', header: 'Coverage', accessorKey: 'coverage', meta: { width: '124px' },
        cell: (c) => (
          <Badge color={coverageColour(c.row.original.coverage)} variant="light" radius="sm" tt="none" fw={600}>
            {coverageLabel(c.row.original.coverage)}
          </Badge>
        ) },
      { id: 'reason', header: 'Reason', accessorKey: 'reason', meta: { width: 'minmax(190px, 2.4fr)' },
        cell: (c) => <Text size="xs" lh={1.35} lineClamp={2} style={{ whiteSpace: 'normal' }} title={c.row.original.reason}>{c.row.original.reason}</Text> },
      { id: 'controls', header: 'Controls', accessorFn: controlRefs, meta: { width: 'minmax(96px, 1fr)' },
        cell: (c) => {
          const cs = c.row.original.controls ?? [];
          if (cs.length === 0) return <Text size="sm" c="dimmed">—</Text>;
          const tip = cs.map((x) => `${x.ref} ${x.title}: ${x.implemented ? 'implemented' : x.status.replace(/_/g, ' ')}`).join('\n');
          return (
            <Text size="sm" truncate title={tip}>
              {cs.map((x, i) => (
                <Text span key={x.id} c={x.implemented ? undefined : 'orange.8'} fw={x.implemented ? undefined : 600}>
                  {i > 0 ? ', ' : ''}{x.ref}
                </Text>
              ))}
            </Text>
          );
        } },
      { id: 'evidence', header: 'Evidence', accessorFn: evidenceCount, meta: { width: '94px' },
        cell: (c) => {
          const it = c.row.original;
          const n = evidenceCount(it);
          const tip = it.evidence > 0
            ? `${it.evidence} evidence record${it.evidence === 1 ? '' : 's'} on the requirement and its controls${it.evidenceNoted ? ', and evidence noted' : ''}`
            : it.evidenceNoted ? 'Evidence noted in the requirement (no evidence record)' : 'No evidence';
          return <Text size="sm" c={n === 0 ? 'dimmed' : undefined} title={tip}>{it.evidence > 0 ? it.evidence : it.evidenceNoted ? 'Noted' : '—'}</Text>;
        } },
    ],
    [sourceLabel, statusLabel, coverageLabel],
  );

  const contradictionColumns = useMemo<ColumnDef<Contradiction>[]>(
    () => [
      { id: 'ref', header: 'Reference', enableSorting: false, meta: { width: 'minmax(100px, 0.6fr)' },
        cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
      { id: 'title', header: 'Title', enableSorting: false, meta: { width: 'minmax(160px, 1.4fr)' },
        cell: (c) => <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text> },
      { id: 'message', header: 'What does not add up', enableSorting: false, meta: { width: 'minmax(240px, 3fr)' },
        cell: (c) => (
          <Group gap={6} wrap="nowrap">
            <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden style={{ flex: 'none' }} />
            <Text size="sm" truncate title={c.row.original.message}>{c.row.original.message}</Text>
          </Group>
        ) },
    ],
    [],
  );

  const naColumns = useMemo<ColumnDef<GapItem>[]>(
    () => [
      { id: 'ref', header: 'Reference', enableSorting: false, meta: { width: 'minmax(100px, 0.6fr)' },
        cell: (c) => <Text size="sm" fw={600} truncate>{c.row.original.ref}</Text> },
      { id: 'title', header: 'Title', enableSorting: false, meta: { width: 'minmax(160px, 2fr)' },
        cell: (c) => <Text size="sm" truncate title={c.row.original.title}>{c.row.original.title}</Text> },
      { id: 'sourceType', header: 'Type', enableSorting: false, meta: { width: '110px' },
        cell: (c) => <Text size="sm" truncate>{sourceLabel(c.row.original.sourceType)}</Text> },
      { id: 'status', header: 'Assessed', enableSorting: false, meta: { width: '150px' },
        cell: (c) => <StatusBadge status={c.row.original.status} label={statusLabel(c.row.original.status)} /> },
      { id: 'applicable', header: 'Why it is out', enableSorting: false, meta: { width: 'minmax(160px, 1.4fr)' },
        cell: (c) => (
          <Text size="sm" c="dimmed" truncate>
            {c.row.original.applicable ? 'Assessed as not applicable' : 'Marked as not applicable'}
          </Text>
        ) },
    ],
    [sourceLabel, statusLabel],
  );

  const header = (
    <Group justify="space-between" align="flex-end" wrap="nowrap">
      <div>
        <Breadcrumbs mb={2}>
          <Anchor component={Link} to="/requirements" size="sm">Requirements</Anchor>
          <Text size="sm">Gap analysis</Text>
        </Breadcrumbs>
        <Group gap={6} wrap="nowrap">
          <Title order={2}>Gap analysis</Title>
          <Tooltip
            multiline
            w={340}
            withArrow
            label="Covered: at least one linked control, every linked control implemented, and evidence (a record on the requirement or one of its controls, or the requirement's evidence text). Partly covered: some control, policy or evidence, but not all of that. Gap: no control, policy or evidence."
          >
            <IconInfoCircle size={18} color="var(--mantine-color-dimmed)" aria-label="How coverage is worked out" />
          </Tooltip>
        </Group>
        <Text size="sm" c="dimmed">How far implemented controls, policies and evidence cover each applicable requirement</Text>
      </div>
      <Group gap="sm" wrap="nowrap">
        <Button variant="default" leftSection={<IconRefresh size={16} />} loading={gap.isFetching && !gap.isPending}
          onClick={() => void gap.refetch()}>
          Refresh
        </Button>
        <Button variant="default" component={Link} to="/reports" leftSection={<IconFileSpreadsheet size={16} />}>
          Excel report
        </Button>
      </Group>
    </Group>
  );

  if (gap.isError) {
    return (
      <div className="page">
        {header}
        <QueryError error={gap.error} onRetry={() => void gap.refetch()} />
      </div>
    );
  }
  if (gap.isPending) {
    return (
      <div className="page">
        {header}
        <Group justify="center" p="xl"><Loader /></Group>
      </div>
    );
  }
  const g = gap.data;
  const total = g.requirements.length + g.notApplicable.length;
  const filtered = search !== '' || coverage !== null || sourceType !== null;
  const pick = (st: string, cov: string) => {
    setView('requirements');
    // Picking the card already chosen clears the filter.
    if ((sourceType ?? '') === st && (coverage ?? '') === cov) {
      setSourceType(null);
      setCoverage(null);
      return;
    }
    setSourceType(st === '' ? null : st);
    setCoverage(cov === '' ? null : cov);
  };
  const active = filtered ? { sourceType: sourceType ?? '', coverage: coverage ?? '' } : null;

  if (total === 0) {
    return (
      <div className="page">
        {header}
        <EmptyState title="No requirements yet" action={<Button component={Link} to="/requirements">Open the register</Button>}>
          The gap analysis compares each requirement with the controls, policies and evidence that cover it. Add
          requirements to the register and link them to controls first.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      <SimpleGrid cols={g.sources.length + 1} spacing="sm">
        {g.sources.map((s) => (
          <SourceCard key={s.sourceType || 'none'} s={s} active={active} coverageLabel={coverageLabel} onPick={pick} />
        ))}
        <SourceCard s={g.total} active={active} coverageLabel={coverageLabel} onPick={pick} />
      </SimpleGrid>
      <Group gap="sm" wrap="nowrap" align="flex-end">
        <Tabs value={view} onChange={(v) => v && setView(v as View)} style={{ flex: 'none' }}>
          <Tabs.List>
            <Tabs.Tab value="requirements" data-testid="gap-count">
              Applicable ({filtered ? `${rows.length.toLocaleString()} of ` : ''}{g.requirements.length.toLocaleString()})
            </Tabs.Tab>
            <Tabs.Tab
              value="contradictions"
              rightSection={g.contradictions.length > 0 ? (
                <Badge size="sm" color="orange" variant="filled" circle={g.contradictions.length < 10}>{g.contradictions.length}</Badge>
              ) : undefined}
            >
              Contradictions
            </Tabs.Tab>
            <Tabs.Tab value="notApplicable">Not applicable ({g.notApplicable.length.toLocaleString()})</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {view === 'requirements' && (
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <TextInput
              aria-label="Search the gap analysis"
              placeholder="Search reference, title, reason, control"
              leftSection={<IconSearch size={16} />}
              rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 150 }}
            />
            <Select aria-label="Filter by coverage" placeholder="Any coverage" data={g.coverages} value={coverage}
              onChange={setCoverage} clearable w={160} />
            <Select aria-label="Filter by source type" placeholder="Any source type" data={options.data?.sources ?? []}
              value={sourceType} onChange={setSourceType} clearable w={165} />
          </Group>
        )}
      </Group>
      {view === 'requirements' && (
        <DataTable<GapItem>
          label="Gap analysis"
          rowHeight={46}
          data={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={sort}
          onSortChange={(s) => setSort(s as SortState<GapSortKey> | null)}
          onRowOpen={(r) => navigate(openPath(r.id))}
          empty={
            <EmptyState title="No matching requirements">
              {filtered ? 'Nothing matches the search and filters. Clear them to see every applicable requirement.' : 'Every requirement is marked as not applicable.'}
            </EmptyState>
          }
        />
      )}
      {view === 'contradictions' && (
        <>
          <Text size="sm" c="dimmed">
            Requirements assessed as compliant while a linked control is not implemented, or with no control, policy or
            evidence behind them. Open one to correct its status or its links.
          </Text>
          <DataTable<Contradiction>
            label="Contradictions"
            data={g.contradictions}
            columns={contradictionColumns}
            getRowId={(c) => c.requirementId}
            sort={null}
            onSortChange={() => {}}
            onRowOpen={(c) => navigate(openPath(c.requirementId))}
            empty={<EmptyState title="No contradictions">Every requirement assessed as compliant has implemented controls or other cover behind it.</EmptyState>}
          />
        </>
      )}
      {view === 'notApplicable' && (
        <DataTable<GapItem>
          label="Requirements that do not apply"
          data={g.notApplicable}
          columns={naColumns}
          getRowId={(r) => r.id}
          sort={null}
          onSortChange={() => {}}
          onRowOpen={(r) => navigate(openPath(r.id))}
          empty={<EmptyState title="Every requirement applies">No requirement is marked or assessed as not applicable.</EmptyState>}
        />
      )}
    </div>
  );
}

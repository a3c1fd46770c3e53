// The kit's register: an area's table with its own columns, search, enum filters and the
// view state (search, filters, sort, view) kept across navigation, a New button and the
// import wizard where the kind can be imported.
import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { Anchor, Badge, Button, CloseButton, Group, Loader, SegmentedControl, Select, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { DataTable } from '../DataTable';
import { EmptyState } from '../EmptyState';
import { TemplateButton } from '../TemplateButton';
import { QueryError } from '../QueryError';
import type { Stored } from '../../lib/api';
import { areaOfPlural } from '../../lib/areas';
import { haystack, matchesHaystack, searchTerms, sortByText, type SortState } from '../../lib/view';
import type { AreaConfig, ColumnSpec, Lookups } from './kit';
import { viewFromAddress, type AddressView } from './address';
import { useCreating } from './useCreating';
import { optionsOf, useAreaList, useEnums, useLookups } from './queries';
import { RecordForm } from './RecordForm';

interface ViewState {
  search: string;
  filters: Record<string, string | null>;
  sort: SortState | null;
  view: string;
}

/** Register views survive going to a record and back (for the life of the window). */
const views = new Map<string, ViewState>();

/** useViewState is the register's kept view; a link's address (see viewFromAddress) replaces its search and filters. */
function useViewState(plural: string, initial: ViewState, address: AddressView | null): [ViewState, (v: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => {
    const kept = views.get(plural) ?? initial;
    if (!address) return kept;
    const next = { ...kept, search: address.search, filters: address.filters };
    views.set(plural, next);
    return next;
  });
  const update = (v: Partial<ViewState>) =>
    setState((s) => {
      const next = { ...s, ...v };
      views.set(plural, next);
      return next;
    });
  return [state, update];
}

/** pluralise says "1 risk", "3 risks", "2 interested parties". */
export function countOf(n: number, noun: string): string {
  if (n === 1) return `1 ${noun}`;
  const irregular: Record<string, string> = { person: 'people', evidence: 'evidence', 'attendance record': 'attendance records' };
  const plural = irregular[noun] ?? (/[^aeiou]y$/.test(noun) ? noun.slice(0, -1) + 'ies' : /(s|x|ch|sh)$/.test(noun) ? noun + 'es' : noun + 's');
  return `${n.toLocaleString()} ${plural}`;
}

/** toColumns turns the area's column specs into the table's column definitions. */
function toColumns<T>(specs: ColumnSpec<T>[], l: Lookups): ColumnDef<T>[] {
  return specs.map((c) => ({
    id: c.id,
    header: c.header,
    meta: { width: c.width },
    cell: (ctx) => {
      const r = ctx.row.original;
      if (c.render) return c.render(r, l);
      const v = c.value(r, l);
      return <Text size="sm" truncate title={String(v)}>{String(v)}</Text>;
    },
  }));
}

/** Clauses shows clause numbers with their titles from the standard on hover. */
function Clauses({ refs }: { refs: string }) {
  const enums = useEnums();
  const titles = new Map(optionsOf(enums.data, 'clauses').map((o) => [o.value, o.label]));
  const list = refs.split(',').map((r) => r.trim());
  return (
    <>
      {list.map((r, i) => (
        <span key={r}>
          {i > 0 ? ', ' : ''}
          <Tooltip label={titles.get(r) ?? `Annex A / clause ${r}`} withArrow>
            <span style={{ textDecoration: 'underline dotted', cursor: 'help' }}>{r}</span>
          </Tooltip>
        </span>
      ))}
    </>
  );
}

export interface RegisterPageProps<T extends Stored> {
  config: AreaConfig<T>;
  /** Extra buttons beside New. */
  actions?: ReactNode;
}

/** RegisterPage is an area's register. */
export function RegisterPage<T extends Stored>({ config, actions }: RegisterPageProps<T>) {
  const navigate = useNavigate();
  const list = useAreaList(config.plural, config.service);
  const enums = useEnums();
  const l = useLookups(config.fields.filter((f) => f.kind).map((f) => f.kind ?? ''));
  // A link may open the register filtered (?status=accepted, ?ids=...): read once, then taken off the address.
  const [params, setParams] = useSearchParams();
  const [address] = useState(() => viewFromAddress(params.toString(), config.filters ?? []));
  const [state, setState] = useViewState(config.plural, {
    search: '',
    filters: {},
    sort: config.defaultSort ?? { id: config.columns[0]?.id ?? '', desc: false },
    view: 'table',
  }, address);
  const [topFilter, setTopFilter] = useState<{ label: string; keep: (r: T) => boolean } | null>(() => {
    if (!address?.ids) return null;
    const ids = new Set(address.ids);
    return { label: address.label, keep: (r: T) => ids.has(r.id) };
  });
  useEffect(() => {
    if (address) setParams((p) => { for (const k of address.keys) p.delete(k); return p; }, { replace: true });
  }, [address, setParams]);
  const [creating, setCreating] = useCreating();
  const search = useDeferredValue(state.search);
  const found = areaOfPlural(config.plural);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const sorted = useMemo(() => {
    const col = config.columns.find((c) => c.id === state.sort?.id);
    if (!col || !state.sort) return all;
    const numeric = all.length > 0 && typeof col.value(all[0]!, l) === 'number';
    if (numeric) {
      const out = [...all].sort((a, b) => (col.value(a, l) as number) - (col.value(b, l) as number));
      return state.sort.desc ? out.reverse() : out;
    }
    return sortByText(all, (r) => String(col.value(r, l)), state.sort.desc);
  }, [all, state.sort, config.columns, l]);
  const rows = useMemo(() => {
    const terms = searchTerms(search);
    return sorted.filter((r) => {
      if (topFilter && !topFilter.keep(r)) return false;
      for (const f of config.filters ?? []) {
        const want = state.filters[f.label];
        if (!want) continue;
        const v = f.value(r);
        if (Array.isArray(v) ? !v.includes(want) : v !== want) return false;
      }
      if (terms.length === 0) return true;
      return matchesHaystack(terms, haystack(config.columns.map((c) => String(c.value(r, l)))));
    });
  }, [sorted, search, state.filters, topFilter, config.filters, config.columns, l]);
  const columns = useMemo(() => toColumns(config.columns, l), [config.columns, l]);

  const filtered = state.search !== '' || Object.values(state.filters).some(Boolean) || topFilter !== null;
  const Top = config.top;
  const View = config.views?.find((v) => v.id === state.view)?.component;
  const creatable = config.creatable !== false;
  const CreateWith = config.createWith;

  return (
    <div className="page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={2}>{found?.area.label ?? config.title}</Title>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {config.about}
            {config.clause ? <> ISO/IEC 27001 <Clauses refs={config.clause} />.</> : ''}
          </Text>
        </div>
        <Group gap="sm" wrap="nowrap">
          {actions}
          {config.importKind && (
            <Button variant="default" component={Link} to={`/import?kind=${config.importKind}`} leftSection={<IconFileImport size={16} />}>
              Import
            </Button>
          )}
          {creatable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New {config.noun}
            </Button>
          )}
        </Group>
      </Group>
      {found && found.area.kinds.length > 1 && (
        <Tabs value={config.plural} onChange={(v) => v && navigate(`/records/${v}`)} keepMounted={false}>
          <Tabs.List>
            {found.area.kinds.map((k) => (
              <Tabs.Tab key={k.plural} value={k.plural}>{k.label}</Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {Top && all.length > 0 && <Top rows={all} lookups={l} setFilter={setTopFilter} />}
      {all.length > 0 && (
        // On a narrow window the filters wrap onto a second line rather than being squeezed.
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label={`Search ${config.title.toLowerCase()}`}
            placeholder={`Search ${config.columns.map((c) => c.header.toLowerCase()).slice(0, 3).join(', ')}`}
            leftSection={<IconSearch size={16} />}
            rightSection={state.search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setState({ search: '' })} /> : null}
            value={state.search}
            onChange={(e) => setState({ search: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 220 }}
          />
          {(config.filters ?? []).map((f) => (
            <Select
              key={f.label}
              aria-label={`Filter by ${f.label.toLowerCase()}`}
              placeholder={`Any ${f.label === f.label.toUpperCase() ? f.label : f.label.toLowerCase()}`}
              data={optionsOf(enums.data, f.enum)}
              value={state.filters[f.label] ?? null}
              onChange={(v) => setState({ filters: { ...state.filters, [f.label]: v } })}
              clearable
              w={Math.min(230, 80 + 7.5 * f.label.length)}
              style={{ flexShrink: 0 }}
            />
          ))}
          {topFilter && (
            <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label="Clear the selection" onClick={() => setTopFilter(null)} />}>
              {topFilter.label}
            </Badge>
          )}
          {config.views && (
            <SegmentedControl
              aria-label="View"
              value={state.view}
              onChange={(v) => setState({ view: v })}
              data={[{ value: 'table', label: 'Table' }, ...config.views.map((v) => ({ value: v.id, label: v.label }))]}
              style={{ flexShrink: 0 }}
            />
          )}
          <Text size="sm" c="dimmed" miw={120} ta="right" aria-live="polite" data-testid="register-count">
            {list.isSuccess ? `${rows.length.toLocaleString()} of ${countOf(all.length, config.noun)}` : ''}
          </Text>
        </Group>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Group justify="center" p="xl"><Loader /></Group>
      ) : all.length === 0 ? (
        <EmptyState
          title={`No ${found?.kind.label.toLowerCase() ?? config.title.toLowerCase()} yet`}
          action={
            <Group>
              {creatable && <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={16} />}>Add the first {config.noun}</Button>}
              {config.importKind && (
                <Button variant="default" component={Link} to={`/import?kind=${config.importKind}`} leftSection={<IconFileImport size={16} />}>
                  Import from Excel
                </Button>
              )}
              {config.importKind && <TemplateButton kind={config.importKind} />}
            </Group>
          }
        >
          {config.about}
          {config.importKind ? (
            <> You can also bring in your existing spreadsheet with <Anchor component={Link} to={`/import?kind=${config.importKind}`}>the import wizard</Anchor>.</>
          ) : null}
        </EmptyState>
      ) : View ? (
        <div className="page-scroll" style={{ padding: 0 }}>
          <View rows={rows} lookups={l} setFilter={setTopFilter} />
        </div>
      ) : (
        <DataTable<T>
          label={config.title}
          scrollKey={config.plural}
          data={rows}
          columns={columns}
          getRowId={(r) => r.id}
          sort={state.sort}
          onSortChange={(s) => setState({ sort: s })}
          onRowOpen={(r) => navigate(`/records/${config.plural}/${encodeURIComponent(r.id)}`)}
          empty={
            <EmptyState title="Nothing matches">
              {filtered ? 'Nothing matches the search and filters. Clear them to see every record.' : ''}
            </EmptyState>
          }
        />
      )}
      {CreateWith ? (
        <CreateWith opened={creating} onClose={() => setCreating(false)} onCreated={(r) => { setCreating(false); navigate(`/records/${config.plural}/${encodeURIComponent(r.id)}`); }} />
      ) : (
        <RecordForm
          config={config}
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(r) => {
            setCreating(false);
            navigate(`/records/${config.plural}/${encodeURIComponent(r.id)}`);
          }}
        />
      )}
    </div>
  );
}

// The ISO/IEC 27002:2022 attributes of the controls: the register's Attributes view (a
// column per attribute, filtered by one attribute value) and the badges on a control's
// page. Annex A controls carry the standard's values (Go merges them from the embedded
// catalogue); a custom control sets its own.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { Control } from '../../lib/api';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import type { Lookups, PanelProps, TopProps } from '../../components/record/kit';
import { optionsOf, useEnums } from '../../components/record/queries';
import { sortByText, type SortState } from '../../lib/view';

export type AttributeField = 'controlTypes' | 'securityProperties' | 'cybersecurityConcepts' | 'operationalCapabilities' | 'securityDomains';

/** The five attributes: the control's field, the Go enum (RecordService.Enums) and labels. */
export const attributes: { field: AttributeField; label: string; one: string; enum: string; span: number; colour: string; width: string }[] = [
  { field: 'controlTypes', label: 'Control type', one: 'Type', enum: 'controlTypes', span: 4, colour: 'indigo', width: 'minmax(110px, 0.9fr)' },
  { field: 'securityProperties', label: 'Information security properties', one: 'Property', enum: 'securityProperties', span: 4, colour: 'teal', width: 'minmax(110px, 0.9fr)' },
  { field: 'cybersecurityConcepts', label: 'Cybersecurity concepts', one: 'Concept', enum: 'cyberConcepts', span: 4, colour: 'cyan', width: 'minmax(100px, 0.8fr)' },
  { field: 'operationalCapabilities', label: 'Operational capabilities', one: 'Capability', enum: 'capabilities', span: 8, colour: 'grape', width: 'minmax(150px, 1.4fr)' },
  { field: 'securityDomains', label: 'Security domains', one: 'Domain', enum: 'securityDomains', span: 4, colour: 'orange', width: 'minmax(120px, 1fr)' },
];

/** valuesOf is a control's values of one attribute (Go may send none as null). */
export const valuesOf = (c: Control, field: AttributeField): string[] => c[field] ?? [];

/** wordsOf is a control's values of one attribute in words, joined. */
export function wordsOf(c: Control, a: (typeof attributes)[number], l: Lookups): string {
  return valuesOf(c, a.field).map((v) => l.enumLabel(a.enum, v)).join(', ');
}

/** matches reports whether a control has the attribute value a filter names ("field:value"). */
export function matches(c: Control, filter: string | null): boolean {
  if (!filter) return true;
  const i = filter.indexOf(':');
  const field = filter.slice(0, i) as AttributeField;
  return valuesOf(c, field).includes(filter.slice(i + 1));
}

/** AttributesPanel shows a control's attributes as badges on its page. */
export function AttributesPanel({ record: c, lookups: l }: PanelProps<Control>) {
  const none = attributes.every((a) => valuesOf(c, a.field).length === 0);
  return (
    <Paper withBorder p="md" radius="md" aria-label="ISO/IEC 27002 attributes" component="section">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>ISO/IEC 27002 attributes</Text>
        <Text size="xs" c="dimmed">{c.custom ? 'Set for this control' : 'As ISO/IEC 27002:2022 gives them'}</Text>
      </Group>
      {none ? (
        <Text size="sm" c="dimmed">None set yet. Edit the control to say what type of control it is, what it protects and where it belongs.</Text>
      ) : (
        <SimpleGrid cols={2} spacing="lg" verticalSpacing={6}>
          {[attributes.slice(0, 3), attributes.slice(3)].map((half, i) => (
            <Stack key={i} gap={6}>
              {half.map((a) => (
                <Group key={a.field} gap="sm" wrap="nowrap" align="flex-start">
                  <Text size="sm" c="dimmed" w={190} style={{ flexShrink: 0 }}>{a.label}</Text>
                  <Group gap={4}>
                    {valuesOf(c, a.field).length === 0 ? (
                      <Text size="sm" c="dimmed">None</Text>
                    ) : (
                      valuesOf(c, a.field).map((v) => (
                        <Badge key={v} color={a.colour} variant="light" radius="sm" tt="none" fw={500}>{l.enumLabel(a.enum, v)}</Badge>
                      ))
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** The attribute filter survives going to a control and back, like the register's own. */
let keptFilter: string | null = null;

/** AttributesView is the register with a column per attribute and a filter by value. */
export function AttributesView({ rows, lookups: l }: TopProps<Control>) {
  const navigate = useNavigate();
  const enums = useEnums();
  const [filter, setFilterValue] = useState<string | null>(keptFilter);
  const [sort, setSort] = useState<SortState | null>({ id: 'ref', desc: false });
  const setFilter = (v: string | null) => {
    keptFilter = v;
    setFilterValue(v);
  };
  const groups = useMemo(
    () => attributes.map((a) => ({ group: a.label, items: optionsOf(enums.data, a.enum).map((o) => ({ value: `${a.field}:${o.value}`, label: `${a.one}: ${o.label}` })) })),
    [enums.data],
  );
  const columns = useMemo<ColumnDef<Control>[]>(() => {
    const text = (id: string, header: string, width: string, get: (c: Control) => string, strong = false): ColumnDef<Control> => ({
      id, header, meta: { width },
      cell: (ctx) => <Text size="sm" fw={strong ? 600 : undefined} truncate title={get(ctx.row.original)}>{get(ctx.row.original)}</Text>,
    });
    return [
      text('ref', 'Control', '72px', (c) => c.ref, true),
      text('title', 'Title', 'minmax(150px, 1.5fr)', (c) => c.title),
      ...attributes.map((a) => text(a.field, a.label, a.width, (c) => wordsOf(c, a, l))),
    ];
  }, [l]);
  const shown = useMemo(() => {
    const kept = rows.filter((c) => matches(c, filter));
    if (!sort) return kept;
    const a = attributes.find((x) => x.field === sort.id);
    const key = (c: Control) => (sort.id === 'title' ? c.title : a ? wordsOf(c, a, l) : c.ref);
    return sortByText(kept, key, sort.desc);
  }, [rows, filter, sort, l]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)', height: '100%', minHeight: 0 }}>
      <Group gap="sm" wrap="nowrap">
        <Select
          aria-label="Filter by attribute"
          placeholder="Any ISO/IEC 27002 attribute"
          leftSection={<IconFilter size={14} />}
          data={groups}
          value={filter}
          onChange={setFilter}
          searchable
          clearable
          w={340}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {filter ? `${shown.length} of ${rows.length} controls have this attribute` : 'Attributes of ISO/IEC 27002:2022; choose a value to see the controls that have it.'}
        </Text>
      </Group>
      <DataTable<Control>
        label="Controls by attribute"
        data={shown}
        columns={columns}
        getRowId={(c) => c.id}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(c) => navigate(`/records/controls/${encodeURIComponent(c.id)}`)}
        empty={<EmptyState title="No control has this attribute">Clear the filter, or the search above, to see every control.</EmptyState>}
      />
    </div>
  );
}

import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { recordPath } from '../lib/areas';
import { idsOf, isIdField, orderedKeys, scalarText, type Structured } from '../lib/fields';
import { displayValue, fieldLabel } from '../lib/format';

/** A record an id names, as the links of a detail and the people list tell. */
export interface Named {
  kind: string;
  label: string;
}

/** Resolve names the record an id points to, or undefined when it is not known. */
export type Resolve = (id: string) => Named | undefined;

const dash = <Text span c="dimmed" size="sm">—</Text>;

/** RecordRefs shows ids as links to their records, or the bare id when it is unknown. */
export function RecordRefs({ ids, resolve }: { ids: readonly string[]; resolve: Resolve }) {
  if (ids.length === 0) return dash;
  return (
    <Stack gap={2}>
      {ids.map((id) => {
        const n = resolve(id);
        return n ? (
          <Anchor key={id} component={Link} to={recordPath(n.kind, id)} size="sm">
            {n.label}
          </Anchor>
        ) : (
          <Text key={id} size="sm" c="dimmed" ff="monospace" title="Record not found">
            {id}
          </Text>
        );
      })}
    </Stack>
  );
}

function NestedValue({ name, value, resolve }: { name: string; value: unknown; resolve: Resolve }): ReactNode {
  if (isIdField(name)) {
    const ids = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : typeof value === 'string' && value ? [value] : [];
    return <RecordRefs ids={ids} resolve={resolve} />;
  }
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    const items = value.filter((v): v is Structured => v !== null && typeof v === 'object' && !Array.isArray(v));
    return <StructuredList items={items} resolve={resolve} compact />;
  }
  const text = scalarText(name, value);
  return text === '' ? dash : <Text span size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</Text>;
}

/** StructuredList shows nested objects: one card each, a label and value a line. */
export function StructuredList({ items, resolve, compact = false }: { items: readonly Structured[]; resolve: Resolve; compact?: boolean }) {
  if (items.length === 0) return dash;
  const keys = orderedKeys(items);
  return (
    <Stack gap={compact ? 4 : 'xs'}>
      {items.map((item, i) => (
        <Paper key={i} withBorder={!compact} radius="sm" p={compact ? 0 : 'xs'} bg={compact ? undefined : 'var(--app-muted)'}>
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) minmax(0, 1fr)', columnGap: 10, rowGap: 2 }}>
            {keys
              .filter((k) => item[k] !== undefined && item[k] !== '' && item[k] !== null)
              .map((k) => (
                <Fragment key={k}>
                  <Text size="xs" c="dimmed" fw={600} pt={2}>{fieldLabel(k)}</Text>
                  <div style={{ minWidth: 0 }}>
                    <NestedValue name={k} value={item[k]} resolve={resolve} />
                  </div>
                </Fragment>
              ))}
          </div>
        </Paper>
      ))}
    </Stack>
  );
}

/** FieldValue shows one top-level field value of a record (see lib/fields for the format). */
export function FieldValue({ name, value, resolve, structured }: { name: string; value: string; resolve: Resolve; structured: Structured[] | null }) {
  if (value === '') return dash;
  if (structured) return <StructuredList items={structured} resolve={resolve} />;
  if (isIdField(name)) return <RecordRefs ids={idsOf(value)} resolve={resolve} />;
  return <>{displayValue(name, value)}</>;
}

/** FieldTableRow lays out a field: label beside its value, or above it for nested objects. */
export function FieldTableRow({ label, structured, children }: { label: string; structured: boolean; children: ReactNode }) {
  if (structured) {
    return (
      <Table.Tr>
        <Table.Td colSpan={2}>
          <Text size="sm" fw={600} mb={6}>{label}</Text>
          {children}
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Th w="32%" bg="var(--app-muted)" fw={600} style={{ verticalAlign: 'top' }}>{label}</Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', verticalAlign: 'top' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

import { Badge, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import type { Change } from '../lib/api';
import { idsOf, isIdField, readableValue } from '../lib/fields';
import { fieldLabel, formatDateTime, formatStatus } from '../lib/format';
import type { Resolve } from './FieldValue';

const opColour: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

/** shown is a value as the history shows it, to tell changes a reader can see. */
function shown(field: string, v: string, resolve?: Resolve): string {
  const text = resolve && isIdField(field) ? idsOf(v).join('\n') : readableValue(field, v ?? '');
  return text.replace(/[\s{}[\]",:]+/g, ' ').replace(/\b(false|null)\b/g, '').trim() === '' ? '' : text;
}

/** sourceLabel says where a change came from, in words. */
export function sourceLabel(source: string): string {
  if (!source) return '';
  if (source === 'window') return 'in the window';
  if (source === 'first run') return 'when the database was created';
  if (source === 'demo') return 'sample organisation';
  return source.startsWith('import') ? source.replace(/^import(ed)?\b/, 'imported') : source;
}

function Value({ v, field, resolve }: { v: string; field: string; resolve?: Resolve }) {
  v = resolve && isIdField(field) ? idsOf(v).map((id) => resolve(id)?.label ?? id).join('\n') : readableValue(field, v ?? '');
  // Nested values (a policy's versions, a control's tasks) name people and records by ID.
  if (resolve) v = v.replace(uuid, (id) => resolve(id)?.label ?? 'a deleted record');
  if (v === '') return <Text span c="dimmed" fs="italic" size="sm">empty</Text>;
  return (
    <Text span size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {v.length > 300 ? v.slice(0, 300) + '…' : v}
    </Text>
  );
}

/** HistoryList shows a record's changes, newest first, with each changed field before and after. */
export function HistoryList({ history, resolve, labels }: { history: Change[] | null; resolve?: Resolve; labels?: Record<string, string> }) {
  const items = (history ?? []).map((c) => ({
    ...c,
    // A change that shows the same words before and after (an empty object and an object
    // of blanks) is not one for a reader.
    changes: (c.changes ?? []).filter((f) => shown(f.field, f.before, resolve) !== shown(f.field, f.after, resolve)),
  }));
  if (items.length === 0) return <Text c="dimmed" size="sm">No changes recorded.</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label="History">
      {items.map((c) => (
        <Timeline.Item
          key={c.seq}
          color={opColour[c.op] ?? 'gray'}
          title={
            <Group gap="xs">
              <Badge size="sm" variant="light" color={opColour[c.op] ?? 'gray'}>
                {formatStatus(c.op)}
              </Badge>
              <Text size="sm" fw={500}>{formatDateTime(c.at)}</Text>
              <Text size="xs" c="dimmed">{sourceLabel(c.source)}</Text>
            </Group>
          }
        >
          {c.changes && c.changes.length > 0 ? (
            <Paper withBorder radius="sm" mt={6}>
              <Table fz="sm" verticalSpacing={4} layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="22%">Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.changes.map((f) => (
                    <Table.Tr key={f.field}>
                      <Table.Td>{labels?.[f.field] ?? fieldLabel(f.field)}</Table.Td>
                      <Table.Td><Value v={f.before} field={f.field} resolve={resolve} /></Table.Td>
                      <Table.Td><Value v={f.after} field={f.field} resolve={resolve} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : (
            <Stack gap={0} mt={4}><Text size="xs" c="dimmed">No field changes.</Text></Stack>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

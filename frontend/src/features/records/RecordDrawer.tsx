import { useMemo } from 'react';
import { Badge, Divider, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { FieldTableRow, FieldValue, type Named, type Resolve } from '../../components/FieldValue';
import { HistoryList } from '../../components/History';
import { LinkList, linkLabel } from '../../components/Links';
import type { RecordDetail, Row } from '../../lib/api';
import { parseStructured } from '../../lib/fields';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { fieldLabel, formatDate, formatDateTime } from '../../lib/format';
import { useRecord, useRecords } from './queries';

/** RecordDrawer shows one record's fields, links and history beside its register. */
export function RecordDrawer({ plural, id, kindLabel, onClose }: { plural: string; id?: string; kindLabel: string; onClose: () => void }) {
  const detail = useRecord(plural, id);
  const people = useRecords('people');
  const d = detail.data;
  const resolve = useMemo(() => resolver(d, people.data), [d, people.data]);
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size={680}
      title={<Text fw={600} c="dimmed" size="sm">{kindLabel}</Text>}
    >
      {detail.isPending ? (
        <Group justify="center" p="xl"><Loader /></Group>
      ) : detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : d ? (
        <Stack gap="md">
          <div>
            <Group gap="xs" mb={4}>
              {d.row.ref && <Badge variant="filled" color="dark" radius="sm" tt="none">{d.row.ref}</Badge>}
              <StatusBadge status={d.row.status} />
            </Group>
            <Title order={3}>{d.row.title || d.row.ref}</Title>
            <Text size="xs" c="dimmed">
              {[d.row.ownerName && `Owner ${d.row.ownerName}`, d.row.due && `due ${formatDate(d.row.due)}`, `updated ${formatDateTime(d.row.updatedAt)}`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Table fz="sm" withTableBorder layout="fixed" verticalSpacing={6} aria-label="Fields">
            <Table.Tbody>
              {(d.fields ?? []).map((f) => {
                const structured = parseStructured(f.value);
                return (
                  <FieldTableRow key={f.name} label={fieldLabel(f.name)} structured={structured !== null}>
                    <FieldValue name={f.name} value={f.value ?? ''} resolve={resolve} structured={structured} />
                  </FieldTableRow>
                );
              })}
            </Table.Tbody>
          </Table>
          <Divider label="Links" labelPosition="left" />
          <LinkList links={d.links} empty="Not linked to other records." />
          <Divider label="Linked from" labelPosition="left" />
          <LinkList links={d.backlinks} empty="No other record links here." />
          <Divider label="History" labelPosition="left" />
          <HistoryList history={d.history} resolve={resolve} />
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** resolver names the records a detail's fields point to: its links, and people by name. */
function resolver(d: RecordDetail | undefined, people: Row[] | undefined): Resolve {
  const m = new Map<string, Named>();
  for (const p of people ?? []) m.set(p.id, { kind: 'person', label: p.title || p.ref || p.id });
  for (const l of [...(d?.links ?? []), ...(d?.backlinks ?? [])]) {
    if (!l.missing) m.set(l.id, { kind: l.kind, label: linkLabel(l) });
  }
  if (d?.row.ownerId && d.row.ownerName) m.set(d.row.ownerId, { kind: 'person', label: d.row.ownerName });
  return (id) => m.get(id);
}

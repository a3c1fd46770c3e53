import { Badge, Divider, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { HistoryList } from '../../components/History';
import { LinkList } from '../../components/Links';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { displayValue, fieldLabel, formatDate, formatDateTime } from '../../lib/format';
import { useRecord } from './queries';

/** RecordDrawer shows one record's fields, links and history beside its register. */
export function RecordDrawer({ plural, id, kindLabel, onClose }: { plural: string; id?: string; kindLabel: string; onClose: () => void }) {
  const detail = useRecord(plural, id);
  const d = detail.data;
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
              {(d.fields ?? []).map((f) => (
                <Table.Tr key={f.name}>
                  <Table.Th w="32%" bg="gray.0" fw={600}>{fieldLabel(f.name)}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {f.value === '' ? (
                      <Text span c="dimmed">—</Text>
                    ) : /^owner(Id)?$/.test(f.name) && f.value === d.row.ownerId && d.row.ownerName ? (
                      d.row.ownerName
                    ) : (
                      displayValue(f.name, f.value)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Divider label="Links" labelPosition="left" />
          <LinkList links={d.links} empty="Not linked to other records." />
          <Divider label="Linked from" labelPosition="left" />
          <LinkList links={d.backlinks} empty="No other record links here." />
          <Divider label="History" labelPosition="left" />
          <HistoryList history={d.history} />
        </Stack>
      ) : null}
    </Drawer>
  );
}

import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DueItem } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { whenText } from './due';

/** DueTable lists due items: when, what (linking to the record, never cut short), the sort of work and who. */
export function DueTable({ items, label }: { items: DueItem[]; label: string }) {
  return (
    <Table fz="sm" verticalSpacing={6} highlightOnHover aria-label={label} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>Due</Table.Th>
          <Table.Th>What is due</Table.Th>
          <Table.Th w={170}>Kind</Table.Th>
          <Table.Th w={170}>Who</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((it) => (
          <Table.Tr key={it.key}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={500}>{formatDate(it.due)}</Text>
              <Text size="xs" c={it.overdue ? 'red.7' : 'dimmed'} fw={it.overdue ? 600 : undefined}>{whenText(it)}</Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={it.link} size="sm">{it.what}</Anchor>
            </Table.Td>
            <Table.Td>{it.typeLabel}</Table.Td>
            <Table.Td>{it.who || <Text span size="sm" c="dimmed">Nobody named</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

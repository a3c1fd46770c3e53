import { Alert, Badge, Group, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { ISO2013 } from '../../lib/api';

/**
 * Iso2013Panel says that a controls file is a Statement of Applicability of ISO/IEC
 * 27001:2013 and lets the user bring its decisions onto the 2022 controls through the
 * correspondence of ISO/IEC 27002:2022 Annex B; it lists which 2022 control takes what.
 */
export function Iso2013Panel({ iso, onChange }: { iso: ISO2013; onChange: (apply: boolean) => void }) {
  const targets = iso.targets ?? [];
  const split = iso.split ?? [];
  const unmapped = iso.unmapped ?? [];
  const added = iso.new ?? [];
  return (
    <Alert color={iso.applied ? 'blue' : 'orange'} variant="light" icon={<IconArrowsExchange />} title="A Statement of Applicability of ISO/IEC 27001:2013">
      <Stack gap="xs">
        <Text size="sm">{iso.message}</Text>
        <Switch
          label="Bring its decisions onto the 2022 controls (ISO/IEC 27002:2022 Annex B)"
          description="Where several 2013 controls become one 2022 control, the most demanding decision is kept: applicable over not applicable, the least advanced implementation status; their justifications are joined."
          checked={iso.applied}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <ScrollArea.Autosize mah={180} type="auto">
          <Table striped withTableBorder verticalSpacing={2} fz="xs" aria-label="2022 controls and their 2013 sources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>2022 control</Table.Th>
                <Table.Th>From the 2013 controls</Table.Th>
                <Table.Th>What was kept</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((t) => (
                <Table.Tr key={t.ref}>
                  <Table.Td>{t.ref} {t.title}</Table.Td>
                  <Table.Td>{(t.from ?? []).join(', ')}</Table.Td>
                  <Table.Td>{t.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {split.length > 0 && (
          <Text size="xs">
            One 2013 control to several 2022 controls: {split.map((s) => `${s.from} → ${(s.to ?? []).join(', ')}`).join('; ')}.
          </Text>
        )}
        <Text size="xs">
          {unmapped.length > 0
            ? `2013 controls with no 2022 counterpart, left out: ${unmapped.join(', ')}.`
            : 'Every 2013 control of the file has a 2022 counterpart.'}
          {iso.headings > 0 && ` ${iso.headings} ${iso.headings === 1 ? 'heading row' : 'heading rows'} (themes and objectives) left out.`}
        </Text>
        {added.length > 0 && (
          <Group gap={4}>
            <Text size="xs">New in 2022, with no 2013 source, left as they are:</Text>
            {added.map((c) => (
              <Badge key={c} size="xs" variant="outline" tt="none">{c}</Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

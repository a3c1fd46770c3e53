// Policy acknowledgements as part of awareness (7.3): per published policy, how many of
// the active people acknowledged the version in force, and who has not yet. Recording
// them happens on the policy's page or by importing a signed list.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Loader, Paper, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { api, type Campaign } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import type { TopProps } from '../../components/record/kit';
import { useAreaList, usePeople } from '../../components/record/queries';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/format';
import { policyAcknowledgements, reachLabel } from './awareness';

/** How many names of people still to acknowledge a row shows before "and N more". */
const shownNames = 8;

export function AcknowledgementsView(_: TopProps<Campaign>) {
  const policies = useAreaList('policies', api.policies);
  const people = usePeople();
  const rows = useMemo(() => policyAcknowledgements(policies.data ?? [], people.data ?? []), [policies.data, people.data]);

  const error = policies.error ?? people.error;
  if (error) return <QueryError error={error} onRetry={() => { void policies.refetch(); void people.refetch(); }} />;
  if (policies.isPending || people.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  const complete = rows.filter((r) => r.missing.length === 0).length;
  return (
    <Stack gap="sm" p="xs">
      <Group justify="space-between">
        <Text size="sm" data-testid="acknowledgement-summary">
          {rows.length === 0
            ? 'No policy is published yet: acknowledgements are recorded for the version in force.'
            : `${complete} of ${rows.length} published ${rows.length === 1 ? 'policy is' : 'policies are'} acknowledged by everyone active.`}
        </Text>
        <Button variant="default" size="xs" component={Link} to="/import?kind=acknowledgements">Import a signed list</Button>
      </Group>
      {rows.length > 0 && (
        <Paper withBorder radius="md">
          <Table fz="sm" verticalSpacing={6} aria-label="Policy acknowledgements" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Policy</Table.Th>
                <Table.Th w={130}>Version in force</Table.Th>
                <Table.Th w={190}>Acknowledged</Table.Th>
                <Table.Th>Not yet acknowledged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.policyId}>
                  <Table.Td>
                    <Anchor component={Link} to={recordPath('policy', r.policyId)} size="sm" fw={600}>{[r.ref, r.title].filter(Boolean).join(' ')}</Anchor>
                  </Table.Td>
                  <Table.Td>{r.version}{r.publishedOn ? ` · ${formatDate(r.publishedOn)}` : ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.done === 0 ? `none of ${r.of}` : reachLabel(r.done, r.of)}</Text>
                    <Progress value={r.of ? (100 * r.done) / r.of : 0} color={r.missing.length ? 'orange' : 'green'} size="sm" aria-hidden />
                  </Table.Td>
                  <Table.Td>
                    {r.missing.length === 0 ? (
                      <Text size="sm" c="green">Everyone active has acknowledged it</Text>
                    ) : (
                      <Group gap={6}>
                        {r.missing.slice(0, shownNames).map((p) => (
                          <Badge key={p.id} component={Link} to={recordPath('person', p.id)} variant="light" color="orange" tt="none" style={{ cursor: 'pointer' }}>
                            {p.name}
                          </Badge>
                        ))}
                        {r.missing.length > shownNames && (
                          <Tooltip label={r.missing.slice(shownNames).map((p) => p.name).join(', ')} multiline w={320} withArrow>
                            <Text size="sm" c="dimmed">and {r.missing.length - shownNames} more</Text>
                          </Tooltip>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

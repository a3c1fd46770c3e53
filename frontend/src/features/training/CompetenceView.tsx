// Who is missing what (7.2): each active person with the required trainings of their roles
// they have not attended. A view of the trainings register: its search and filters narrow
// the trainings considered.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Group, Loader, Paper, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { api, type Training } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import type { TopProps } from '../../components/record/kit';
import { QueryError } from '../../components/QueryError';
import { competenceGaps, needLabel } from './attendance';

export function CompetenceView({ rows, lookups: l }: TopProps<Training>) {
  const q = useQuery({ queryKey: ['area', 'trainings', 'competence'], queryFn: api.trainings.competence });
  const [onlyMissing, setOnlyMissing] = useState(true);
  const shown = useMemo(() => new Set(rows.map((t) => t.id)), [rows]);
  const gaps = useMemo(() => competenceGaps(q.data ?? [], shown, onlyMissing), [q.data, shown, onlyMissing]);
  const everyone = useMemo(() => competenceGaps(q.data ?? [], shown, false), [q.data, shown]);
  const lacking = everyone.filter((g) => g.lacking.length > 0).length;

  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  return (
    <Stack gap="sm" p="xs">
      <Group justify="space-between">
        <Text size="sm" data-testid="competence-summary">
          {everyone.length === 0
            ? 'No required training applies to anyone: mark a training as required for its audience roles.'
            : `${lacking} of ${everyone.length} people with required trainings lack at least one.`}
        </Text>
        <Switch label="Only people missing a training" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.currentTarget.checked)} />
      </Group>
      {gaps.length > 0 && (
        <Paper withBorder radius="md">
          <Table fz="sm" verticalSpacing={6} aria-label="Who is missing what" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>Person</Table.Th>
                <Table.Th w={160}>Department</Table.Th>
                <Table.Th w={90}>Attended</Table.Th>
                <Table.Th>Required trainings missing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gaps.map((g) => (
                <Table.Tr key={g.row.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={recordPath('person', g.row.personId)} size="sm" fw={600}>{g.row.name}</Anchor>
                  </Table.Td>
                  <Table.Td>{g.row.department}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={g.lacking.length ? 'orange' : 'green'} tt="none">{g.done} of {g.of}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {g.lacking.length === 0 ? (
                      <Text size="sm" c="green">Nothing missing</Text>
                    ) : (
                      <Group gap={6}>
                        {g.lacking.map((n) => (
                          <Tooltip key={n.trainingId} label={`Required for ${n.roleIds.map((r) => l.record(r)).join(', ')}`} withArrow>
                            <Badge
                              component={Link}
                              to={recordPath('training', n.trainingId)}
                              variant="light"
                              color={n.status === 'planned' ? 'gray' : 'red'}
                              tt="none"
                              style={{ cursor: 'pointer' }}
                            >
                              {needLabel(n)}
                            </Badge>
                          </Tooltip>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {gaps.length === 0 && everyone.length > 0 && <Text size="sm" c="green">Everyone has attended the required trainings shown.</Text>}
    </Stack>
  );
}

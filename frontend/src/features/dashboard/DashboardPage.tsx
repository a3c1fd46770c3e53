import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Alert, Anchor, Button, Group, Loader, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, UnstyledButton,
} from '@mantine/core';
import { IconArrowRight, IconRocket } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { api, type Bucket, type Row } from '../../lib/api';
import { areaPath, recordPath } from '../../lib/areas';
import { formatDate, formatStatus, statusColour } from '../../lib/format';
import classes from './Dashboard.module.css';

export const dashboardKeys = { summary: ['dashboard', 'summary'] as const };

function Breakdown({ title, buckets, to, empty }: { title: string; buckets: Bucket[]; to: string; empty: string }) {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={4} size="h5">{title}</Title>
        <Anchor component={Link} to={to} size="sm" aria-label={`Open ${title.toLowerCase()}`}>Open</Anchor>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Stack gap="sm">
          <Progress.Root size={14} radius="sm">
            {buckets.map((b) => (
              <Progress.Section key={b.status} value={(b.count / total) * 100} color={statusColour(b.status)} title={`${formatStatus(b.status)}: ${b.count}`} />
            ))}
          </Progress.Root>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {buckets.map((b) => (
                <Table.Tr key={b.status}>
                  <Table.Td><StatusBadge status={b.status || 'none'} label={b.status ? formatStatus(b.status) : 'No status'} /></Table.Td>
                  <Table.Td ta="right" fw={600}>{b.count}</Table.Td>
                  <Table.Td ta="right" c="dimmed" w={60}>{Math.round((b.count / total) * 100)}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}

function WorkList({ title, rows, empty, tone, labels }: { title: string; rows: Row[]; empty: string; tone: 'red' | 'blue'; labels: Map<string, string> }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={4} size="h5">{title}</Title>
        <Text size="sm" c={rows.length > 0 ? tone : 'dimmed'} fw={600}>{rows.length}</Text>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={400} maxHeight={320} type="native">
          <Table fz="sm" verticalSpacing={4} highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.kind}:${r.id}`}>
                  <Table.Td c={tone === 'red' ? 'red.7' : undefined} fw={500} style={{ whiteSpace: 'nowrap' }}>{formatDate(r.due)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={recordPath(r.kind, r.id)} size="sm" lineClamp={1}>
                      {[r.ref, r.title].filter(Boolean).join(' · ')}
                    </Anchor>
                    <Text size="xs" c="dimmed">{labels.get(r.kind) ?? formatStatus(r.kind)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.ownerName}</Table.Td>
                  <Table.Td><StatusBadge status={r.status} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** DashboardPage is the home screen: live counts, compliance and implementation, and work due. */
export function DashboardPage() {
  const q = useQuery({ queryKey: dashboardKeys.summary, queryFn: api.dashboard.summary });
  if (q.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  if (q.isError) return <div className="page-scroll"><QueryError error={q.error} onRetry={() => void q.refetch()} /></div>;
  const d = q.data;
  const labels = new Map(d.counts.map((c) => [c.kind, c.label]));
  const count = (kind: string) => d.counts.find((c) => c.kind === kind)?.count ?? 0;
  const total = d.counts.reduce((n, c) => n + c.count, 0);
  const userRecords = total - count('control') - count('milestone') - count('role');

  return (
    <div className="page-scroll">
      <Stack gap="lg" maw={1400}>
        <div>
          <Title order={2}>Dashboard</Title>
          <Text size="sm" c="dimmed">Live figures from your ISMS data</Text>
        </div>
        {(count('requirement') === 0 || userRecords <= 0) && (
          <Alert color="indigo" icon={<IconRocket />} title="Getting started" variant="light">
            <Stack gap="xs">
              <Text size="sm">
                This database holds the 93 Annex A controls, the standard ISMS roles and the six-month programme plan.
                Set up your organisation, add the people who own and approve, then bring in your registers from Excel or
                add records one by one.
              </Text>
              <Group gap="xs">
                <Button component={Link} to="/organisation" size="xs" variant="default">Organisation and scope</Button>
                <Button component={Link} to="/records/people" size="xs" variant="default">People and roles</Button>
                <Button component={Link} to="/import" size="xs" variant="default">Import from Excel</Button>
                <Button component={Link} to="/requirements" size="xs" rightSection={<IconArrowRight size={14} />}>
                  Add your first requirement
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 3, md: 4, lg: 6 }} spacing="sm" component="section" aria-label="Records by kind">
          {d.counts.map((c) => (
            <UnstyledButton key={c.kind} component={Link} to={areaPath(c.plural)} className={classes.card} aria-label={`${c.label}: ${c.count}`}>
              <Text size="xs" c="dimmed" fw={600} lineClamp={2} h={34} lh="17px" title={c.label}>{c.label}</Text>
              <Text fz={26} fw={700} lh={1.2} c={c.count === 0 ? 'gray.5' : undefined} data-testid={`count-${c.kind}`}>
                {c.count.toLocaleString()}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Breakdown title="Requirement compliance" buckets={d.requirementStatuses} to="/requirements" empty="No requirements yet." />
          <Breakdown title="SoA implementation" buckets={d.controlStatuses} to="/records/controls" empty="No controls yet." />
          <Breakdown title="Nonconformities by status" buckets={d.nonconformityStatuses} to="/records/nonconformities" empty="No nonconformities recorded." />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <WorkList title="Overdue" rows={d.overdue} tone="red" labels={labels} empty="Nothing is overdue." />
          <WorkList title="Due in the next 30 days" rows={d.upcoming} tone="blue" labels={labels} empty="Nothing is due in the next 30 days." />
        </SimpleGrid>
      </Stack>
    </div>
  );
}

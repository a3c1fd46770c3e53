// The audit programme (9.2.2): over the three-year cycle Go computes (AuditService.Programme),
// which audits, planned or done, cover each clause 4 to 10 and each Annex A theme, year by
// year, with the gaps highlighted. A view of the audits register; it shows every audit of
// the cycle whatever the register's search.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { api, type Audit, type AuditProgramme, type ProgrammeArea, type ProgrammeCover } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import type { TopProps } from '../../components/record/kit';
import { QueryError } from '../../components/QueryError';

/** coverColor colours an audit by how far it has gone: planned, under way, reported or closed. */
export function coverColor(status: string): string {
  switch (status) {
    case 'completed':
    case 'closed':
      return 'green';
    case 'in_progress':
      return 'blue';
    default:
      return 'gray';
  }
}

/** coverage says how much of an area the cycle covers: "4 of 7 sub-clauses". */
export function coverage(a: Pick<ProgrammeArea, 'kind' | 'covered' | 'total' | 'notApplicable'>): string {
  if (a.notApplicable) return 'Excluded by the Statement of Applicability';
  const unit = a.kind === 'clause' ? (a.total === 1 ? 'sub-clause' : 'sub-clauses') : a.total === 1 ? 'control' : 'controls';
  return `${a.covered} of ${a.total} ${unit}`;
}

/** programmeSummary is the sentence above the table. */
export function programmeSummary(p: Pick<AuditProgramme, 'from' | 'to' | 'areas' | 'gaps' | 'audits'>): string {
  const counted = p.areas.filter((a) => !a.notApplicable).length;
  const audits = p.audits.filter((a) => a.year !== 0).length;
  const head = `Cycle ${p.from}–${p.to}: ${audits === 0 ? 'no audit planned yet' : `${audits} ${audits === 1 ? 'audit' : 'audits'}`}; ${counted - p.gaps} of ${counted} areas covered.`;
  if (p.gaps === 0) return `${head} Every clause and theme is covered in the cycle.`;
  const gaps = p.areas.filter((a) => a.gap).map((a) => (a.kind === 'clause' ? `clause ${a.ref}` : a.ref));
  return `${head} ${p.gaps === 1 ? 'Gap' : 'Gaps'}: ${gaps.join(', ')}.`;
}

function CoverBadge({ c, statusLabel, area }: { c: ProgrammeCover; statusLabel: string; area: ProgrammeArea }) {
  const unit = area.kind === 'clause' ? 'sub-clause' : 'control';
  return (
    <Tooltip label={`${statusLabel}; covers ${c.items} ${unit}${c.items === 1 ? '' : 's'} of ${area.ref} ${area.title}`} withArrow>
      <Badge component={Link} to={recordPath('audit', c.auditId)} variant="light" color={coverColor(c.status)} tt="none" style={{ cursor: 'pointer' }}>
        {c.ref}
      </Badge>
    </Tooltip>
  );
}

export function ProgrammeView({ lookups: l }: TopProps<Audit>) {
  const q = useQuery({ queryKey: ['area', 'audits', 'programme'], queryFn: api.audits.programme });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  const p = q.data;
  const undated = p.areas.some((a) => a.undated.length > 0);
  const label = (status: string) => l.enumLabel('auditStatuses', status);

  return (
    <Stack gap="sm" p="xs">
      <Text size="sm" data-testid="programme-summary">{programmeSummary(p)}</Text>
      <Paper withBorder radius="md">
        <Table fz="sm" verticalSpacing={6} aria-label="Audit programme" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={280}>Clause or Annex A theme</Table.Th>
              {p.years.map((y) => <Table.Th key={y}>{y}</Table.Th>)}
              {undated && <Table.Th>Not dated yet</Table.Th>}
              <Table.Th w={210}>Covered in the cycle</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.areas.map((a) => (
              <Table.Tr key={a.ref} bg={a.gap ? 'var(--mantine-color-red-light)' : undefined} aria-label={`${a.kind === 'clause' ? 'Clause' : 'Theme'} ${a.ref}`}>
                <Table.Td>
                  <Text size="sm" fw={600} span>{a.ref}</Text>{' '}
                  <Text size="sm" span>{a.title}</Text>
                </Table.Td>
                {a.cells.map((c) => (
                  <Table.Td key={c.year}>
                    <Group gap={4}>{c.audits.map((x) => <CoverBadge key={x.auditId} c={x} statusLabel={label(x.status)} area={a} />)}</Group>
                  </Table.Td>
                ))}
                {undated && (
                  <Table.Td>
                    <Group gap={4}>{a.undated.map((x) => <CoverBadge key={x.auditId} c={x} statusLabel={`${label(x.status)}, no date yet`} area={a} />)}</Group>
                  </Table.Td>
                )}
                <Table.Td>
                  {a.gap ? (
                    <Group gap={6} wrap="nowrap">
                      <Badge color="red" variant="filled" tt="none">Gap</Badge>
                      <Text size="xs" c="dimmed">{a.undated.length ? 'Date its audit' : 'Plan an audit'}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c={a.notApplicable ? 'dimmed' : undefined}>{coverage(a)}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="xs" c="dimmed">
        An audit covers the clauses and controls on its checklist, or, before it has one, those its scope names. Cancelled audits cover nothing; an audit without a date counts once it is dated.
      </Text>
    </Stack>
  );
}

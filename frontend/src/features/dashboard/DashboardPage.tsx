import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  Alert, Anchor, Badge, Button, Group, Loader, Paper, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title, Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { Sparkline } from '@mantine/charts';
import { IconArrowRight, IconFileImport, IconPlus, IconRocket } from '@tabler/icons-react';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import type { Dashboard, DashboardDecision, DueItem } from '../../lib/api';
import { api } from '../../lib/api';
import { areaPath } from '../../lib/areas';
import { formatDate, formatStatus, statusColour } from '../../lib/format';
import { whenText } from '../due/due';
import {
  counted, idsLink, kpiLink, kpiValue, ncAges, ncCell, ncGrades, ncLabel, ncLink, ragColour, requirementLink, share,
  themeLink, themeParts,
} from './dashboard';
import classes from './Dashboard.module.css';

export const dashboardKeys = { summary: ['dashboard', 'summary'] as const };

/** How tall the lists of what needs the officer grow before they scroll, so that both fit the first screen at 1366×768. */
const firstScreenList = 'calc(100vh - 330px)';

/** Panel is one section of the dashboard, with its title, a link to the whole register and an optional figure. */
function Panel({ title, to, open, figure, children }: { title: string; to?: string; open?: string; figure?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} className={classes.panel}>
      <Group justify="space-between" mb="xs" wrap="nowrap" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={3} size="h5">{title}</Title>
          {figure}
        </Group>
        {to && <Anchor component={Link} to={to} size="sm" style={{ whiteSpace: 'nowrap' }}>{open ?? 'Open'}</Anchor>}
      </Group>
      {children}
    </Paper>
  );
}

/** Empty is a panel's empty state with the window's own actions. */
function Empty({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">{children}</Text>
      {actions && <Group gap="xs">{actions}</Group>}
    </Stack>
  );
}

/** How many rows of the list of what is due the dashboard shows. */
const dueTop = 12;

/** DueSummary is the top of the list of what is due (Go's Due): overdue first, each row saying what is due, by when and by whom. */
function DueSummary({ overdue, upcoming }: { overdue: DueItem[]; upcoming: DueItem[] }) {
  const top = [...overdue, ...upcoming].slice(0, dueTop);
  const total = overdue.length + upcoming.length;
  return (
    <Panel
      title="What is due"
      to="/due"
      open={total > top.length ? `See everything due (${total})` : 'See everything due'}
      figure={
        <Text size="sm" c={overdue.length > 0 ? 'red.7' : 'dimmed'} fw={600} style={{ whiteSpace: 'nowrap' }}>
          {overdue.length} overdue · {upcoming.length} in the next 30 days
        </Text>
      }
    >
      {top.length === 0 ? (
        <Empty>Nothing is overdue and nothing is due in the next 30 days.</Empty>
      ) : (
        <ScrollArea.Autosize mah={firstScreenList} type="auto" offsetScrollbars>
          <ul className={classes.rows} aria-label="What is due first">
            {top.map((it) => (
              <li key={it.key} className={classes.row}>
                <div className={classes.when}>
                  <Text size="sm" fw={500}>{formatDate(it.due)}</Text>
                  <Text size="xs" c={it.overdue ? 'red.7' : 'dimmed'} fw={it.overdue ? 600 : undefined}>{whenText(it)}</Text>
                </div>
                <div className={classes.what}>
                  <Anchor component={Link} to={it.link} size="sm">{it.what}</Anchor>
                  <Text size="xs" c="dimmed">{it.typeLabel} · {it.who || 'Nobody named'}</Text>
                </div>
              </li>
            ))}
          </ul>
        </ScrollArea.Autosize>
      )}
    </Panel>
  );
}

/** Decisions lists the approvals, acceptances and sign-offs waiting, each saying what and for whom. */
function Decisions({ decisions }: { decisions: DashboardDecision[] }) {
  return (
    <Panel
      title="Decisions waiting"
      figure={<Text size="sm" c={decisions.length > 0 ? 'orange.8' : 'dimmed'} fw={600}>{decisions.length}</Text>}
    >
      {decisions.length === 0 ? (
        <Empty>No approval, acceptance or sign-off is waiting.</Empty>
      ) : (
        <ScrollArea.Autosize mah={firstScreenList} type="auto" offsetScrollbars>
          <ul className={classes.rows} aria-label="Decisions waiting">
            {decisions.map((d) => (
              <li key={d.key} className={classes.row}>
                <div className={classes.what}>
                  <Anchor component={Link} to={d.link} size="sm">{d.what}</Anchor>
                  <Text size="xs">
                    <Text span size="xs" fw={600}>For {d.who || 'nobody named'}</Text>
                    <Text span size="xs" c="dimmed"> · {d.when}</Text>
                  </Text>
                  {d.note && <Text size="xs" c={d.note.startsWith('Above') ? 'orange.8' : 'dimmed'}>{d.note}</Text>}
                </div>
              </li>
            ))}
          </ul>
        </ScrollArea.Autosize>
      )}
    </Panel>
  );
}

function Objectives({ d }: { d: Dashboard }) {
  const list = d.objectives;
  return (
    <Panel title="Objectives progress" to={list.length ? idsLink('objectives', list.map((o) => o.id), 'Approved and in progress') : '/records/objectives'}>
      {list.length === 0 ? (
        <Empty actions={<Button size="xs" variant="default" component={Link} to="/records/objectives?new=1" leftSection={<IconPlus size={14} />}>Add your first objective</Button>}>
          No approved objective yet. Objectives show their progress here from their KPIs once approved.
        </Empty>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
          <Stack gap="sm">
            {list.map((o) => (
              <div key={o.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Anchor component={Link} to={o.link} size="sm" style={{ minWidth: 0 }}>{o.ref} {o.title}</Anchor>
                  <Text size="sm" fw={600}>{o.measured > 0 ? `${o.percent}%` : '—'}</Text>
                </Group>
                <Progress value={o.percent} size="sm" my={4} color={ragColour(o.rag) === 'gray' ? 'indigo' : ragColour(o.rag)} aria-label={`${o.ref} progress`} />
                <Text size="xs" c={o.late ? 'red.7' : 'dimmed'}>
                  {o.kpis === 0 ? 'No KPI shows its progress yet' : `${o.measured} of ${counted(o.kpis, 'KPI', 'KPIs')} measured`}
                  {o.dueDate ? ` · due ${formatDate(o.dueDate)}${o.late ? ' (past the deadline)' : ''}` : ''}
                  {o.owner ? ` · ${o.owner}` : ''}
                </Text>
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Panel>
  );
}

function KPIs({ d }: { d: Dashboard }) {
  const n = d.kpiRag;
  const chip = (rag: 'red' | 'amber' | 'green', count: number, label: string) => (
    <Badge key={rag} component={Link} to={kpiLink(rag)} color={ragColour(rag)} variant="light" tt="none" size="lg" style={{ cursor: 'pointer' }}>
      {count} {label}
    </Badge>
  );
  return (
    <Panel title="KPIs" to="/records/kpis">
      {d.kpis.length === 0 ? (
        <Empty actions={<Button size="xs" variant="default" component={Link} to="/records/kpis?new=1" leftSection={<IconPlus size={14} />}>Add your first KPI</Button>}>
          No active KPI yet.
        </Empty>
      ) : (
        <Stack gap="xs">
          <Group gap={6}>
            {chip('red', n.red, 'red')}
            {chip('amber', n.amber, 'amber')}
            {chip('green', n.green, 'green')}
            {n.unmeasured > 0 && <Text size="xs" c="dimmed">{n.unmeasured} not measured</Text>}
          </Group>
          <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
            <Table fz="sm" verticalSpacing={3} aria-label="KPIs and their recent values">
              <Table.Tbody>
                {d.kpis.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={k.link} size="sm">{k.ref} {k.name}</Anchor>
                    </Table.Td>
                    <Table.Td w={96}>
                      {k.values.length > 1 ? (
                        <Sparkline w={88} h={26} data={k.values} color={ragColour(k.rag)} fillOpacity={0.25} strokeWidth={1.5} curveType="linear" aria-label={`${k.ref} recent values`} />
                      ) : null}
                    </Table.Td>
                    <Table.Td w={86} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {k.latestOn ? (
                        <Tooltip label={`On ${formatDate(k.latestOn)}; target ${kpiValue(k.target, k.unit)}`} withArrow>
                          <Text span size="sm" fw={600} c={ragColour(k.rag) === 'yellow' ? 'yellow.8' : `${ragColour(k.rag)}.7`}>{kpiValue(k.latest, k.unit)}</Text>
                        </Tooltip>
                      ) : (
                        <Text span size="xs" c="dimmed">Not measured</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Panel>
  );
}

function SoA({ d }: { d: Dashboard }) {
  const applicable = d.themes.reduce((n, t) => n + t.applicable, 0);
  return (
    <Panel title="SoA implementation" to="/records/controls">
      {applicable === 0 ? (
        <Empty actions={<Button size="xs" variant="default" component={Link} to="/records/controls">Decide applicability</Button>}>
          No control is marked applicable yet: decide in the Statement of Applicability which controls apply.
        </Empty>
      ) : (
        <Stack gap={8}>
          {d.themes.map((t) => (
            <div key={t.theme}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={themeLink(t.theme)} size="sm" fw={600}>{t.label}</Anchor>
                <Text size="xs" c="dimmed">{t.implemented} of {t.applicable} applicable implemented</Text>
              </Group>
              <Progress.Root size={12} radius="sm" my={3}>
                {themeParts(t).filter((p) => p.count > 0).map((p) => (
                  <Tooltip key={p.part} label={`${p.label}: ${p.count}`} withArrow>
                    <Progress.Section value={share(p.count, t.applicable)} color={p.colour} />
                  </Tooltip>
                ))}
              </Progress.Root>
              <Group gap="sm">
                {themeParts(t).map((p) => (
                  <Anchor key={p.part} component={Link} to={themeLink(t.theme, p.part)} size="xs" c="dimmed">{p.count} {p.label.toLowerCase()}</Anchor>
                ))}
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function Requirements({ d }: { d: Dashboard }) {
  const b = d.requirementStatuses;
  const total = b.reduce((n, x) => n + x.count, 0);
  return (
    <Panel title="Requirement compliance" to="/requirements">
      {total === 0 ? (
        <Empty
          actions={
            <>
              <Button size="xs" variant="default" component={Link} to="/requirements?new=1" leftSection={<IconPlus size={14} />}>Add your first requirement</Button>
              <Button size="xs" variant="default" component={Link} to="/import?kind=requirements" leftSection={<IconFileImport size={14} />}>Import a register</Button>
            </>
          }
        >
          No requirement yet.
        </Empty>
      ) : (
        <Stack gap="xs">
          <Progress.Root size={12} radius="sm">
            {b.map((x) => (
              <Progress.Section key={x.status} value={(x.count / total) * 100} color={statusColour(x.status)} title={`${x.status ? formatStatus(x.status) : 'No status'}: ${x.count}`} />
            ))}
          </Progress.Root>
          <Table fz="sm" verticalSpacing={3}>
            <Table.Tbody>
              {b.map((x) => (
                <Table.Tr key={x.status}>
                  <Table.Td>
                    <UnstyledButton component={Link} to={requirementLink(x.status)} aria-label={`${x.status ? formatStatus(x.status) : 'No status'}: ${x.count} requirements`}>
                      <StatusBadge status={x.status || 'none'} label={x.status ? formatStatus(x.status) : 'No status'} />
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>{x.count.toLocaleString()}</Table.Td>
                  <Table.Td ta="right" c="dimmed" w={56}>{share(x.count, total)}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Panel>
  );
}

function Nonconformities({ d }: { d: Dashboard }) {
  const open = d.openNcs.reduce((n, b) => n + b.count, 0);
  const cellLink = (n: number, to: string, label: string, red = false) =>
    n === 0 ? <Text span size="sm" c="gray.5">0</Text> : (
      <Anchor component={Link} to={to} size="sm" fw={600} c={red ? 'red.7' : undefined} aria-label={label}>{n}</Anchor>
    );
  return (
    <Panel title="Open nonconformities" to="/records/nonconformities" figure={<Text size="sm" c="dimmed">{open} open</Text>}>
      {open === 0 ? (
        <Empty>No nonconformity is open.</Empty>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Open nonconformities by age and grade" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Age</Table.Th>
              {ncGrades.map((g) => <Table.Th key={g.grade} ta="right">{g.label}</Table.Th>)}
              <Table.Th ta="right">All</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ncAges.map((a) => {
              const cells = ncGrades.map((g) => ncCell(d.openNcs, a.age, g.grade));
              const all = cells.reduce((n, c) => n + c.count, 0);
              return (
                <Table.Tr key={a.age}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.label}</Table.Td>
                  {cells.map((c) => (
                    <Table.Td key={c.grade} ta="right">
                      {cellLink(c.count, ncLink([c], ncLabel(a.age, c.grade)), `${ncLabel(a.age, c.grade)}: ${c.count}`, c.grade === 'major' || a.age === '90+')}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{cellLink(all, ncLink(cells, ncLabel(a.age)), `${ncLabel(a.age)}: ${all}`)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

function Timeline({ d }: { d: Dashboard }) {
  const t = d.timeline;
  const figure = (n: number, label: string, to: string, colour?: string) => (
    <UnstyledButton component={Link} to={to} className={classes.card} aria-label={`${label}: ${n}`}>
      <Text size="xs" c="dimmed" fw={600}>{label}</Text>
      <Text fz={22} fw={700} c={n > 0 ? colour : 'gray.5'}>{n}</Text>
    </UnstyledButton>
  );
  return (
    <Panel title="Timeline" to="/records/milestones">
      {t.total === 0 ? (
        <Empty actions={<Button size="xs" variant="default" component={Link} to="/records/milestones?new=1" leftSection={<IconPlus size={14} />}>Add a milestone</Button>}>
          No milestone is planned.
        </Empty>
      ) : (
        <Stack gap="sm">
          <Progress value={share(t.done, t.total)} size="sm" color="green" aria-label="Milestones done" />
          <SimpleGrid cols={3} spacing="xs">
            {figure(t.done, 'Done', '/records/milestones?status=done', 'green.7')}
            {figure(t.due, 'To come', idsLink('milestones', t.dueIds, 'Milestones to come'))}
            {figure(t.overdue, 'Overdue', idsLink('milestones', t.overdueIds, 'Overdue milestones'), 'red.7')}
          </SimpleGrid>
          {t.next ? (
            <Text size="sm">
              Next: <Anchor component={Link} to={t.next.link} size="sm">{t.next.title}</Anchor>
              <Text span size="sm" c="dimmed"> · month {t.next.month}, due {formatDate(t.next.dueDate)}{t.next.owner ? ` · ${t.next.owner}` : ''}</Text>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">{t.overdue > 0 ? 'Every milestone not done is overdue.' : 'Every milestone is done.'}</Text>
          )}
        </Stack>
      )}
    </Panel>
  );
}

/** DashboardPage is the home screen: first what needs the officer (what is due, decisions waiting), then the state of the ISMS, every figure a link into its filtered register. */
export function DashboardPage() {
  const q = useQuery({ queryKey: dashboardKeys.summary, queryFn: api.dashboard.summary });
  if (q.isPending) return <Group justify="center" p="xl"><Loader /></Group>;
  if (q.isError) return <div className="page-scroll"><QueryError error={q.error} onRetry={() => void q.refetch()} /></div>;
  const d = q.data;
  const count = (kind: string) => d.counts.find((c) => c.kind === kind)?.count ?? 0;
  const total = d.counts.reduce((n, c) => n + c.count, 0);
  const userRecords = total - count('control') - count('milestone') - count('role');

  return (
    <div className="page-scroll">
      <Stack gap="md" maw={1500}>
        <div>
          <Title order={2}>Dashboard</Title>
          <Text size="sm" c="dimmed">What needs you first, then where the ISMS stands. Every figure opens the records behind it.</Text>
        </div>
        {(count('requirement') === 0 || userRecords <= 0) && (
          <Alert color="indigo" icon={<IconRocket />} title="Getting started" variant="light" py="xs">
            <Stack gap="xs">
              <Text size="sm">
                This database holds the 93 Annex A controls, the standard ISMS roles and the six-month programme plan.
                Set up your organisation, add the people who own and approve, then bring in your registers from Excel or
                add records one by one.
              </Text>
              <Group gap="xs">
                <Button component={Link} to="/organisation" size="xs" variant="default">Organisation and scope</Button>
                <Button component={Link} to="/records/people" size="xs" variant="default">People and roles</Button>
                <Button component={Link} to="/import" size="xs" variant="default" leftSection={<IconFileImport size={14} />}>Import a register</Button>
                <Button component={Link} to="/requirements?new=1" size="xs" rightSection={<IconArrowRight size={14} />}>
                  Add your first requirement
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <div className={classes.first}>
          <DueSummary overdue={d.overdue} upcoming={d.upcoming} />
          <Decisions decisions={d.decisions} />
        </div>
        <Title order={3} size="h5" c="dimmed" mt="xs">Where the ISMS stands</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Objectives d={d} />
          <KPIs d={d} />
          <SoA d={d} />
          <Requirements d={d} />
          <Nonconformities d={d} />
          <Timeline d={d} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 3, md: 5, lg: 7 }} spacing="xs" component="section" aria-label="Records by kind">
          {d.counts.map((c) => (
            <UnstyledButton key={c.kind} component={Link} to={areaPath(c.plural)} className={classes.card} aria-label={`${c.label}: ${c.count}`}>
              <Text size="xs" c="dimmed" fw={600} title={c.label}>{c.label}</Text>
              <Text fz={20} fw={700} lh={1.2} c={c.count === 0 ? 'gray.5' : undefined} data-testid={`count-${c.kind}`}>
                {c.count.toLocaleString()}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Stack>
    </div>
  );
}

// The programme timeline: milestones marked done with a date, and a month-by-month view.
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { api, type Milestone } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps, type TopProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { useAreaMutation } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';


/** overdue mirrors isms.Milestone.Overdue: past its date and not done. */
export const overdue = (m: Pick<Milestone, 'status' | 'dueDate'>, now = today()) => m.status !== 'done' && !!m.dueDate && m.dueDate < now;

function CompletePanel({ record: m }: PanelProps<Milestone>) {
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(today());
  const complete = useAreaMutation(() => api.milestones.complete(m.id, m.version, on));
  const reopen = useAreaMutation(() => api.milestones.reopen(m.id, m.version));
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between">
        <Text size="sm">
          {m.status === 'done'
            ? `Done on ${formatDate(m.completedOn)}.`
            : overdue(m)
              ? `Overdue: it was due on ${formatDate(m.dueDate)}.`
              : m.dueDate ? `Due on ${formatDate(m.dueDate)}.` : 'No due date.'}
        </Text>
        {m.status === 'done' ? (
          <Button variant="default" loading={reopen.isPending} onClick={() => reopen.mutate(undefined)}>Reopen</Button>
        ) : (
          <Button leftSection={<IconCircleCheck size={16} />} onClick={() => setOpen(true)}>Mark done</Button>
        )}
      </Group>
      <PanelError error={reopen.error} />
      <Modal opened={open} onClose={() => setOpen(false)} title="Mark the milestone done">
        <Stack>
          <TextInput type="date" label="Reached on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
          <PanelError error={complete.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>Cancel</Button>
            <Button loading={complete.isPending} onClick={() => complete.mutate(undefined, { onSuccess: () => { setOpen(false); notifications.show({ color: 'green', title: 'Milestone done', message: m.title }); } })}>
              Mark done
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** TimelineView shows the milestones month by month with their status. */
function TimelineView({ rows, lookups: l }: TopProps<Milestone>) {
  const months = [...new Set(rows.map((m) => m.month))].sort((a, b) => a - b);
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" aria-label="Programme timeline by month">
      {months.map((month) => (
        <Paper key={month} withBorder p="sm" radius="md">
          <Title order={5} mb="xs">Month {month}</Title>
          <Stack gap="xs">
            {rows.filter((m) => m.month === month).sort((a, b) => a.order - b.order).map((m) => (
              <Stack key={m.id} gap={2}>
                <Anchor component={Link} to={`/records/milestones/${encodeURIComponent(m.id)}`} size="sm" fw={600}>{m.title}</Anchor>
                <Group gap={6}>
                  {overdue(m) ? <Badge color="red" variant="light">Overdue</Badge> : <StatusBadge status={m.status} label={l.enumLabel('milestoneStatuses', m.status)} />}
                  <Text size="xs" c="dimmed">{m.status === 'done' ? `done ${formatDate(m.completedOn)}` : formatDate(m.dueDate) && `due ${formatDate(m.dueDate)}`}</Text>
                </Group>
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export const milestoneArea: AreaConfig<Milestone> = {
  kind: 'milestone',
  plural: 'milestones',
  title: 'Programme timeline',
  noun: 'milestone',
  about: 'The milestones of the ISMS programme; a new database starts with the six-month plan. A milestone is overdue only when its date has passed and it is not done.',
  service: api.milestones,
  blank: () => ({ ...unsaved, title: '', month: 1, description: '', dueDate: '', status: 'planned', order: 0, ownerId: '', completedOn: '' }),
  refOf: (m) => `Month ${m.month}`,
  titleOf: (m) => m.title,
  status: (m) => ({ value: overdue(m) ? 'overdue' : m.status, enum: 'milestoneStatuses' }),
  defaultSort: { id: 'month', desc: false },
  columns: [
    { id: 'month', header: 'Month', width: '72px', value: (m) => m.month * 1000 + m.order, render: (m) => <Text size="sm" fw={600}>{m.month}</Text> },
    col.text('title', 'Milestone', (m) => m.title, 'minmax(200px, 3fr)'),
    col.person('owner', 'Owner', (m) => m.ownerId),
    { id: 'status', header: 'Status', width: '120px', value: (m, l) => (overdue(m) ? 'Overdue' : l.enumLabel('milestoneStatuses', m.status)),
      render: (m, l) => (overdue(m) ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : <StatusBadge status={m.status} label={l.enumLabel('milestoneStatuses', m.status)} />) },
    col.date('due', 'Due', (m) => m.dueDate, (m) => overdue(m)),
    col.date('done', 'Done on', (m) => m.completedOn),
  ],
  filters: [{ label: 'Status', enum: 'milestoneStatuses', value: (m) => m.status }],
  fields: [
    { name: 'title', label: 'Milestone', type: 'text' },
    { name: 'month', label: 'Programme month', type: 'number', span: 4, min: 1, max: 36 },
    { name: 'order', label: 'Order in the month', type: 'number', span: 4, min: 0 },
    { name: 'dueDate', label: 'Due', type: 'date', span: 4 },
    { name: 'description', label: 'What it involves', type: 'textarea' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'milestoneStatuses', span: 6, description: 'Mark it done from its page' },
    { name: 'completedOn', label: 'Done on', type: 'date', form: false },
  ],
  panels: [CompletePanel],
  views: [{ id: 'timeline', label: 'Timeline', component: TimelineView }],
};

// Actions (9.3.3, 10.2): the actions decided by management reviews and the corrective
// actions of nonconformities, in the 'actions' tab of Management reviews & actions.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { api, type Action } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type Lookups, type PanelProps } from '../../components/record/kit';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { actionOverdue, finished } from './steps';
import { CompleteActionModal } from './WorkflowPanel';

/** sourceOf names where an action comes from: a review, a nonconformity, or nothing. */
export function sourceOf(a: Pick<Action, 'reviewId' | 'nonconformityId'>, l: Pick<Lookups, 'record'>): string {
  if (a.nonconformityId) return `Nonconformity ${l.record(a.nonconformityId)}`;
  if (a.reviewId) return `Review ${l.record(a.reviewId)}`;
  return '';
}

/** DonePanel shows when the action is due or was done, with Mark done. */
function DonePanel({ record: a, lookups: l }: PanelProps<Action>) {
  const [open, setOpen] = useState(false);
  const late = actionOverdue(a, today());
  return (
    <Paper withBorder p="md" radius="md" aria-label="Action status">
      <Group justify="space-between">
        <Group gap="xs">
          {late ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : <StatusBadge status={a.status} label={l.enumLabel('actionStatuses', a.status)} />}
          <Text size="sm">
            {a.status === 'done'
              ? `Done on ${formatDate(a.completedOn)}.`
              : a.status === 'cancelled'
                ? 'Cancelled.'
                : a.dueDate
                  ? `${late ? 'It was due' : 'Due'} on ${formatDate(a.dueDate)}${a.ownerId ? `, owned by ${l.person(a.ownerId)}` : ''}.`
                  : 'No due date.'}
          </Text>
        </Group>
        {!finished(a) && (
          <Button leftSection={<IconCircleCheck size={16} />} onClick={() => setOpen(true)}>Mark done</Button>
        )}
      </Group>
      {a.nonconformityId && (
        <Text size="xs" c="dimmed" mt="xs">
          A corrective action: its nonconformity moves to the effectiveness review only once all its corrective actions are done or cancelled.
        </Text>
      )}
      {open && <CompleteActionModal a={a} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

export const actionArea: AreaConfig<Action> = {
  kind: 'action',
  plural: 'actions',
  title: 'Actions',
  noun: 'action',
  about: 'Actions decided by management reviews (9.3.3) and corrective actions of nonconformities (10.2), each with an owner and a due date. An action is overdue only while it is not done or cancelled.',
  clause: '9.3.3, 10.2',
  service: api.actions,
  blank: () => ({
    ...unsaved, ref: '', title: '', description: '', ownerId: '', dueDate: '', status: 'open', reviewId: '', nonconformityId: '', completedOn: '', notes: '',
  }),
  refOf: (a) => a.ref,
  titleOf: (a) => a.title,
  status: (a) => ({ value: actionOverdue(a, today()) ? 'overdue' : a.status, enum: 'actionStatuses' }),
  defaultSort: { id: 'due', desc: false },
  columns: [
    col.ref((a) => a.ref),
    col.text('title', 'Action', (a) => a.title, 'minmax(200px, 3fr)'),
    col.person('owner', 'Owner', (a) => a.ownerId),
    col.date('due', 'Due', (a) => a.dueDate, (a) => actionOverdue(a, today())),
    {
      id: 'status', header: 'Status', width: '120px',
      value: (a, l) => (actionOverdue(a, today()) ? 'Overdue' : l.enumLabel('actionStatuses', a.status)),
      render: (a, l) => (actionOverdue(a, today()) ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : <StatusBadge status={a.status} label={l.enumLabel('actionStatuses', a.status)} />),
    },
    {
      id: 'source', header: 'Source', width: 'minmax(140px, 1.5fr)',
      value: (a, l) => sourceOf(a, l),
      render: (a, l) => <Text size="sm" c="dimmed" truncate title={sourceOf(a, l)}>{sourceOf(a, l)}</Text>,
    },
  ],
  filters: [{ label: 'Status', enum: 'actionStatuses', value: (a) => a.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'Blank: the next ACT-nnn' },
    { name: 'title', label: 'What is to be done', type: 'text', span: 8 },
    { name: 'description', label: 'Details', type: 'textarea' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'dueDate', label: 'Due', type: 'date', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'actionStatuses', span: 6, description: 'Mark it done from its page to give the date' },
    { name: 'completedOn', label: 'Done on', type: 'date', span: 6, when: (v) => v.status === 'done' },
    {
      name: 'nonconformityId', label: 'Nonconformity it corrects', type: 'record', kind: 'nonconformity', span: 6, locked: (r) => !!r?.id,
      description: 'Set when it is created; it becomes one of the nonconformity’s corrective actions',
    },
    { name: 'reviewId', label: 'Management review that decided it', type: 'record', kind: 'review', span: 6, when: (v) => !v.nonconformityId },
    { name: 'notes', label: 'Progress notes', type: 'textarea' },
  ],
  panels: [DonePanel],
};

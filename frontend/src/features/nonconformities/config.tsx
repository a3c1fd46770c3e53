// Nonconformities (10.2): the register by stage, due date, age and what is overdue (Go's
// ageing), and each nonconformity's page with its 10.2 workflow (WorkflowPanel).
import { Text } from '@mantine/core';
import { api, type NonconformityRow } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';
import { StatusBadge } from '../../components/StatusBadge';
import { ageInDays, ncOverdue, overdueParts, reached, stageOf } from './steps';
import { WorkflowPanel } from './WorkflowPanel';

/** daysOpen is Go's age of the nonconformity, or the window's own count before it arrives. */
const daysOpen = (n: NonconformityRow): number | null =>
  n.ageing ? (n.ageing.daysOpen < 0 ? null : n.ageing.daysOpen) : ageInDays(n, today());

export const nonconformityArea: AreaConfig<NonconformityRow> = {
  kind: 'nonconformity',
  plural: 'nonconformities',
  title: 'Nonconformities',
  noun: 'nonconformity',
  about:
    'Nonconformities from audits, reviews, incidents and feedback, taken through clause 10.2: correction, root cause and similar cases, corrective actions with owners and due dates, and an effectiveness review. One cannot be closed until every step is done.',
  clause: '10.2',
  service: api.nonconformities,
  blank: () => ({
    ...unsaved, ref: '', title: '', description: '', source: 'audit', findingId: '', reviewId: '', feedbackId: '', detectedOn: today(),
    ownerId: '', status: 'open', correction: '', correctionOn: '', rootCause: '', similarCheck: '', correctiveActionIds: [],
    effectiveness: { reviewedOn: '', verdict: '', reviewerId: '', comment: '' }, closedOn: '', dueDate: '',
  }),
  refOf: (n) => n.ref,
  titleOf: (n) => n.title,
  status: (n) => ({ value: n.status, enum: 'ncStatuses' }),
  undeletable: (n) => (n.correctiveActionIds.length > 0 ? 'It has corrective actions: delete or unlink them first (or keep it as a record).' : null),
  columns: [
    col.ref((n) => n.ref),
    col.text('title', 'Title', (n) => n.title, 'minmax(200px, 3fr)'),
    col.label('source', 'Source', 'ncSources', (n) => n.source, '116px'),
    col.person('owner', 'Owner', (n) => n.ownerId),
    {
      id: 'status', header: 'Stage', width: '170px',
      // sorts by the 10.2 order and searches by the label
      value: (n, l) => `${stageOf(n.status)} ${l.enumLabel('ncStatuses', n.status)}`,
      render: (n, l) => <StatusBadge status={n.status} label={l.enumLabel('ncStatuses', n.status)} />,
    },
    col.date('due', 'Due', (n) => n.dueDate, (n) => ncOverdue(n, today()), '100px'),
    {
      id: 'age', header: 'Age', width: '70px', value: (n) => daysOpen(n) ?? '',
      render: (n) => {
        const d = daysOpen(n);
        return <Text size="sm" ta="right" c={n.status === 'closed' ? 'dimmed' : undefined} title={n.status === 'closed' ? 'Days from detection to closing' : 'Days since detection'}>{d === null ? '' : `${d} d`}</Text>;
      },
    },
    {
      id: 'overdue', header: 'Overdue', width: 'minmax(120px, 1fr)',
      value: (n) => overdueParts(n.ageing).join('; '),
      render: (n) => {
        const parts = overdueParts(n.ageing);
        return <Text size="sm" c="red" fw={parts.length ? 600 : undefined} truncate title={parts.join('; ')}>{parts.join('; ')}</Text>;
      },
    },
  ],
  filters: [
    { label: 'Stage', enum: 'ncStatuses', value: (n) => n.status },
    { label: 'Source', enum: 'ncSources', value: (n) => n.source },
  ],
  defaultSort: { id: 'status', desc: false },
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. NC-007' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'description', label: 'What the nonconformity is', type: 'textarea' },
    { name: 'source', label: 'Source', type: 'enum', enum: 'ncSources', span: 4 },
    { name: 'detectedOn', label: 'Detected on', type: 'date', span: 4 },
    { name: 'dueDate', label: 'Due (to close by)', type: 'date', span: 4 },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    {
      name: 'status', label: 'Stage', type: 'enum', enum: 'ncStatuses', span: 6, locked: (r) => !r,
      description: 'One step at a time, or back; use Next step and Close on its page',
    },
    { name: 'findingId', label: 'Audit finding it came from', type: 'record', kind: 'finding', span: 4, when: (v) => v.source === 'audit' },
    { name: 'reviewId', label: 'Management review it came from', type: 'record', kind: 'review', span: 4, when: (v) => v.source === 'review' },
    { name: 'feedbackId', label: 'Feedback it came from', type: 'record', kind: 'feedback', span: 4, when: (v) => v.source === 'feedback' },
    // the workflow's fields, from their stage on; the workflow panel shows them on the page
    { name: 'correction', label: 'Correction (10.2 a)', type: 'textarea', detail: false, when: (v) => reached(v.status, 'correction') },
    { name: 'correctionOn', label: 'Corrected on', type: 'date', span: 4, detail: false, when: (v) => reached(v.status, 'correction') },
    { name: 'rootCause', label: 'Root cause (10.2 b)', type: 'textarea', detail: false, when: (v) => reached(v.status, 'root_cause') },
    { name: 'similarCheck', label: 'Similar nonconformities (exist or could occur)', type: 'textarea', detail: false, when: (v) => reached(v.status, 'root_cause') },
    { name: 'closedOn', label: 'Closed on', type: 'date', form: false },
  ],
  panels: [WorkflowPanel],
};

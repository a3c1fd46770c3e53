// Improvement initiatives (10.1): goal, owner, status, start and target dates, and the
// reviews, feedback, nonconformities and risks they follow up.
import { Link } from 'react-router';
import { Anchor, Stack, Text } from '@mantine/core';
import { api, type Improvement } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';
import { useChoices } from '../../components/record/queries';

/** improvementOverdue: still to be done (not done or rejected) and past its target date. */
export const improvementOverdue = (i: Pick<Improvement, 'status' | 'dueDate'>, now = today()) =>
  i.status !== 'done' && i.status !== 'rejected' && !!i.dueDate && i.dueDate < now;

/** Names shows linked records of a kind by name, each a link to its page. */
function Names({ kind, ids }: { kind: string; ids: string[] }) {
  const choices = useChoices(ids.length ? kind : undefined);
  const names = new Map((choices.data ?? []).map((o) => [o.value, o.label]));
  if (ids.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {ids.map((id) => (
        <Anchor key={id} component={Link} to={recordPath(kind, id)} size="sm">{names.get(id) ?? (choices.isPending ? '…' : 'Deleted record')}</Anchor>
      ))}
    </Stack>
  );
}

const ReviewName = ({ record }: { record: Improvement }) => <Names kind="review" ids={record.reviewId ? [record.reviewId] : []} />;
const FeedbackNames = ({ record }: { record: Improvement }) => <Names kind="feedback" ids={record.feedbackIds} />;
const NCNames = ({ record }: { record: Improvement }) => <Names kind="nonconformity" ids={record.nonconformityIds} />;
const RiskNames = ({ record }: { record: Improvement }) => <Names kind="risk" ids={record.riskIds} />;

export const improvementArea: AreaConfig<Improvement> = {
  kind: 'improvement',
  plural: 'improvements',
  title: 'Improvements',
  noun: 'improvement',
  about: 'Continual improvement initiatives (10.1): what each should achieve, who leads it, its status and dates, and the reviews, feedback, nonconformities and risks it follows up.',
  clause: '10.1',
  service: api.improvements,
  blank: () => ({
    ...unsaved, ref: '', title: '', goal: '', description: '', ownerId: '', status: 'proposed', startDate: '', dueDate: '', completedOn: '', outcome: '',
    reviewId: '', feedbackIds: [], nonconformityIds: [], riskIds: [],
  }),
  refOf: (i) => i.ref,
  titleOf: (i) => i.title,
  status: (i) => ({ value: i.status, enum: 'improvementStatuses' }),
  columns: [
    col.ref((i) => i.ref),
    col.text('title', 'Initiative', (i) => i.title, 'minmax(200px, 3fr)'),
    col.person('owner', 'Owner', (i) => i.ownerId),
    col.status('status', 'Status', 'improvementStatuses', (i) => i.status),
    col.date('start', 'Starts', (i) => i.startDate),
    col.date('due', 'Target', (i) => i.dueDate, (i) => improvementOverdue(i)),
    col.date('done', 'Done on', (i) => i.completedOn),
    {
      id: 'links', header: 'Follows up', width: '110px',
      value: (i) => i.nonconformityIds.length + i.feedbackIds.length + i.riskIds.length + (i.reviewId ? 1 : 0),
      render: (i) => {
        const parts = [
          i.nonconformityIds.length ? `${i.nonconformityIds.length} NC` : '',
          i.feedbackIds.length ? `${i.feedbackIds.length} feedback` : '',
          i.riskIds.length ? `${i.riskIds.length} risk${i.riskIds.length > 1 ? 's' : ''}` : '',
          i.reviewId ? 'review' : '',
        ].filter(Boolean);
        return <Text size="sm" c="dimmed" truncate title={parts.join(', ')}>{parts.join(', ')}</Text>;
      },
    },
  ],
  filters: [{ label: 'Status', enum: 'improvementStatuses', value: (i) => i.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. IMP-06' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'goal', label: 'Goal: what it should achieve', type: 'textarea' },
    { name: 'description', label: 'How', type: 'textarea' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'improvementStatuses', span: 6 },
    { name: 'startDate', label: 'Start date', type: 'date', span: 4 },
    { name: 'dueDate', label: 'Target date', type: 'date', span: 4 },
    { name: 'completedOn', label: 'Done on', type: 'date', span: 4, when: (v) => v.status === 'done', description: 'Today when left blank' },
    { name: 'outcome', label: 'Outcome', type: 'textarea', when: (v) => v.status === 'done' || v.status === 'rejected' || !!v.outcome },
    { name: 'reviewId', label: 'Management review that decided it', type: 'record', kind: 'review', display: ReviewName },
    { name: 'nonconformityIds', label: 'Nonconformities it follows up', type: 'records', kind: 'nonconformity', display: NCNames },
    { name: 'feedbackIds', label: 'Feedback it answers', type: 'records', kind: 'feedback', display: FeedbackNames },
    { name: 'riskIds', label: 'Risks it reduces', type: 'records', kind: 'risk', display: RiskNames },
  ],
};

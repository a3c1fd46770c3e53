// Management reviews (9.3): the register of meetings, and each review's page with its
// agenda of 9.3.2 inputs (live data, frozen as presented once held, and minutes), its
// decisions and actions (9.3.3), "Mark held" and "Close with sign-off" (ReviewPanels). A
// new review comes with its reference, title, the standard agenda and the previous review
// from Go (NewReview).
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { api, type ReviewRow } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { PersonPicker } from '../../components/record/pickers';
import { useAreaMutation } from '../../components/record/queries';
import { AgendaPanel, DecisionsPanel, HoldPanel } from './ReviewPanels';

/** NewReview plans a review on a date with its chair; Go gives it the rest. */
function NewReview({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (r: ReviewRow) => void }) {
  const [date, setDate] = useState(today());
  const [chairId, setChair] = useState('');
  const create = useAreaMutation(() => api.reviews.newReview(date, chairId));
  return (
    <Modal opened={opened} onClose={onClose} title="Plan a management review" closeOnClickOutside={false}>
      <form aria-label="New management review" onSubmit={(e) => { e.preventDefault(); create.mutate(undefined, { onSuccess: onCreated }); }}>
        <Stack gap="sm">
          <TextInput type="date" label="Date of the meeting" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <PersonPicker label="Chair" description="Usually senior management; the chair is the first attendee" value={chairId} onChange={setChair} />
          <Text size="xs" c="dimmed">
            It gets the next reference (MR-year-n), an agenda with every 9.3.2 input, and follows the latest held review, whose open actions are carried forward. Add the other attendees with Edit.
          </Text>
          <PanelError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Plan review</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const withActions = (r: ReviewRow) => r.decisions.some((d) => d.actionIds.length > 0);

export const reviewArea: AreaConfig<ReviewRow> = {
  kind: 'review',
  plural: 'reviews',
  title: 'Management reviews',
  noun: 'management review',
  about:
    'Management review meetings: attendees, an agenda with every 9.3.2 input and its live data, minutes per input, decisions and the actions that carry them out (9.3.3). A review is marked held once the chair attends and every input has minutes, which freezes the inputs as presented; it is closed with the chair\'s sign-off, the conclusion on the ISMS and the next review date. Open actions are carried forward to the next review.',
  clause: '9.3',
  service: api.reviews,
  blank: () => ({
    ...unsaved, ref: '', title: '', date: today(), status: 'planned', chairId: '', attendeeIds: [], inputs: [], decisions: [], minutes: '', previousReviewId: '',
    conclusion: { suitability: '', adequacy: '', effectiveness: '' }, signOff: { byId: '', on: '', how: '', ref: '' }, nextReviewDate: '',
  }),
  refOf: (r) => r.ref,
  titleOf: (r) => r.title,
  status: (r) => ({ value: r.status, enum: 'reviewStatuses' }),
  createWith: NewReview,
  undeletable: (r) =>
    r.status === 'closed'
      ? 'It is closed and signed off: it is kept as the record of the review.'
      : withActions(r) ? 'Its decisions have actions: delete those actions first (or keep the review as a record).' : null,
  uneditable: (r) => (r.status === 'closed' ? 'It is closed and signed off: the review is locked.' : null),
  defaultSort: { id: 'date', desc: true },
  columns: [
    col.ref((r) => r.ref),
    col.text('title', 'Title', (r) => r.title, 'minmax(200px, 3fr)'),
    col.date('date', 'Date', (r) => r.date),
    col.person('chair', 'Chair', (r) => r.chairId),
    col.status('status', 'Status', 'reviewStatuses', (r) => r.status, '100px'),
    col.number('attendees', 'Attendees', (r) => r.attendeeIds.length, true, '90px'),
    col.number('decisions', 'Decisions', (r) => r.decisions.length, true, '90px'),
    {
      id: 'openActions', header: 'Open actions', width: '104px',
      value: (r) => r.openActions ?? 0,
      render: (r) => (
        <Text size="sm" ta="right" c={r.openActions ? 'orange.8' : undefined} fw={r.openActions ? 600 : undefined} title="Actions decided at this review not yet done or cancelled">
          {r.openActions ? r.openActions : ''}
        </Text>
      ),
    },
  ],
  filters: [{ label: 'Status', enum: 'reviewStatuses', value: (r) => r.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. MR-2026-1' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'date', label: 'Date', type: 'date', span: 4, locked: (r) => !!r && r.status !== 'planned', description: 'A held review keeps the date it was held on' },
    { name: 'chairId', label: 'Chair', type: 'person', span: 8 },
    { name: 'attendeeIds', label: 'Attendees', type: 'people', description: 'Who attends; a held review needs the chair among them' },
    { name: 'status', label: 'Status', type: 'enum', enum: 'reviewStatuses', form: false },
    { name: 'previousReviewId', label: 'Previous review', type: 'record', kind: 'review', span: 6, description: 'Whose actions are carried forward' },
    { name: 'nextReviewDate', label: 'Next review', type: 'date', form: false },
  ],
  panels: [HoldPanel, AgendaPanel, DecisionsPanel],
};

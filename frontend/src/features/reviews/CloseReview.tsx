// Closing a management review (9.3): the chair's sign-off (who, when, how), the review's
// conclusion on the ISMS's continuing suitability, adequacy and effectiveness, and the
// next review date; and, once closed, what was signed off with "Plan the next review".
// Go checks every rule (the chair holds Senior Management, the dates, the references).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconSignature } from '@tabler/icons-react';
import { api, type ReviewRow } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { formatDate } from '../../lib/format';
import { today } from '../../components/record/columns';
import type { Lookups } from '../../components/record/kit';
import { Field, PanelError } from '../../components/record/DetailPage';
import { EnumSelect } from '../../components/record/pickers';
import { kitKeys, useAreaMutation } from '../../components/record/queries';
import { addMonths } from './agenda';

/** The three statements of a review's conclusion (isms.ReviewConclusion). */
const statements = [
  { key: 'suitability', label: 'Continuing suitability', hint: 'Does the ISMS still suit the organisation, its context and its direction?' },
  { key: 'adequacy', label: 'Adequacy', hint: 'Is it adequate to the risks, the requirements and the interested parties?' },
  { key: 'effectiveness', label: 'Effectiveness', hint: 'Does it achieve its intended outcomes and objectives?' },
] as const;

/** CloseReviewModal records the chair's sign-off and closes the held review. */
export function CloseReviewModal({ r, l, onClose }: { r: ReviewRow; l: Lookups; onClose: () => void }) {
  const [signedOn, setOn] = useState(today());
  const [how, setHow] = useState('app');
  const [ref, setRef] = useState('');
  const [conclusion, setConclusion] = useState({ suitability: '', adequacy: '', effectiveness: '' });
  const [nextReviewDate, setNext] = useState(() => addMonths(r.date, 12));
  const close = useAreaMutation(() =>
    api.reviews.close(r.id, r.version, { signedById: r.chairId, signedOn, how, ref, conclusion, nextReviewDate }),
  );
  const needsRef = how === 'meeting' || how === 'document';
  return (
    <Modal opened onClose={onClose} title={`Close ${r.ref}: the chair's sign-off`} size="xl" closeOnClickOutside={false}>
      <Stack gap="sm">
        <Text size="sm">
          Signed off by the chair, <b>{r.chairId ? l.person(r.chairId) : 'no chair yet'}</b>, who must hold the Senior Management role. Once closed, the review is locked.
        </Text>
        <Group grow align="flex-start">
          <TextInput type="date" label="Signed off on" value={signedOn} onChange={(e) => setOn(e.currentTarget.value)} />
          <EnumSelect label="How" enumName="approvalMethods" value={how} onChange={setHow} />
          <TextInput
            label={how === 'document' ? 'Signed document' : 'Meeting minute'}
            description={needsRef ? 'Required' : 'Optional when signed off in ISMS Desk'}
            placeholder={how === 'document' ? 'e.g. MR-2026-1 signed minutes.pdf' : 'e.g. Minutes, item 12'}
            value={ref}
            onChange={(e) => setRef(e.currentTarget.value)}
          />
        </Group>
        <Text size="sm" fw={600} mt="xs">Conclusion on the ISMS (9.3)</Text>
        <SimpleGrid cols={3} spacing="sm">
          {statements.map((s) => (
            <Textarea
              key={s.key}
              label={s.label}
              description={s.hint}
              autosize
              minRows={3}
              maxRows={6}
              value={conclusion[s.key]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setConclusion((c) => ({ ...c, [s.key]: v }));
              }}
            />
          ))}
        </SimpleGrid>
        <TextInput type="date" label="Next management review" description={`After ${formatDate(r.date)}`} value={nextReviewDate} onChange={(e) => setNext(e.currentTarget.value)} w={240} />
        <PanelError error={close.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button
            color="green"
            leftSection={<IconSignature size={16} />}
            loading={close.isPending}
            onClick={() => close.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Management review closed', message: `${r.ref} ${r.title}` }); } })}
          >
            Sign off and close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** ClosedSummary shows the sign-off, the conclusion and the next review of a closed review,
 * with "Plan the next review" (or a link to it once planned). */
export function ClosedSummary({ r, l }: { r: ReviewRow; l: Lookups }) {
  const navigate = useNavigate();
  const reviews = useQuery({ queryKey: kitKeys.list('reviews'), queryFn: api.reviews.list });
  const following = (reviews.data ?? []).find((x) => x.previousReviewId === r.id || (x.id !== r.id && !!r.nextReviewDate && x.date === r.nextReviewDate));
  const plan = useAreaMutation(() => api.reviews.newReview(r.nextReviewDate, r.chairId));
  const s = r.signOff;
  return (
    <Stack gap="xs" mt="sm">
      <SimpleGrid cols={4} spacing="sm">
        <Field label="Signed off by">{l.person(s.byId)}</Field>
        <Field label="Signed off on">{formatDate(s.on)}</Field>
        <Field label="How">{l.enumLabel('approvalMethods', s.how)}{s.ref ? `: ${s.ref}` : ''}</Field>
        <Field label="Next management review">{formatDate(r.nextReviewDate)}</Field>
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        {statements.map((x) => (
          <Paper key={x.key} withBorder p="xs" radius="sm">
            <Text size="xs" c="dimmed" fw={600}>{x.label}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.conclusion[x.key]}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        {following ? (
          <Text size="sm">Next review: <Anchor component={Link} to={recordPath('review', following.id)}>{following.ref} on {formatDate(following.date)}</Anchor></Text>
        ) : (
          <Button
            variant="light"
            leftSection={<IconCalendarPlus size={16} />}
            loading={plan.isPending}
            disabled={!r.nextReviewDate}
            onClick={() => plan.mutate(undefined, { onSuccess: (n) => { notifications.show({ color: 'green', title: 'Next review planned', message: `${n.ref} on ${formatDate(n.date)}` }); navigate(recordPath('review', n.id)); } })}
          >
            Plan the next review on {formatDate(r.nextReviewDate)}
          </Button>
        )}
      </Group>
      <PanelError error={plan.error} />
    </Stack>
  );
}

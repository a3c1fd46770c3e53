// The 10.2 workflow on a nonconformity's page: the steps with what each still needs,
// "Next step", the step's own fields, the corrective actions with "Add corrective action"
// and "Mark done", the effectiveness review and "Close", with how long it has been open
// and what is overdue (Go's ageing). An effectiveness review that finds the actions not
// effective puts it back to corrective action with a follow-up action (Go does both). Go
// decides every move; its refusals are shown in words.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCircleCheck, IconLock, IconPlayerTrackNext, IconPlus } from '@tabler/icons-react';
import { api, type Action, type Nonconformity } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { today } from '../../components/record/columns';
import { unsaved, type Lookups, type PanelProps } from '../../components/record/kit';
import { Field, PanelError } from '../../components/record/DetailPage';
import { EnumSelect, PersonPicker } from '../../components/record/pickers';
import { kitKeys, useAreaMutation } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { actionOverdue, ageText, finished, nextStage, overdueParts, reached, sentence, stageAbout, stageOf, stepsOf, ncStages, type NCStage } from './steps';

/** useAgeing is Go's age and overdue steps of one nonconformity; under 'area' so every change refreshes it. */
function useAgeing(id: string) {
  const q = useQuery({ queryKey: ['area', 'nonconformities', 'ageing'], queryFn: api.nonconformities.ageing });
  return (q.data ?? []).find((g) => g.id === id);
}

/** useCorrectiveActions loads the nonconformity's corrective actions in its order. */
export function useCorrectiveActions(n: Nonconformity) {
  const q = useQuery({ queryKey: kitKeys.list('actions'), queryFn: api.actions.list });
  const byId = new Map((q.data ?? []).map((a) => [a.id, a]));
  const actions = n.correctiveActionIds.map((id) => byId.get(id)).filter((a): a is Action => !!a);
  return { actions, loading: q.isPending, error: q.error };
}

const label = (l: Lookups, stage: string) => l.enumLabel('ncStatuses', stage);

/** WorkflowPanel walks the nonconformity through clause 10.2. */
export function WorkflowPanel({ record: n, lookups: l }: PanelProps<Nonconformity>) {
  const { actions, error: actionsError } = useCorrectiveActions(n);
  const steps = stepsOf(n, actions);
  const at = stageOf(n.status);
  const next = nextStage(n.status);
  const current = steps[at];
  const [editing, setEditing] = useState<NCStage | null>(null);
  const advance = useAreaMutation(() => api.nonconformities.advance(n.id, n.version));
  const back = useAreaMutation((to: string) => api.nonconformities.update({ ...n, status: to }));
  const name = `${n.ref} ${n.title}`;
  const closed = n.status === 'closed';
  const previous = at > 0 ? ncStages[at - 1] : null;
  const ageing = useAgeing(n.id);
  const late = overdueParts(ageing);
  const age = ageText(ageing, closed);
  const followUp = n.status === 'corrective_action' && n.effectiveness.verdict === 'not_effective' ? actions[actions.length - 1] : undefined;

  return (
    <Paper withBorder p="md" radius="md" aria-label="Nonconformity workflow">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={2}>
          <Title order={4}>Corrective action (10.2)</Title>
          <Text size="sm" c="dimmed">
            {closed
              ? `Closed on ${formatDate(n.closedOn)}: every step is done.`
              : current && current.missing.length
                ? `${label(l, n.status)}: still needs ${sentence(current.missing)}.`
                : `${label(l, n.status)}: complete${next ? `; ready for ${label(l, next).toLowerCase()}` : ''}.`}
          </Text>
          {(age || late.length > 0) && (
            <Text size="sm" aria-label="Ageing">
              {age}
              {late.length > 0 && (
                <Text span size="sm" c="red" fw={600}>{age ? ' · ' : ''}Overdue: {late.join('; ')}{ageing?.stepOverdue && n.dueDate ? ` (due ${formatDate(n.dueDate)})` : ''}</Text>
              )}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {previous && (
            <Tooltip label={closed ? 'Reopen it at the effectiveness review' : `Take it back to ${label(l, previous).toLowerCase()} to redo that step`} multiline w={240}>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} />}
                loading={back.isPending}
                onClick={() => back.mutate(previous, { onSuccess: () => notifications.show({ color: 'blue', title: `Back to ${label(l, previous).toLowerCase()}`, message: name }) })}
              >
                {closed ? 'Reopen' : 'Step back'}
              </Button>
            </Tooltip>
          )}
          {next && next !== 'closed' && (
            <Button
              leftSection={<IconPlayerTrackNext size={16} />}
              loading={advance.isPending}
              onClick={() => advance.mutate(undefined, { onSuccess: (r) => notifications.show({ color: 'green', title: `Now at ${label(l, r.status).toLowerCase()}`, message: name }) })}
            >
              Next step
            </Button>
          )}
        </Group>
      </Group>
      <Stepper active={closed ? ncStages.length : at} size="sm" allowNextStepsSelect={false} mb="md" aria-label="10.2 steps">
        {steps.map((s) => (
          <Stepper.Step
            key={s.stage}
            label={label(l, s.stage)}
            color={s.state === 'current' && ageing?.stepOverdue ? 'red' : s.state === 'current' && s.missing.length ? 'orange' : undefined}
            description={
              <Text span size="xs" c={s.state === 'current' && ageing?.stepOverdue ? 'red' : s.state === 'current' && s.missing.length ? 'orange.8' : 'dimmed'}>
                {s.state === 'current' && ageing?.stepOverdue ? `Overdue by ${ageing.daysOverdue} d. ` : ''}
                {s.state === 'done' ? 'Done' : s.stage === 'closed' ? stageAbout.closed : s.missing.length ? `Needs ${sentence(s.missing)}` : s.state === 'current' ? 'Ready to move on' : stageAbout[s.stage]}
              </Text>
            }
          />
        ))}
      </Stepper>
      {followUp && (
        <Alert color="orange" variant="light" title="The corrective actions were not effective" mb="sm">
          The effectiveness review of {formatDate(n.effectiveness.reviewedOn)} found them not effective, so the nonconformity is back at corrective action
          with the follow-up action <Anchor component={Link} to={recordPath('action', followUp.id)} fw={600}>{followUp.ref}</Anchor> for {l.person(followUp.ownerId)},
          due {formatDate(followUp.dueDate)}. Once the follow-up actions are done, move on to the effectiveness review again.
        </Alert>
      )}
      <PanelError error={advance.error ?? back.error ?? actionsError} />
      <Stack gap="md" mt="sm">
        {reached(n.status, 'correction') && (
          <StepSection title="Correction" clause="10.2 a" onEdit={closed ? undefined : () => setEditing('correction')}>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <div style={{ gridColumn: 'span 3' }}><Field label="What was done to control and correct it">{n.correction}</Field></div>
              <Field label="Corrected on">{formatDate(n.correctionOn)}</Field>
            </SimpleGrid>
          </StepSection>
        )}
        {reached(n.status, 'root_cause') && (
          <StepSection title="Root cause analysis" clause="10.2 b" onEdit={closed ? undefined : () => setEditing('root_cause')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Field label="Root cause">{n.rootCause}</Field>
              <Field label="Similar nonconformities (exist or could occur)">{n.similarCheck}</Field>
            </SimpleGrid>
          </StepSection>
        )}
        {(reached(n.status, 'corrective_action') || actions.length > 0) && <ActionsSection n={n} actions={actions} l={l} />}
        {reached(n.status, 'effectiveness_review') && <EffectivenessSection n={n} l={l} />}
      </Stack>
      {editing && <StepFieldsModal n={n} stage={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function StepSection({ title, clause, onEdit, action, children }: { title: string; clause: string; onEdit?: () => void; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={650}>{title}</Text>
          <Text size="xs" c="dimmed">{clause}</Text>
        </Group>
        <Group gap="xs">
          {action}
          {onEdit && <Button size="xs" variant="light" onClick={onEdit}>Edit</Button>}
        </Group>
      </Group>
      {children}
    </Paper>
  );
}

/** StepFieldsModal edits the fields of the correction or the root cause step. */
function StepFieldsModal({ n, stage, onClose }: { n: Nonconformity; stage: NCStage; onClose: () => void }) {
  const [a, setA] = useState(stage === 'correction' ? n.correction : n.rootCause);
  const [b, setB] = useState(stage === 'correction' ? n.correctionOn || today() : n.similarCheck);
  const save = useAreaMutation(() =>
    api.nonconformities.update(stage === 'correction' ? { ...n, correction: a, correctionOn: b } : { ...n, rootCause: a, similarCheck: b }),
  );
  return (
    <Modal opened onClose={onClose} title={stage === 'correction' ? 'Correction (10.2 a)' : 'Root cause analysis (10.2 b)'} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        {stage === 'correction' ? (
          <>
            <Textarea label="What was done to control and correct it, and to deal with the consequences" autosize minRows={3} value={a} onChange={(e) => setA(e.currentTarget.value)} />
            <TextInput type="date" label="Corrected on" value={b} onChange={(e) => setB(e.currentTarget.value)} />
          </>
        ) : (
          <>
            <Textarea label="Root cause" autosize minRows={3} value={a} onChange={(e) => setA(e.currentTarget.value)} />
            <Textarea label="Do similar nonconformities exist, or could they occur?" autosize minRows={2} value={b} onChange={(e) => setB(e.currentTarget.value)} />
          </>
        )}
        <PanelError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={save.isPending} onClick={() => save.mutate(undefined, { onSuccess: onClose })}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** ActionsSection lists the corrective actions with Add and Mark done. */
function ActionsSection({ n, actions, l }: { n: Nonconformity; actions: Action[]; l: Lookups }) {
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<Action | null>(null);
  const settled = reached(n.status, 'effectiveness_review');
  const now = today();
  return (
    <StepSection
      title="Corrective actions"
      clause="10.2 c"
      action={
        <Tooltip label="The effectiveness review has begun: step back to corrective action to add another action" disabled={!settled} multiline w={260}>
          <Button size="xs" leftSection={settled ? <IconLock size={14} /> : <IconPlus size={14} />} disabled={settled} onClick={() => setAdding(true)}>
            Add corrective action
          </Button>
        </Tooltip>
      }
    >
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">No corrective action yet. Each has an owner and a due date; the effectiveness review waits until all are done or cancelled.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Corrective actions">
          <Table.Thead>
            <Table.Tr><Table.Th w={100}>Reference</Table.Th><Table.Th>Action</Table.Th><Table.Th w={150}>Owner</Table.Th><Table.Th w={100}>Due</Table.Th><Table.Th w={120}>Status</Table.Th><Table.Th w={110} /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => {
              const late = actionOverdue(a, now);
              return (
                <Table.Tr key={a.id}>
                  <Table.Td><Anchor component={Link} to={recordPath('action', a.id)} size="sm" fw={600}>{a.ref}</Anchor></Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{l.person(a.ownerId)}</Table.Td>
                  <Table.Td><Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : undefined} title={late ? 'Overdue' : undefined}>{formatDate(a.dueDate)}</Text></Table.Td>
                  <Table.Td>
                    {late ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : <StatusBadge status={a.status} label={l.enumLabel('actionStatuses', a.status)} />}
                  </Table.Td>
                  <Table.Td>
                    {finished(a) ? (
                      <Text size="xs" c="dimmed">{a.status === 'done' ? `done ${formatDate(a.completedOn)}` : ''}</Text>
                    ) : (
                      <Button size="compact-xs" variant="light" leftSection={<IconCircleCheck size={14} />} onClick={() => setCompleting(a)}>Mark done</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddActionModal n={n} onClose={() => setAdding(false)} />}
      {completing && <CompleteActionModal a={completing} onClose={() => setCompleting(null)} />}
    </StepSection>
  );
}

function AddActionModal({ n, onClose }: { n: Nonconformity; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [ownerId, setOwner] = useState(n.ownerId);
  const [dueDate, setDue] = useState(n.dueDate);
  const add = useAreaMutation(() =>
    api.nonconformities.addAction(n.id, n.version, {
      ...unsaved, ref: '', title, description: '', ownerId, dueDate, status: 'open', reviewId: '', nonconformityId: n.id, completedOn: '', notes: '',
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Add a corrective action to ${n.ref}`} closeOnClickOutside={false}>
      <Stack gap="sm">
        <TextInput label="What is to be done" data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <PersonPicker label="Owner" value={ownerId} onChange={setOwner} />
        <TextInput type="date" label="Due date" value={dueDate} onChange={(e) => setDue(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">It gets the next free reference (ACT-nnn) and is listed under Management reviews &amp; actions too.</Text>
        <PanelError error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={add.isPending} onClick={() => add.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Corrective action added', message: title }); } })}>
            Add corrective action
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** CompleteActionModal marks an action done on a date. */
export function CompleteActionModal({ a, onClose }: { a: Action; onClose: () => void }) {
  const [on, setOn] = useState(today());
  const complete = useAreaMutation(() => api.actions.complete(a.id, a.version, on));
  return (
    <Modal opened onClose={onClose} title={`Mark ${a.ref} done`}>
      <Stack gap="sm">
        <Text size="sm">{a.title}</Text>
        <TextInput type="date" label="Done on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        <PanelError error={complete.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={complete.isPending} onClick={() => complete.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Action done', message: `${a.ref} ${a.title}` }); } })}>
            Mark done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** EffectivenessSection records the effectiveness review and closes the nonconformity. */
function EffectivenessSection({ n, l }: { n: Nonconformity; l: Lookups }) {
  const e = n.effectiveness;
  const closed = n.status === 'closed';
  const [reviewedOn, setOn] = useState(e.reviewedOn || today());
  const [reviewerId, setReviewer] = useState(e.reviewerId);
  const [verdict, setVerdict] = useState(e.verdict);
  const [comment, setComment] = useState(e.comment);
  const [closeOn, setCloseOn] = useState(today());
  const review = useAreaMutation(() => api.nonconformities.reviewEffectiveness(n.id, n.version, { reviewedOn, reviewerId, verdict, comment }));
  const close = useAreaMutation(() => api.nonconformities.close(n.id, n.version, closeOn));
  const recorded = !!e.verdict;
  return (
    <StepSection title="Effectiveness review" clause="10.2 d">
      {closed ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label="Reviewed on">{formatDate(e.reviewedOn)}</Field>
          <Field label="Reviewer">{l.person(e.reviewerId)}</Field>
          <Field label="Verdict"><StatusBadge status={e.verdict} label={l.enumLabel('verdicts', e.verdict)} /></Field>
          <div style={{ gridColumn: '1 / -1' }}><Field label="Evidence considered">{e.comment}</Field></div>
        </SimpleGrid>
      ) : (
        <Stack gap="sm">
          {recorded && e.verdict !== 'effective' && (
            <Alert color="red" variant="light" title="The last review found the actions not effective">
              That review ({formatDate(e.reviewedOn)}) opened a follow-up action. Record a new review now that the actions are done; the nonconformity cannot be closed on a “not effective” verdict.
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput type="date" label="Reviewed on" value={reviewedOn} onChange={(ev) => setOn(ev.currentTarget.value)} />
            <PersonPicker label="Reviewer" value={reviewerId} onChange={setReviewer} />
            <EnumSelect label="Verdict" enumName="verdicts" value={verdict} onChange={setVerdict} />
          </Group>
          <Textarea label="Note: the evidence considered" autosize minRows={2} value={comment} onChange={(ev) => setComment(ev.currentTarget.value)} />
          {verdict === 'not_effective' && (
            <Text size="sm" c="orange.8">
              “Not effective” puts the nonconformity back to corrective action and opens a follow-up action for its owner, due in 30 days.
            </Text>
          )}
          <PanelError error={review.error} />
          <Group justify="flex-end">
            <Button variant={recorded ? 'default' : 'filled'} loading={review.isPending} onClick={() => review.mutate(undefined, {
              onSuccess: (r) => notifications.show(r.status === 'corrective_action'
                ? { color: 'orange', title: 'Not effective: follow-up action opened', message: `${n.ref} is back at corrective action` }
                : { color: 'green', title: 'Effectiveness review recorded', message: `${n.ref} ${n.title}` }),
            })}>
              {recorded ? 'Save the review again' : 'Record the review'}
            </Button>
          </Group>
          <Paper withBorder p="sm" radius="sm" bg="gray.0">
            <Group align="flex-end" justify="space-between">
              <Text size="sm" maw={520}>
                Closing needs every corrective action done or cancelled and the verdict “effective”. {recorded ? `Recorded verdict: ${l.enumLabel('verdicts', e.verdict).toLowerCase()}.` : 'No review recorded yet.'}
              </Text>
              <Group align="flex-end" gap="xs">
                <TextInput type="date" label="Closed on" value={closeOn} onChange={(ev) => setCloseOn(ev.currentTarget.value)} w={160} />
                <Button color="green" leftSection={<IconCircleCheck size={16} />} loading={close.isPending}
                  onClick={() => close.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Nonconformity closed', message: `${n.ref} ${n.title}` }) })}>
                  Close
                </Button>
              </Group>
            </Group>
          </Paper>
          <PanelError error={close.error} />
        </Stack>
      )}
    </StepSection>
  );
}

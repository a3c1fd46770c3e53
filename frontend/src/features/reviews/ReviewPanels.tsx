// The panels of a management review's page: the meeting's state with "Mark held", "Close"
// (the chair's sign-off) and the review pack; the agenda of 9.3.2 inputs as a table (live
// data from Go, frozen as presented once held, minutes typed here); and the decisions with
// their actions (9.3.3), which can be edited and removed until the review is closed. Go
// decides; its refusals are shown in words.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Anchor, Badge, Button, Code, CopyButton, Group, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceFloppy, IconFileSpreadsheet, IconLock, IconPencil, IconPlus, IconSignature, IconSnowflake, IconTrash } from '@tabler/icons-react';
import { api, type Action, type AgendaLine, type ReviewRow } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { fieldLabel, formatDate } from '../../lib/format';
import { today } from '../../components/record/columns';
import type { Lookups, PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { fieldMessage } from '../../components/record/RecordForm';
import { EnumSelect, PersonPicker } from '../../components/record/pickers';
import { kitKeys, useAreaMutation } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { CompleteActionModal } from '../nonconformities/WorkflowPanel';
import { actionOverdue, finished } from '../nonconformities/steps';
import { agendaRows, changedTopics, decisionBlock, draftOf, holdDate, minutesToSave, shortHash, unsavedMinutes, withoutMinutes, type MinutesDraft } from './agenda';
import { ClosedSummary, CloseReviewModal } from './CloseReview';

/** useAgenda loads the live 9.3.2 inputs of a review; under 'area' so every change refreshes it. */
export function useAgenda(id: string) {
  return useQuery({ queryKey: ['area', 'reviews', 'agenda', id], queryFn: () => api.reviews.agenda(id) });
}

function useActions() {
  return useQuery({ queryKey: kitKeys.list('actions'), queryFn: api.actions.list });
}

/** HoldPanel shows where the meeting stands, what it lacks to be held or closed, "Mark
 * held", "Close" with the chair's sign-off, the frozen inputs' hash and the review pack. */
export function HoldPanel({ record: r, lookups: l }: PanelProps<ReviewRow>) {
  const agenda = useAgenda(r.id);
  const [closing, setClosing] = useState(false);
  const [on, setOn] = useState(() => holdDate(r.date, today()));
  useEffect(() => setOn(holdDate(r.date, today())), [r.date]);
  const hold = useAreaMutation(() => api.reviews.hold(r.id, r.version, on));
  const missing = Object.entries(agenda.data?.holdMissing ?? {}).map(([f, m]) => fieldMessage(fieldLabel(f), m));
  const chairMissing = agenda.data?.closeMissing?.chairId;
  const name = `${r.ref} ${r.title}`;
  const prev = agenda.data?.previousReviewId;
  return (
    <Paper withBorder p="md" radius="md" aria-label="Management review status">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={4}>Management review (9.3)</Title>
          <Text size="sm">
            {r.status === 'planned' ? `Planned for ${formatDate(r.date)}.` : r.status === 'held' ? `Held on ${formatDate(r.date)}.` : `Held on ${formatDate(r.date)} and closed.`}{' '}
            {agenda.data && (
              <>
                Period reviewed: {agenda.data.period.replace(/ \(since [^)]*\)$/, '')}
                {prev ? <>, since <Anchor component={Link} to={recordPath('review', prev)} size="sm">{agenda.data.previousRef}</Anchor></> : ''}.
              </>
            )}
          </Text>
          {r.status === 'planned' && agenda.data && (
            missing.length ? (
              <Text size="sm" c="orange.8">Still needed to mark it held: {missing.join(' ')}</Text>
            ) : (
              <Text size="sm" c="green.8">Ready to be marked held: the chair attends and every 9.3.2 input has minutes. Holding freezes the inputs as presented.</Text>
            )
          )}
          {r.status === 'held' && (
            <Text size="sm" c={chairMissing ? 'orange.8' : 'dimmed'}>
              {chairMissing
                ? `To close it: ${fieldMessage('Chair', chairMissing)}`
                : 'To close it, the chair signs it off and records the conclusion on the ISMS and the next review date. Decisions and minutes can change until then.'}
            </Text>
          )}
          {r.snapshot && (
            <Group gap={6} wrap="nowrap">
              <IconSnowflake size={14} color="var(--mantine-color-blue-7)" />
              <Text size="xs" c="dimmed">
                Inputs frozen as presented on {formatDate(r.snapshot.takenOn)}; SHA-256
              </Text>
              <Tooltip label={r.snapshot.sha256} multiline w={300}>
                <Code fz="xs" aria-label="SHA-256 of the frozen inputs">{shortHash(r.snapshot.sha256)}</Code>
              </Tooltip>
              <CopyButton value={r.snapshot.sha256}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
                )}
              </CopyButton>
            </Group>
          )}
        </Stack>
        <Group gap="xs" align="flex-end">
          <Tooltip label="The Reports page exports the management review pack: one sheet per 9.3.2 input, the minutes, decisions and actions" multiline w={280}>
            <Button component="a" href="#/reports" variant="default" leftSection={<IconFileSpreadsheet size={16} />}>Export the review pack</Button>
          </Tooltip>
          {r.status === 'planned' && (
            <>
              <TextInput type="date" label="Held on" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={160} />
              <Button
                color="green"
                leftSection={<IconCircleCheck size={16} />}
                loading={hold.isPending}
                onClick={() => hold.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Management review held', message: name }) })}
              >
                Mark held
              </Button>
            </>
          )}
          {r.status === 'held' && (
            <Button color="green" leftSection={<IconSignature size={16} />} onClick={() => setClosing(true)}>
              Close with sign-off
            </Button>
          )}
        </Group>
      </Group>
      {r.status === 'closed' && <ClosedSummary r={r} l={l} />}
      <Stack mt={hold.error || agenda.error ? 'sm' : 0}>
        <PanelError error={hold.error ?? agenda.error} />
      </Stack>
      {closing && <CloseReviewModal r={r} l={l} onClose={() => setClosing(false)} />}
    </Paper>
  );
}

const flagColour: Record<string, string> = { overdue: 'red', red: 'red', negative: 'red', high: 'red', amber: 'orange.8', changed: 'blue.8' };

function LiveLine({ line }: { line: AgendaLine }) {
  const c = flagColour[line.flag];
  const text = (
    <Text span size="xs" c={c} fw={c ? 600 : undefined}>
      {line.text}
    </Text>
  );
  return (
    <li>
      {line.kind && line.id ? <Anchor component={Link} to={recordPath(line.kind, line.id)} underline="hover" c="inherit">{text}</Anchor> : text}
    </li>
  );
}

/** AgendaPanel is the agenda as a table: each 9.3.2 input, its live data and its minutes. */
export function AgendaPanel({ record: r, lookups: l }: PanelProps<ReviewRow>) {
  const agenda = useAgenda(r.id);
  const [draft, setDraft] = useState<MinutesDraft>(() => draftOf(r));
  const dirty = unsavedMinutes(r, draft);
  // a saved or reloaded review starts the draft again from what is stored
  useEffect(() => setDraft(draftOf(r)), [r.id, r.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useAreaMutation(() => api.reviews.saveMinutes(r.id, r.version, minutesToSave(draft), draft.general));
  const closed = r.status === 'closed';
  const rows = agendaRows(r, agenda.data, (t) => l.enumLabel('reviewInputs', t));
  const changed = new Set(changedTopics(r, draft));
  const blank = withoutMinutes(draft).length;
  const set = (topic: string, v: string) => setDraft((d) => ({ ...d, items: { ...d.items, [topic]: v } }));

  return (
    <Paper withBorder p="md" radius="md" aria-label="Agenda">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={4}>Agenda: the 9.3.2 inputs</Title>
          <Text size="sm" c="dimmed">
            {r.snapshot
              ? `The data is as presented at the meeting, frozen on ${formatDate(r.snapshot.takenOn)} (${r.snapshot.period}): later changes to the records do not change it.`
              : `The live data is worked out from the records now${agenda.data?.since ? `, for the period since ${formatDate(agenda.data.since)}` : ''}; write what was discussed next to each input.`}
            {!closed && (blank ? ` ${blank} of ${rows.length} inputs have no minutes yet.` : ' Every input has minutes.')}
          </Text>
        </Stack>
        <Group gap="xs">
          {dirty && <Badge color="orange" variant="light" tt="none">Unsaved minutes</Badge>}
          <Tooltip label="The review is closed and signed off: its minutes are locked" disabled={!closed} multiline w={240}>
            <Button
              leftSection={closed ? <IconLock size={16} /> : <IconDeviceFloppy size={16} />}
              disabled={closed || !dirty}
              loading={save.isPending}
              onClick={() => save.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Minutes saved', message: `${r.ref} ${r.title}` }) })}
            >
              Save minutes
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <PanelError error={save.error ?? agenda.error} />
      <Table fz="sm" verticalSpacing="xs" withRowBorders aria-label="9.3.2 inputs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Input (9.3.2)</Table.Th>
            <Table.Th w="40%">{r.snapshot ? 'As presented (frozen)' : 'Live data'}</Table.Th>
            <Table.Th>Minutes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.topic} style={{ verticalAlign: 'top' }}>
              <Table.Td><Text size="sm" fw={600}>{row.name}</Text></Table.Td>
              <Table.Td>
                {row.presented && r.status !== 'planned' && !row.frozen && (
                  <Text size="xs" c="dimmed" mb={4}>Presented: {row.presented}</Text>
                )}
                {row.live ? (
                  <>
                    <Text size="sm">{row.live.summary}</Text>
                    {row.live.lines.length > 0 && (
                      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                        {row.live.lines.map((x, i) => <LiveLine key={`${x.id}-${i}`} line={x} />)}
                        {row.live.more > 0 && <li><Text span size="xs" c="dimmed">and {row.live.more} more</Text></li>}
                      </ul>
                    )}
                  </>
                ) : (
                  <Text size="sm" c="dimmed">{row.frozen ? 'Not presented' : agenda.isPending ? 'Gathering the live data…' : '—'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Textarea
                  aria-label={`Minutes of ${row.name}`}
                  autosize
                  minRows={2}
                  maxRows={10}
                  readOnly={closed}
                  placeholder={closed ? '' : 'What was presented, discussed and concluded'}
                  value={draft.items[row.topic] ?? ''}
                  onChange={(e) => set(row.topic, e.currentTarget.value)}
                  styles={changed.has(row.topic) ? { input: { borderColor: 'var(--mantine-color-orange-5)' } } : undefined}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        mt="sm"
        label="General minutes"
        autosize
        minRows={2}
        maxRows={10}
        readOnly={closed}
        value={draft.general}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setDraft((d) => ({ ...d, general: v }));
        }}
      />
    </Paper>
  );
}

/** DecisionsPanel lists the decisions (9.3.3) with their actions, with Add decision, Edit,
 * Remove and Mark done; the review's actions no longer under a decision are listed after. */
export function DecisionsPanel({ record: r, lookups: l }: PanelProps<ReviewRow>) {
  const actions = useActions();
  const byId = new Map((actions.data ?? []).map((a) => [a.id, a]));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [completing, setCompleting] = useState<Action | null>(null);
  const closed = r.status === 'closed';
  const now = today();
  const underDecision = new Set(r.decisions.flatMap((d) => d.actionIds));
  const loose = (actions.data ?? []).filter((a) => a.reviewId === r.id && !underDecision.has(a.id));
  const actsOf = (i: number) => r.decisions[i].actionIds.map((id) => byId.get(id)).filter((a): a is Action => !!a);
  return (
    <Paper withBorder p="md" radius="md" aria-label="Decisions">
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={4}>Decisions and actions (9.3.3)</Title>
          <Text size="sm" c="dimmed">Each decision can have an action with an owner and a due date; open actions are carried forward to the next review. Decisions can be edited and removed until the review is closed.</Text>
        </Stack>
        <Tooltip label="The review is closed and signed off: its decisions are locked" disabled={!closed} multiline w={240}>
          <Button leftSection={closed ? <IconLock size={16} /> : <IconPlus size={16} />} disabled={closed} onClick={() => setAdding(true)}>Add decision</Button>
        </Tooltip>
      </Group>
      <PanelError error={actions.error} />
      {r.decisions.length === 0 && loose.length === 0 ? (
        <Text size="sm" c="dimmed">No decision recorded yet.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>No.</Table.Th><Table.Th>Decision</Table.Th><Table.Th w={150}>Category</Table.Th><Table.Th>Action</Table.Th>
              <Table.Th w={130}>Owner</Table.Th><Table.Th w={96}>Due</Table.Th><Table.Th w={104}>Status</Table.Th><Table.Th w={96} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.decisions.flatMap((d, i) => {
              const acts = actsOf(i);
              const rows = acts.length ? acts : [null];
              return rows.map((a, j) => (
                <Table.Tr key={`${i}-${a?.id ?? ''}`} style={{ verticalAlign: 'top' }}>
                  <Table.Td>{j === 0 ? i + 1 : ''}</Table.Td>
                  <Table.Td>
                    {j === 0 && (
                      <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.text}</Text>
                        {!closed && (
                          <Group gap={0} wrap="nowrap">
                            <ActionIcon variant="subtle" size="sm" aria-label={`Edit decision ${i + 1}`} onClick={() => setEditing(i)}><IconPencil size={14} /></ActionIcon>
                            <ActionIcon variant="subtle" size="sm" color="red" aria-label={`Remove decision ${i + 1}`} onClick={() => setRemoving(i)}><IconTrash size={14} /></ActionIcon>
                          </Group>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{j === 0 ? l.enumLabel('decisionCategories', d.category) : ''}</Table.Td>
                  {a ? <ActionCells a={a} l={l} now={now} onDone={() => setCompleting(a)} /> : (
                    <Table.Td colSpan={5}>
                      <Text size="sm" c="dimmed">{d.actionIds.length === 0 ? 'No action' : actions.isPending ? 'Loading its action…' : 'Its action was deleted'}</Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ));
            })}
            {loose.map((a, j) => (
              <Table.Tr key={`loose-${a.id}`} style={{ verticalAlign: 'top' }}>
                <Table.Td />
                <Table.Td colSpan={2}>
                  {j === 0 && <Text size="sm" c="dimmed">Actions of this review whose decision was removed</Text>}
                </Table.Td>
                <ActionCells a={a} l={l} now={now} onDone={() => setCompleting(a)} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddDecisionModal r={r} onClose={() => setAdding(false)} />}
      {editing !== null && r.decisions[editing] && <EditDecisionModal r={r} index={editing} onClose={() => setEditing(null)} />}
      {removing !== null && r.decisions[removing] && <RemoveDecisionModal r={r} index={removing} actions={actsOf(removing)} onClose={() => setRemoving(null)} />}
      {completing && <CompleteActionModal a={completing} onClose={() => setCompleting(null)} />}
    </Paper>
  );
}

function EditDecisionModal({ r, index, onClose }: { r: ReviewRow; index: number; onClose: () => void }) {
  const d = r.decisions[index];
  const [text, setText] = useState(d.text);
  const [category, setCategory] = useState(d.category);
  const save = useAreaMutation(() => api.reviews.updateDecision(r.id, r.version, index, text, category));
  return (
    <Modal opened onClose={onClose} title={`Edit decision ${index + 1} of ${r.ref}`} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        <Textarea label="What was decided" data-autofocus autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <EnumSelect label="Category" enumName="decisionCategories" clearable value={category} onChange={setCategory} />
        <Text size="xs" c="dimmed">Its actions stay as they are; change them under Actions.</Text>
        <PanelError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={save.isPending} onClick={() => save.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Decision saved', message: text }); } })}>
            Save decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RemoveDecisionModal({ r, index, actions, onClose }: { r: ReviewRow; index: number; actions: Action[]; onClose: () => void }) {
  const d = r.decisions[index];
  const block = decisionBlock(actions);
  const remove = useAreaMutation(() => api.reviews.removeDecision(r.id, r.version, index));
  return (
    <Modal opened onClose={onClose} title={`Remove decision ${index + 1} of ${r.ref}?`} closeOnClickOutside={false}>
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.text}</Text>
        {block ? (
          <Text size="sm" c="orange.8">{block}</Text>
        ) : actions.length > 0 ? (
          <Text size="sm">
            Its {actions.length === 1 ? 'action' : 'actions'} {actions.map((a) => a.ref).join(', ')} {actions.length === 1 ? 'is' : 'are'} kept as {actions.length === 1 ? 'an action' : 'actions'} of this review, no longer under a decision;
            open ones are still carried forward to the next review. Cancel or delete them under Actions if they are no longer needed.
          </Text>
        ) : (
          <Text size="sm">The decision has no action.</Text>
        )}
        <PanelError error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" disabled={!!block} loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Decision removed', message: d.text }); } })}>
            Remove decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ActionCells({ a, l, now, onDone }: { a: Action; l: Lookups; now: string; onDone: () => void }) {
  const late = actionOverdue(a, now);
  return (
    <>
      <Table.Td><Anchor component={Link} to={recordPath('action', a.id)} size="sm" fw={600}>{a.ref}</Anchor> {a.title}</Table.Td>
      <Table.Td>{l.person(a.ownerId)}</Table.Td>
      <Table.Td><Text size="sm" c={late ? 'red' : undefined} fw={late ? 600 : undefined}>{formatDate(a.dueDate)}</Text></Table.Td>
      <Table.Td>{late ? <Badge color="red" variant="light" tt="none">Overdue</Badge> : <StatusBadge status={a.status} label={l.enumLabel('actionStatuses', a.status)} />}</Table.Td>
      <Table.Td>
        {finished(a) ? (
          <Text size="xs" c="dimmed">{a.status === 'done' ? `done ${formatDate(a.completedOn)}` : ''}</Text>
        ) : (
          <Button size="compact-xs" variant="light" leftSection={<IconCircleCheck size={14} />} onClick={onDone}>Mark done</Button>
        )}
      </Table.Td>
    </>
  );
}

function AddDecisionModal({ r, onClose }: { r: ReviewRow; onClose: () => void }) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [actionTitle, setTitle] = useState('');
  const [actionOwnerId, setOwner] = useState('');
  const [actionDue, setDue] = useState('');
  const add = useAreaMutation(() => api.reviews.addDecision(r.id, r.version, { text, category, actionTitle, actionOwnerId, actionDue }));
  return (
    <Modal opened onClose={onClose} title={`Add a decision to ${r.ref}`} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        <Textarea label="What was decided" data-autofocus autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <EnumSelect label="Category" enumName="decisionCategories" clearable value={category} onChange={setCategory} />
        <Text size="sm" fw={600} mt="xs">Action (optional)</Text>
        <TextInput label="What is to be done" description="Leave blank for a decision without an action" value={actionTitle} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group grow align="flex-start">
          <PersonPicker label="Owner" value={actionOwnerId} onChange={setOwner} />
          <TextInput type="date" label="Due date" value={actionDue} onChange={(e) => setDue(e.currentTarget.value)} />
        </Group>
        <Text size="xs" c="dimmed">The action gets the next free reference (ACT-nnn) and is listed under Actions too; the decision and its action are saved together.</Text>
        <PanelError error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={add.isPending} onClick={() => add.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Decision added', message: text }); } })}>
            Add decision
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

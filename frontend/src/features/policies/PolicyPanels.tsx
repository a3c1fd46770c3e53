// The policy's workflow on its page: the current version with its actions (edit the draft,
// submit, approve or reject, publish, retire, start a new version), the versions with their
// approvals, a comparison of two versions, acknowledgements and periodic reviews.
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Code, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api, type Policy, type PolicyVersion } from '../../lib/api';
import { today } from '../../components/record/columns';
import type { Lookups, PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { PersonPicker } from '../../components/record/pickers';
import { optionsOf, useAreaMutation, useChoices, useEnums } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { Markdown } from './Markdown';
import { VersionDiff } from './VersionDiff';

type Step = 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'publish' | 'retire' | 'newVersion' | null;

/** actionsFor mirrors the workflow of isms.Policy: what may be done with the current version. */
export function actionsFor(status: string | undefined): Exclude<Step, null>[] {
  switch (status) {
    case 'draft':
      return ['edit', 'submit'];
    case 'in_review':
      return ['approve', 'reject', 'withdraw'];
    case 'rejected':
      return ['newVersion'];
    case 'approved':
      return ['publish', 'retire', 'newVersion'];
    case 'published':
      return ['newVersion', 'retire'];
    default:
      return ['newVersion'];
  }
}

const stepLabel: Record<Exclude<Step, null>, string> = {
  edit: 'Edit text',
  submit: 'Submit for approval',
  withdraw: 'Withdraw',
  approve: 'Approve',
  reject: 'Reject',
  publish: 'Publish',
  retire: 'Retire',
  newVersion: 'Start new version',
};

function Done({ title, message }: { title: string; message: string }) {
  notifications.show({ color: 'green', title, message });
  return null;
}

/** CurrentVersionPanel shows the current version's text and its workflow actions. */
export function CurrentVersionPanel({ record: p, lookups: l }: PanelProps<Policy>) {
  const cur = p.versions[p.versions.length - 1];
  const [step, setStep] = useState<Step>(null);
  const name = `${p.ref} ${p.title}`;
  const done = (title: string) => {
    setStep(null);
    Done({ title, message: name });
  };
  const submit = useAreaMutation(() => api.policies.submit(p.id, p.version));
  const withdraw = useAreaMutation(() => api.policies.withdraw(p.id, p.version));
  const retire = useAreaMutation(() => api.policies.retire(p.id, p.version));
  const error = submit.error ?? withdraw.error ?? retire.error;
  const run = (s: Exclude<Step, null>) => {
    if (s === 'submit') submit.mutate(undefined, { onSuccess: () => done('Sent for approval') });
    else if (s === 'withdraw') withdraw.mutate(undefined, { onSuccess: () => done('Taken back to draft') });
    else if (s === 'retire') retire.mutate(undefined, { onSuccess: () => done('Policy retired') });
    else setStep(s);
  };
  const locked = cur && ['approved', 'published', 'retired'].includes(cur.status);
  return (
    <Paper withBorder p="md" radius="md" aria-label="Current version">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={4}>{cur ? `Version ${cur.number}` : 'No version yet'}</Title>
            {cur && <StatusBadge status={cur.status} label={l.enumLabel('policyStatuses', cur.status)} />}
            {locked && <Badge variant="outline" color="gray" leftSection={<IconLock size={12} />} tt="none">Locked</Badge>}
          </Group>
          {cur && (
            <Text size="xs" c="dimmed">
              {cur.summary ? `${cur.summary} · ` : ''}started {formatDate(cur.createdOn)}{cur.authorId ? ` by ${l.person(cur.authorId)}` : ''}
              {cur.publishedOn ? ` · published ${formatDate(cur.publishedOn)}` : ''}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {actionsFor(cur?.status).map((s) => (
            <Button
              key={s}
              size="sm"
              variant={s === 'reject' || s === 'retire' || s === 'withdraw' ? 'default' : s === 'newVersion' && cur?.status !== 'rejected' ? 'light' : 'filled'}
              color={s === 'reject' ? 'red' : undefined}
              loading={(s === 'submit' && submit.isPending) || (s === 'withdraw' && withdraw.isPending) || (s === 'retire' && retire.isPending)}
              onClick={() => run(s)}
            >
              {stepLabel[s]}
            </Button>
          ))}
        </Group>
      </Group>
      <PanelError error={error} />
      {cur?.status === 'rejected' && (
        <Alert color="red" variant="light" mb="sm" title="Rejected">
          {(() => {
            const r = [...cur.approvals].reverse().find((a) => a.decision === 'rejected');
            return r ? `${l.person(r.approverId)} on ${formatDate(r.at)}: “${r.comment}”. Start a new version to revise it.` : 'Start a new version to revise it.';
          })()}
        </Alert>
      )}
      {locked && (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />} mb="sm">
          Version {cur?.number} is {l.enumLabel('policyStatuses', cur?.status ?? '').toLowerCase()} and cannot change: to revise the text, start a new version.
        </Alert>
      )}
      <Paper withBorder p="sm" radius="sm" bg="var(--app-muted)" style={{ maxHeight: 460, overflow: 'auto' }}>
        {cur?.text ? <Markdown text={cur.text} /> : <Text size="sm" c="dimmed">No text yet. {cur?.status === 'draft' ? 'Use Edit text to write it.' : ''}</Text>}
      </Paper>
      {step === 'edit' && cur && <DraftModal p={p} cur={cur} onClose={() => setStep(null)} onDone={() => done('Draft saved')} />}
      {step === 'newVersion' && <NewVersionModal p={p} onClose={() => setStep(null)} onDone={() => done('New draft version started')} />}
      {(step === 'approve' || step === 'reject') && <DecisionModal p={p} reject={step === 'reject'} onClose={() => setStep(null)} onDone={() => done(step === 'reject' ? 'Version rejected' : 'Version approved')} />}
      {step === 'publish' && <PublishModal p={p} onClose={() => setStep(null)} onDone={() => done('Policy published')} />}
    </Paper>
  );
}

function ModalFrame({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">{children}</Stack>
    </Modal>
  );
}

function Footer({ onClose, onOk, ok, loading, color }: { onClose: () => void; onOk: () => void; ok: string; loading: boolean; color?: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>Cancel</Button>
      <Button color={color} loading={loading} onClick={onOk}>{ok}</Button>
    </Group>
  );
}

function DraftModal({ p, cur, onClose, onDone }: { p: Policy; cur: PolicyVersion; onClose: () => void; onDone: () => void }) {
  const [number, setNumber] = useState(cur.number);
  const [summary, setSummary] = useState(cur.summary);
  const [text, setText] = useState(cur.text);
  const save = useAreaMutation(() => api.policies.saveDraft(p.id, p.version, { number, summary, text }));
  return (
    <ModalFrame title={`Edit the draft of ${p.ref}`} onClose={onClose}>
      <Group grow>
        <TextInput label="Version" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <TextInput label="What changed" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      </Group>
      <Textarea label="Text (Markdown)" autosize minRows={12} maxRows={22} value={text} onChange={(e) => setText(e.currentTarget.value)} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }} />
      <PanelError error={save.error} />
      <Footer onClose={onClose} ok="Save draft" loading={save.isPending} onOk={() => save.mutate(undefined, { onSuccess: onDone })} />
    </ModalFrame>
  );
}

function NewVersionModal({ p, onClose, onDone }: { p: Policy; onClose: () => void; onDone: () => void }) {
  const [number, setNumber] = useState('');
  const [summary, setSummary] = useState('');
  const start = useAreaMutation(() => api.policies.newVersion(p.id, p.version, { number, summary, text: '' }));
  return (
    <ModalFrame title="Start a new version" onClose={onClose}>
      <Text size="sm">The new draft starts from the current text; the earlier versions stay as they are.</Text>
      <Group grow>
        <TextInput label="Version" placeholder="Next number, e.g. 1.1" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
        <TextInput label="What will change" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      </Group>
      <PanelError error={start.error} />
      <Footer onClose={onClose} ok="Start new version" loading={start.isPending} onOk={() => start.mutate(undefined, { onSuccess: onDone })} />
    </ModalFrame>
  );
}

function DecisionModal({ p, reject, onClose, onDone }: { p: Policy; reject: boolean; onClose: () => void; onDone: () => void }) {
  const enums = useEnums();
  const [approverId, setApprover] = useState(p.approverId);
  const [at, setAt] = useState(today());
  const [method, setMethod] = useState<string | null>('app');
  const [comment, setComment] = useState('');
  const decide = useAreaMutation(() => {
    const d = { approverId, at, method: method ?? '', comment, role: '' };
    return reject ? api.policies.reject(p.id, p.version, d) : api.policies.approve(p.id, p.version, d);
  });
  return (
    <ModalFrame title={reject ? 'Reject this version' : 'Approve this version'} onClose={onClose}>
      <PersonPicker label={reject ? 'Rejected by' : 'Approved by'} description={p.approverId ? 'The policy’s approver' : 'Not the author of the version'} value={approverId} onChange={setApprover} />
      <Group grow>
        <TextInput type="date" label="On" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
        <Select label="How" data={optionsOf(enums.data, 'approvalMethods')} value={method} onChange={setMethod} allowDeselect={false} />
      </Group>
      <Textarea label={reject ? 'Why it is rejected (required)' : 'Comment'} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      {!reject && <Text size="xs" c="dimmed">The approval records the SHA-256 of the approved text; the version is then locked.</Text>}
      <PanelError error={decide.error} />
      <Footer onClose={onClose} ok={reject ? 'Reject' : 'Approve'} color={reject ? 'red' : undefined} loading={decide.isPending} onOk={() => decide.mutate(undefined, { onSuccess: onDone })} />
    </ModalFrame>
  );
}

function PublishModal({ p, onClose, onDone }: { p: Policy; onClose: () => void; onDone: () => void }) {
  const [on, setOn] = useState(today());
  const publish = useAreaMutation(() => api.policies.publish(p.id, p.version, on));
  return (
    <ModalFrame title="Publish the approved version" onClose={onClose}>
      <Text size="sm">Publishing makes this version the one in force; a version published before it is retired.</Text>
      <TextInput type="date" label="Published on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
      <PanelError error={publish.error} />
      <Footer onClose={onClose} ok="Publish" loading={publish.isPending} onOk={() => publish.mutate(undefined, { onSuccess: onDone })} />
    </ModalFrame>
  );
}

/** VersionsPanel lists every version with its approvals, compares two, and keeps the
 * acknowledgements and the periodic reviews. */
export function VersionsPanel({ record: p, lookups: l }: PanelProps<Policy>) {
  return (
    <Paper withBorder p="md" radius="md">
      <Tabs defaultValue="versions" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="versions">Versions and approvals</Tabs.Tab>
          <Tabs.Tab value="compare" disabled={p.versions.length < 2}>Compare versions</Tabs.Tab>
          <Tabs.Tab value="acks">Acknowledgements</Tabs.Tab>
          <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="versions"><VersionTable p={p} l={l} /></Tabs.Panel>
        <Tabs.Panel value="compare"><VersionDiff versions={p.versions} /></Tabs.Panel>
        <Tabs.Panel value="acks"><Acknowledgements p={p} l={l} /></Tabs.Panel>
        <Tabs.Panel value="reviews"><Reviews p={p} l={l} /></Tabs.Panel>
      </Tabs>
    </Paper>
  );
}

function VersionTable({ p, l }: { p: Policy; l: Lookups }) {
  const rows = [...p.versions].reverse();
  return (
    <Table fz="sm" verticalSpacing={4} aria-label="Versions">
      <Table.Thead>
        <Table.Tr><Table.Th w={70}>Version</Table.Th><Table.Th w={110}>Status</Table.Th><Table.Th>What changed</Table.Th><Table.Th w={150}>Author</Table.Th><Table.Th>Approvals</Table.Th><Table.Th w={100}>Published</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((v) => (
          <Table.Tr key={v.number}>
            <Table.Td fw={600}>{v.number}</Table.Td>
            <Table.Td><StatusBadge status={v.status} label={l.enumLabel('policyStatuses', v.status)} /></Table.Td>
            <Table.Td>{v.summary}</Table.Td>
            <Table.Td>{l.person(v.authorId)}</Table.Td>
            <Table.Td>
              {v.approvals.length === 0 ? <Text size="xs" c="dimmed">None</Text> : v.approvals.map((a, i) => (
                <Text key={i} size="xs">
                  <b>{a.decision === 'approved' ? 'Approved' : 'Rejected'}</b> by {l.person(a.approverId)}{a.role ? ` (${a.role})` : ''} on {formatDate(a.at)}
                  {a.method ? ` (${l.enumLabel('approvalMethods', a.method)})` : ''}{a.comment ? `: “${a.comment}”` : ''}
                  {a.textSha256 && <> · SHA-256 <Code fz={10} title={a.textSha256}>{a.textSha256.slice(0, 12)}…</Code></>}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{formatDate(v.publishedOn)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Acknowledgements({ p, l }: { p: Policy; l: Lookups }) {
  const people = useChoices('person');
  const published = [...p.versions].reverse().find((v) => v.status === 'published');
  const [who, setWho] = useState<string[]>([]);
  const [on, setOn] = useState(today());
  const ack = useAreaMutation(() => api.policies.acknowledge(p.id, p.version, who, on));
  if (!published) return <Text size="sm" c="dimmed">Acknowledgements are recorded for the published version; publish the policy first.</Text>;
  const acked = new Map(published.acknowledgements.map((a) => [a.personId, a.on]));
  const missing = (people.data ?? []).filter((o) => !acked.has(o.value));
  return (
    <Stack gap="sm">
      <Text size="sm">
        Version {published.number}: {acked.size} acknowledged, {missing.length} of the active people not yet.
      </Text>
      <Group align="flex-end">
        <MultiSelect label="Record that these people acknowledged it" data={missing} value={who} onChange={setWho} searchable clearable style={{ flex: 1 }} placeholder="Choose people" />
        <TextInput type="date" label="On" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={150} />
        <Button variant="light" onClick={() => setWho(missing.map((m) => m.value))} disabled={missing.length === 0}>Everyone missing</Button>
        <Button variant="default" component={Link} to="/import?kind=acknowledgements">Import a list</Button>
        <Button loading={ack.isPending} disabled={who.length === 0} onClick={() => ack.mutate(undefined, { onSuccess: () => { setWho([]); notifications.show({ color: 'green', title: 'Acknowledgements recorded', message: who.length === 1 ? '1 person' : `${who.length} people` }); } })}>
          Record
        </Button>
      </Group>
      <PanelError error={ack.error} />
      <Table fz="sm" verticalSpacing={3} aria-label="Acknowledgements">
        <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th w={160}>Acknowledged</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {published.acknowledgements.map((a) => (
            <Table.Tr key={a.personId}><Table.Td>{l.person(a.personId)}</Table.Td><Table.Td>{formatDate(a.on)}</Table.Td></Table.Tr>
          ))}
          {missing.map((m) => (
            <Table.Tr key={m.value}><Table.Td>{m.label}</Table.Td><Table.Td><Text size="sm" c="orange">Not yet</Text></Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Reviews({ p, l }: { p: Policy; l: Lookups }) {
  const enums = useEnums();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(today());
  const [reviewerId, setReviewer] = useState(p.ownerId);
  const [outcome, setOutcome] = useState<string | null>('no_change');
  const [note, setNote] = useState('');
  const review = useAreaMutation(() => api.policies.review(p.id, p.version, { on, reviewerId, outcome: outcome ?? '', note }));
  const overdue = p.status !== 'retired' && !!p.nextReviewDate && p.nextReviewDate < today();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c={overdue ? 'red' : undefined}>
          Review every {p.reviewCycleMonths || 12} months · last reviewed {formatDate(p.lastReviewed) || 'never'} · next review{' '}
          {formatDate(p.nextReviewDate) || 'not set'}{overdue ? ' (overdue)' : ''}
        </Text>
        <Button size="sm" onClick={() => setOpen(true)}>Record a review</Button>
      </Group>
      <Table fz="sm" verticalSpacing={3} aria-label="Reviews">
        <Table.Thead><Table.Tr><Table.Th w={110}>On</Table.Th><Table.Th w={170}>Reviewer</Table.Th><Table.Th w={220}>Outcome</Table.Th><Table.Th>Note</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {p.reviews.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed">No review recorded yet.</Text></Table.Td></Table.Tr>}
          {[...p.reviews].reverse().map((r, i) => (
            <Table.Tr key={i}><Table.Td>{formatDate(r.on)}</Table.Td><Table.Td>{l.person(r.reviewerId)}</Table.Td><Table.Td>{l.enumLabel('reviewOutcomes', r.outcome)}</Table.Td><Table.Td>{r.note}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && (
        <ModalFrame title="Record a review of the policy" onClose={() => setOpen(false)}>
          <Group grow>
            <TextInput type="date" label="Reviewed on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
            <PersonPicker label="Reviewer" value={reviewerId} onChange={setReviewer} />
          </Group>
          <Select label="Outcome" data={optionsOf(enums.data, 'reviewOutcomes')} value={outcome} onChange={setOutcome} allowDeselect={false} />
          <Textarea label="Note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Text size="xs" c="dimmed">The next review date moves on by the review cycle. “New version started” also starts a draft from the current text.</Text>
          <PanelError error={review.error} />
          <Footer onClose={() => setOpen(false)} ok="Record review" loading={review.isPending} onOk={() => review.mutate(undefined, { onSuccess: () => { setOpen(false); notifications.show({ color: 'green', title: 'Review recorded', message: `${p.ref} ${p.title}` }); } })} />
        </ModalFrame>
      )}
    </Stack>
  );
}

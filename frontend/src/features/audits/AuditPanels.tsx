// The internal audit on its page (9.2): Start, Report (with its conclusion), Close (who
// closes it), Cancel and Reopen, with what is still missing; the auditor's conflicts of
// interest; the checklist as an editable table (clause or control with its title from the
// standard, or the officer's own question; question, result, evidence notes) with "Propose
// from the scope" and "Save checklist"; and the audit's findings with "Record finding" and
// "Raise nonconformity". Go decides every step; its refusals are shown in words.
import { forwardRef, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertOctagon, IconAlertTriangle, IconArrowBackUp, IconBan, IconChevronRight, IconDeviceFloppy, IconFileCheck, IconLock, IconPlayerPlay, IconPlus, IconSparkles, IconTrash,
} from '@tabler/icons-react';
import { api, normaliseError, type Audit, type ChecklistItem, type Finding, type Option } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { formatDate } from '../../lib/format';
import { unsaved, type FieldInputProps, type Lookups, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { EnumSelect, PersonPicker } from '../../components/record/pickers';
import { today } from '../../components/record/columns';
import { kitKeys, optionsOf, useAreaMutation, useChoices, useEnums } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { closeMissing, itemRef, itemTitle, needsFinding, refOptions, refTitle, reportMissing, resultsSummary, severityOf, titlesOf, type Titles } from './results';

/** useTitles gives the standard's titles of clauses (Go's "clauses" enum) and controls. */
export function useTitles(): Titles {
  const enums = useEnums();
  const controls = useChoices('control');
  return useMemo(() => titlesOf(enums.data?.clauses, controls.data), [enums.data, controls.data]);
}

/** useFindings lists the findings of an audit. */
export function useAuditFindings(auditId: string) {
  const q = useQuery({ queryKey: kitKeys.list('findings'), queryFn: api.findings.list });
  return { findings: (q.data ?? []).filter((f) => f.auditId === auditId), error: q.error };
}

/** RefSelect picks a clause or control reference; a reference of other text is kept. */
export const RefSelect = forwardRef<HTMLInputElement, { value: string; onChange: (v: string) => void; label?: string; description?: string; error?: string; disabled?: boolean; onBlur?: () => void; 'aria-label'?: string }>(
  function RefSelect({ value, onChange, ...rest }, ref) {
    const titles = useTitles();
    const data = useMemo(() => {
      const opts: Option[] = refOptions(titles);
      const v = itemRef(value);
      return v && !opts.some((o) => o.value === v) ? [{ value: v, label: v }, ...opts] : opts;
    }, [titles, value]);
    return (
      <Select
        ref={ref}
        {...rest}
        data={data}
        value={itemRef(value) || null}
        onChange={(v) => onChange(v ?? '')}
        placeholder="7.2 or A.5.15"
        searchable
        clearable
        limit={60}
        nothingFoundMessage="No such clause or control"
        comboboxProps={{ withinPortal: true }}
      />
    );
  },
);

/** RefInput is RefSelect as a form field of the record kit. */
export function RefInput({ value, onChange, ...rest }: FieldInputProps) {
  return <RefSelect {...rest} value={(value as string) ?? ''} onChange={onChange} />;
}

/** The workflow's steps, as the status line above the checklist shows them. */
const steps = [
  { status: 'planned', label: 'Planned' },
  { status: 'in_progress', label: 'In progress' },
  { status: 'completed', label: 'Reported' },
  { status: 'closed', label: 'Closed' },
];

/** AuditPanel walks the audit through planned, in progress, reported and closed (or
 * cancelled), one explicit action per move. */
export function AuditPanel({ record: a, lookups: l }: PanelProps<Audit>) {
  const { findings, error: findingsError } = useAuditFindings(a.id);
  const conflicts = useQuery({ queryKey: ['area', 'audits', 'conflicts', a.id, a.version], queryFn: () => api.audits.conflicts(a.id) });
  const start = useAreaMutation(() => api.audits.start(a.id, a.version));
  const reopen = useAreaMutation(() => api.audits.reopen(a.id, a.version));
  const [dialog, setDialog] = useState<'report' | 'close' | 'cancel' | null>(null);
  const name = `${a.ref} ${a.title}`;
  const missing = reportMissing(a.checklist, findings);
  const unraised = closeMissing(findings);
  const owned = conflicts.data ?? [];
  const at = steps.findIndex((s) => s.status === a.status);

  const about = (() => {
    switch (a.status) {
      case 'planned':
        return 'Planned: prepare the checklist (propose it from the scope, add your own questions), then start the audit.';
      case 'in_progress':
        return missing.length ? `In progress: still needs ${sentence(missing)} before it is reported.` : 'In progress: every item is assessed and every nonconformity has its finding; ready to report with a conclusion.';
      case 'completed':
        return `Reported${a.reportDate ? ` on ${formatDate(a.reportDate)}` : ''}${a.checklist.length ? `: ${resultsSummary(a.checklist)}` : ''}. ${unraised.length ? `Before it is closed, raise the nonconformity of ${sentence(unraised)}.` : 'Every nonconformity found is raised; ready to close.'}`;
      case 'closed':
        return `Closed${a.closedOn ? ` on ${formatDate(a.closedOn)}` : ''}${a.closedById ? ` by ${l.person(a.closedById)}` : ''}${a.checklist.length ? `: ${resultsSummary(a.checklist)}` : ''}.`;
      default:
        return 'Cancelled: it is not part of the audit programme any more. Reopen it to plan it again.';
    }
  })();

  return (
    <Paper withBorder p="md" radius="md" aria-label="Internal audit">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={4}>Internal audit (9.2)</Title>
            {a.status === 'cancelled' ? (
              <Badge color="gray" variant="light" tt="none">Cancelled</Badge>
            ) : (
              <Group gap={4} aria-label="Audit steps">
                {steps.map((s, i) => (
                  <Group key={s.status} gap={4} wrap="nowrap">
                    {i > 0 && <IconChevronRight size={12} color="var(--mantine-color-dimmed)" />}
                    <Badge size="sm" tt="none" variant={i === at ? 'filled' : 'light'} color={i < at ? 'green' : i === at ? 'blue' : 'gray'}>{s.label}</Badge>
                  </Group>
                ))}
              </Group>
            )}
          </Group>
          <Text size="sm" c="dimmed">{about}</Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {a.status === 'planned' && (
            <Button leftSection={<IconPlayerPlay size={16} />} loading={start.isPending}
              onClick={() => start.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Audit started', message: name }) })}>
              Start
            </Button>
          )}
          {a.status === 'in_progress' && (
            <Button color="green" leftSection={<IconFileCheck size={16} />} onClick={() => setDialog('report')}>Report</Button>
          )}
          {a.status === 'completed' && (
            <Button color="green" leftSection={<IconLock size={16} />} onClick={() => setDialog('close')}>Close audit</Button>
          )}
          {(a.status === 'completed' || a.status === 'cancelled') && (
            <Tooltip label={a.status === 'completed' ? 'Back to in progress to correct the checklist; the report date is cleared' : 'Plan it again'} withArrow>
              <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={reopen.isPending}
                onClick={() => reopen.mutate(undefined, { onSuccess: (r) => notifications.show({ color: 'green', title: r.status === 'planned' ? 'Audit planned again' : 'Audit reopened', message: name }) })}>
                Reopen
              </Button>
            </Tooltip>
          )}
          {(a.status === 'planned' || a.status === 'in_progress') && (
            <Button variant="default" color="red" leftSection={<IconBan size={16} />} onClick={() => setDialog('cancel')}>Cancel audit</Button>
          )}
        </Group>
      </Group>
      {owned.length > 0 && (a.status === 'planned' || a.status === 'in_progress') && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="The auditor owns what this audit covers" mb="sm">
          <Text size="sm">{l.person(a.auditorId)} owns: {owned.join('; ')}.</Text>
          <Text size="sm" mt={4}>
            Auditors do not audit their own work (9.2.2). {a.independence.trim()
              ? `Independence note: “${a.independence.trim()}”`
              : 'Choose another auditor, or say in the independence note (Edit) how objectivity and impartiality are ensured: the audit cannot start or be reported without it.'}
          </Text>
        </Alert>
      )}
      <PanelError error={start.error ?? reopen.error ?? findingsError} />
      <Stack gap="md" mt="sm">
        <ChecklistTable key={`${a.id}/${a.version}`} audit={a} findings={findings} />
        <FindingsSection audit={a} findings={findings} l={l} />
      </Stack>
      {dialog === 'report' && <ReportModal audit={a} missing={missing} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseModal audit={a} unraised={unraised} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelModal audit={a} findings={findings.length} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

/** ReportModal reports the audit with its conclusion; the report date becomes today. */
function ReportModal({ audit: a, missing, onClose }: { audit: Audit; missing: string[]; onClose: () => void }) {
  const [conclusion, setConclusion] = useState(a.conclusion);
  const report = useAreaMutation(() => api.audits.complete(a.id, a.version, conclusion));
  const fields = report.error ? normaliseError(report.error).fields : {};
  return (
    <Modal opened onClose={onClose} title={`Report ${a.ref} ${a.title}`} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        {missing.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>The checklist still needs {sentence(missing)}: the audit cannot be reported yet.</Alert>
        )}
        <Textarea label="Conclusion" data-autofocus autosize minRows={4} maxRows={10} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)}
          description="What the audit concludes on the conformity and effectiveness of what it covered; the report states it"
          error={fields.conclusion} />
        <Text size="xs" c="dimmed">The report date becomes today ({formatDate(today())}); the end date too, unless an earlier one was recorded.</Text>
        <PanelError error={report.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Back</Button>
          <Button color="green" loading={report.isPending}
            onClick={() => report.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Audit reported', message: `${a.ref} ${a.title}` }); } })}>
            Report
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** CloseModal closes a reported audit, recording who closes it; today is the closing date. */
function CloseModal({ audit: a, unraised, onClose }: { audit: Audit; unraised: string[]; onClose: () => void }) {
  const [by, setBy] = useState('');
  const close = useAreaMutation(() => api.audits.close(a.id, a.version, by));
  const fields = close.error ? normaliseError(close.error).fields : {};
  return (
    <Modal opened onClose={onClose} title={`Close ${a.ref} ${a.title}`} size="md" closeOnClickOutside={false}>
      <Stack gap="sm">
        {unraised.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>Raise the nonconformity of {sentence(unraised)} first: an audit closes once every nonconformity it found is raised.</Alert>
        )}
        <PersonPicker label="Closed by" value={by} onChange={setBy} error={fields.closedById} />
        <Text size="xs" c="dimmed">It is closed today ({formatDate(today())}). A closed audit keeps its checklist and takes no new findings.</Text>
        <PanelError error={close.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Back</Button>
          <Button color="green" loading={close.isPending}
            onClick={() => close.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Audit closed', message: `${a.ref} ${a.title}` }); } })}>
            Close audit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** CancelModal confirms cancelling a planned audit or one in progress. */
function CancelModal({ audit: a, findings, onClose }: { audit: Audit; findings: number; onClose: () => void }) {
  const cancel = useAreaMutation(() => api.audits.cancel(a.id, a.version));
  return (
    <Modal opened onClose={onClose} title={`Cancel ${a.ref} ${a.title}?`} size="md">
      <Stack gap="sm">
        <Text size="sm">
          {findings > 0
            ? `It has ${findings === 1 ? 'a finding' : `${findings} findings`}: an audit that found something is reported, not cancelled.`
            : 'It leaves the audit programme: what it would have covered shows as a gap again. You can reopen it later.'}
        </Text>
        <PanelError error={cancel.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep it</Button>
          <Button color="red" loading={cancel.isPending}
            onClick={() => cancel.mutate(undefined, { onSuccess: () => { onClose(); notifications.show({ color: 'green', title: 'Audit cancelled', message: `${a.ref} ${a.title}` }); } })}>
            Cancel audit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function sentence(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

type Row = ChecklistItem & { key: number };

let nextKey = 1;
const withKey = (c: ChecklistItem): Row => ({ ...c, key: nextKey++ });
const plain = (rows: Row[]): ChecklistItem[] => rows.map(({ ref, title, question, result, evidence }) => ({ ref, title, question, result, evidence }));

/** rowErrors reads Go's "checklist[2].result" field errors by row and column. */
function rowErrors(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!error) return out;
  for (const [k, m] of Object.entries(normaliseError(error).fields)) {
    const x = /^checklist\[(\d+)\]\.(\w+)$/.exec(k);
    if (x) out.set(`${x[1]}.${x[2]}`, m);
  }
  return out;
}

/** ChecklistTable edits the checklist as a table; it is remade at each saved version. Each
 * item is titled by what it is: a clause with the clause's title, a control with the
 * control's, the officer's own questions as such. */
function ChecklistTable({ audit: a, findings }: { audit: Audit; findings: Finding[] }) {
  const titles = useTitles();
  const enums = useEnums();
  const [rows, setRows] = useState<Row[]>(() => a.checklist.map(withKey));
  const [finding, setFinding] = useState<ChecklistItem | null>(null);
  const save = useAreaMutation(() => api.audits.saveChecklist(a.id, a.version, plain(rows)));
  const propose = useAreaMutation(() => api.audits.checklistFromScope(a.id, a.version));
  const locked = a.status === 'completed' || a.status === 'closed' || a.status === 'cancelled';
  const planned = a.status === 'planned';
  const dirty = JSON.stringify(plain(rows)) !== JSON.stringify(plain(a.checklist.map(withKey)));
  const errors = rowErrors(save.error);
  const set = (key: number, patch: Partial<ChecklistItem>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const resultOptions = optionsOf(enums.data, 'checklistResults');
  const summary = resultsSummary(rows);
  const settled = { completed: 'reported: its checklist is kept. Reopen it to correct the checklist.', closed: 'closed: its checklist is kept.', cancelled: 'cancelled: its checklist is kept.' }[a.status as 'completed' | 'closed' | 'cancelled'];

  return (
    <Paper withBorder p="sm" radius="sm" aria-label="Audit checklist">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={650}>Checklist</Text>
          {summary && <Text size="sm" c="dimmed">{summary}</Text>}
        </Group>
        {!locked && (
          <Group gap="xs">
            <Tooltip label="Save or discard your changes first" disabled={!dirty}>
              <Button size="xs" variant="light" leftSection={<IconSparkles size={14} />} disabled={dirty} loading={propose.isPending}
                onClick={() => propose.mutate(undefined, {
                  onSuccess: (r) => notifications.show({ color: 'green', title: 'Checklist proposed from the scope', message: `${r.checklist.length - a.checklist.length} questions added` }),
                })}>
                Propose from the scope
              </Button>
            </Tooltip>
            {dirty && <Button size="xs" variant="default" onClick={() => { save.reset(); setRows(a.checklist.map(withKey)); }}>Discard changes</Button>}
            <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty} loading={save.isPending}
              onClick={() => save.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Checklist saved', message: `${a.ref} ${a.title}` }) })}>
              Save checklist
            </Button>
          </Group>
        )}
      </Group>
      {settled && <Text size="xs" c="dimmed" mb="xs">The audit is {settled}</Text>}
      {planned && <Text size="xs" c="dimmed" mb="xs">Results are recorded once the audit has started.</Text>}
      <PanelError error={save.error ?? propose.error} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" my="xs">
          No questions yet. {locked ? '' : 'Propose them from the scope (it names clauses such as “clauses 4 to 10” or “7.2” and controls such as “A.5.15” or “technological controls”), or add your own.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table fz="sm" verticalSpacing={4} aria-label="Checklist items" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>#</Table.Th>
                <Table.Th w={230}>Clause or control</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th w={200}>Result</Table.Th>
                <Table.Th>Evidence notes</Table.Th>
                {!locked && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const title = locked ? itemTitle(r, titles) : refTitle(r.ref, titles);
                const err = (f: string) => errors.get(`${i}.${f}`);
                const saved = !dirty && needsFinding(r, findings) && !locked;
                const notSampled = r.result === 'not_sampled';
                return (
                  <Table.Tr key={r.key}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td>
                      {locked ? (
                        r.ref ? (
                          <Stack gap={0}><Text size="sm" fw={600}>{r.ref}</Text>{title && <Text size="xs" c="dimmed">{title}</Text>}</Stack>
                        ) : <Text size="xs" c="dimmed">Own question</Text>
                      ) : (
                        <Stack gap={2}>
                          <RefSelect aria-label={`Reference of item ${i + 1}`} value={r.ref} onChange={(v) => set(r.key, { ref: v })} error={err('ref')} />
                          {!itemRef(r.ref) && <Text size="xs" c="dimmed">Own question</Text>}
                          {itemRef(r.ref) && !title && <Text size="xs" c="dimmed">Not a clause or control of the standard</Text>}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {locked ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.question}</Text> : (
                        <Textarea aria-label={`Question of item ${i + 1}`} autosize minRows={1} maxRows={6} value={r.question}
                          onChange={(e) => set(r.key, { question: e.currentTarget.value })} error={err('question')} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {locked ? <StatusBadge status={severityOf(r.result) || r.result} label={resultOptions.find((o) => o.value === r.result)?.label} /> : (
                        <Stack gap={4}>
                          <Tooltip label="Results are recorded once the audit has started" disabled={!planned}>
                            <div>
                              <Select aria-label={`Result of item ${i + 1}`} data={resultOptions} value={r.result || 'not_checked'} disabled={planned}
                                onChange={(v) => set(r.key, { result: v ?? 'not_checked' })} allowDeselect={false} error={err('result')} comboboxProps={{ withinPortal: true }} />
                            </div>
                          </Tooltip>
                          {saved && (
                            <Button size="compact-xs" variant="light" color="orange" leftSection={<IconPlus size={12} />} onClick={() => setFinding(r)}>
                              Record finding
                            </Button>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {locked ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{notSampled && r.evidence ? `Not sampled: ${r.evidence}` : r.evidence}</Text> : (
                        <Textarea aria-label={`Evidence notes of item ${i + 1}`} autosize minRows={1} maxRows={6} value={r.evidence}
                          placeholder={notSampled ? 'Why it was not sampled (required)' : undefined}
                          onChange={(e) => set(r.key, { evidence: e.currentTarget.value })} error={err('evidence')} />
                      )}
                    </Table.Td>
                    {!locked && (
                      <Table.Td>
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove item ${i + 1}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!locked && (
        <Button size="xs" variant="subtle" mt="xs" leftSection={<IconPlus size={14} />}
          onClick={() => setRows((rs) => [...rs, withKey({ ref: '', title: '', question: '', result: 'not_checked', evidence: '' })])}>
          Add own question
        </Button>
      )}
      {finding && <FindingModal audit={a} item={finding} onClose={() => setFinding(null)} />}
    </Paper>
  );
}

/** FindingModal records a finding of the audit, from a checklist item when given. */
function FindingModal({ audit: a, item, onClose }: { audit: Audit; item?: ChecklistItem; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState(item ? severityOf(item.result) : '');
  const [clause, setClause] = useState(item?.ref ?? '');
  const [description, setDescription] = useState(item?.evidence ?? '');
  // With "Record and raise", the nonconformity is raised from the new finding at once.
  const create = useAreaMutation(async (raise: boolean) => {
    const f = await api.findings.create({ ...unsaved, auditId: a.id, ref: '', title, description, severity, clause, nonconformityId: '' });
    const n = raise ? await api.findings.raiseNonconformity(f.id, f.version) : null;
    return { f, n };
  });
  const grave = severity === 'minor' || severity === 'major';
  const done = ({ f, n }: { f: Finding; n: { ref: string; title: string } | null }) => {
    onClose();
    notifications.show({ color: 'green', title: n ? 'Finding recorded and nonconformity raised' : 'Finding recorded', message: n ? `${f.ref} → ${n.ref} ${n.title}` : `${f.ref} ${f.title}` });
  };
  return (
    <Modal opened onClose={onClose} title={`Record a finding of ${a.ref}`} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        <TextInput label="Title" data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group grow align="flex-start">
          <EnumSelect label="Grade" enumName="severities" value={severity} onChange={setSeverity} />
          <RefSelect label="Clause or control" value={clause} onChange={setClause} />
        </Group>
        <Textarea label="What was found, with the evidence" autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">It gets the audit’s next reference ({a.ref}-Fn). A minor or major finding then raises its nonconformity from its page.</Text>
        <PanelError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button variant={grave ? 'default' : 'filled'} loading={create.isPending && create.variables === false} disabled={create.isPending}
            onClick={() => create.mutate(false, { onSuccess: done })}>
            Record finding
          </Button>
          {grave && (
            <Button color="red" leftSection={<IconAlertOctagon size={16} />} loading={create.isPending && create.variables === true} disabled={create.isPending}
              onClick={() => create.mutate(true, { onSuccess: done })}>
              Record and raise the nonconformity
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** FindingsSection lists the audit's findings with the nonconformities they raised. */
function FindingsSection({ audit: a, findings, l }: { audit: Audit; findings: Finding[]; l: Lookups }) {
  const [adding, setAdding] = useState(false);
  const titles = useTitles();
  const ncs = useChoices('nonconformity');
  const ncName = (id: string) => ncs.data?.find((o) => o.value === id)?.label ?? '';
  const closed = a.status === 'planned' || a.status === 'cancelled' || a.status === 'closed';
  const why = { planned: 'Findings are recorded once the audit has started', cancelled: 'The audit was cancelled', closed: 'The audit is closed: its findings are settled' }[a.status as 'planned'];
  return (
    <Paper withBorder p="sm" radius="sm" aria-label="Audit findings">
      <Group justify="space-between" mb="xs">
        <Text fw={650}>Findings</Text>
        <Tooltip label={why} disabled={!closed}>
          <Button size="xs" leftSection={<IconPlus size={14} />} disabled={closed} onClick={() => setAdding(true)}>Record finding</Button>
        </Tooltip>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">No findings yet. Every minor or major nonconformity on the checklist needs one before the audit is reported, and its nonconformity raised before it is closed.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label="Findings of the audit">
          <Table.Thead>
            <Table.Tr><Table.Th w={120}>Reference</Table.Th><Table.Th>Finding</Table.Th><Table.Th w={190}>Grade</Table.Th><Table.Th w={220}>Clause or control</Table.Th><Table.Th w={220}>Nonconformity</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td><Anchor component={Link} to={recordPath('finding', f.id)} size="sm" fw={600}>{f.ref || 'Finding'}</Anchor></Table.Td>
                <Table.Td>{f.title}</Table.Td>
                <Table.Td><StatusBadge status={f.severity} label={l.enumLabel('severities', f.severity)} /></Table.Td>
                <Table.Td>{f.clause}{refTitle(f.clause, titles) && <Text span size="xs" c="dimmed"> {refTitle(f.clause, titles)}</Text>}</Table.Td>
                <Table.Td>
                  {f.nonconformityId ? (
                    <Anchor component={Link} to={recordPath('nonconformity', f.nonconformityId)} size="sm">{ncName(f.nonconformityId) || 'Nonconformity'}</Anchor>
                  ) : f.severity === 'minor' || f.severity === 'major' ? (
                    <RaiseButton finding={f} />
                  ) : (
                    <Text size="xs" c="dimmed">None needed</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <FindingModal audit={a} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

/** RaiseButton raises a finding's nonconformity in one action, linked both ways. */
function RaiseButton({ finding: f }: { finding: Finding }) {
  const raise = useAreaMutation(() => api.findings.raiseNonconformity(f.id, f.version));
  return (
    <Stack gap={2}>
      <Button size="compact-xs" variant="light" color="red" leftSection={<IconAlertOctagon size={12} />} loading={raise.isPending}
        aria-label={`Raise the nonconformity of ${f.ref}`}
        onClick={() => raise.mutate(undefined, { onSuccess: (n) => notifications.show({ color: 'green', title: 'Nonconformity raised', message: `${n.ref} ${n.title}` }) })}>
        Raise nonconformity
      </Button>
      {raise.error ? <Text size="xs" c="red">{normaliseError(raise.error).message}</Text> : null}
    </Stack>
  );
}

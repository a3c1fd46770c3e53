// The internal audit on its page (9.2): Start and Complete with what is still missing, the
// auditor's conflicts of interest, the checklist as an editable table (reference with its
// title from the standard, question, result, evidence notes) with "Propose from the scope"
// and "Save checklist", and the audit's findings with "Record finding". Go decides every
// step; its refusals are shown in words.
import { forwardRef, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconPlayerPlay, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { api, normaliseError, type Audit, type ChecklistItem, type Finding, type Option } from '../../lib/api';
import { recordPath } from '../../lib/areas';
import { formatDate } from '../../lib/format';
import { unsaved, type FieldInputProps, type Lookups, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { EnumSelect } from '../../components/record/pickers';
import { kitKeys, optionsOf, useAreaMutation, useChoices, useEnums } from '../../components/record/queries';
import { StatusBadge } from '../../components/StatusBadge';
import { completeMissing, itemRef, needsFinding, refOptions, refTitle, resultsSummary, severityOf, titlesOf, type Titles } from './results';

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

/** AuditPanel walks the audit through planned, in progress and completed. */
export function AuditPanel({ record: a, lookups: l }: PanelProps<Audit>) {
  const { findings, error: findingsError } = useAuditFindings(a.id);
  const conflicts = useQuery({ queryKey: ['area', 'audits', 'conflicts', a.id, a.version], queryFn: () => api.audits.conflicts(a.id) });
  const start = useAreaMutation(() => api.audits.start(a.id, a.version));
  const complete = useAreaMutation(() => api.audits.complete(a.id, a.version));
  const name = `${a.ref} ${a.title}`;
  const missing = completeMissing(a.checklist, findings);
  const owned = conflicts.data ?? [];

  const about = (() => {
    switch (a.status) {
      case 'planned':
        return 'Planned: prepare the checklist (propose it from the scope), then start the audit.';
      case 'in_progress':
        return missing.length ? `In progress: still needs ${sentence(missing)}.` : 'In progress: every item is answered and every nonconformity has its finding; ready to complete.';
      case 'completed':
        return `Completed${a.endDate ? ` on ${formatDate(a.endDate)}` : ''}${a.checklist.length ? `: ${resultsSummary(a.checklist)}` : ''}.`;
      default:
        return 'Cancelled.';
    }
  })();

  return (
    <Paper withBorder p="md" radius="md" aria-label="Internal audit">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={4}>Internal audit (9.2)</Title>
          <Text size="sm" c="dimmed">{about}</Text>
        </Stack>
        <Group gap="xs">
          {a.status === 'planned' && (
            <Button leftSection={<IconPlayerPlay size={16} />} loading={start.isPending}
              onClick={() => start.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Audit started', message: name }) })}>
              Start
            </Button>
          )}
          {a.status === 'in_progress' && (
            <Button color="green" leftSection={<IconCircleCheck size={16} />} loading={complete.isPending}
              onClick={() => complete.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Audit completed', message: name }) })}>
              Complete
            </Button>
          )}
        </Group>
      </Group>
      {owned.length > 0 && (a.status === 'planned' || a.status === 'in_progress') && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="The auditor owns what this audit covers" mb="sm">
          <Text size="sm">{l.person(a.auditorId)} owns: {owned.join('; ')}.</Text>
          <Text size="sm" mt={4}>
            Auditors do not audit their own work (9.2.2). {a.independence.trim()
              ? `Independence note: “${a.independence.trim()}”`
              : 'Choose another auditor, or say in the independence note (Edit) how objectivity and impartiality are ensured: the audit cannot start or complete without it.'}
          </Text>
        </Alert>
      )}
      <PanelError error={start.error ?? complete.error ?? findingsError} />
      <Stack gap="md" mt="sm">
        <ChecklistTable key={`${a.id}/${a.version}`} audit={a} findings={findings} completeError={complete.error} />
        <FindingsSection audit={a} findings={findings} l={l} />
      </Stack>
    </Paper>
  );
}

function sentence(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

type Row = ChecklistItem & { key: number };

let nextKey = 1;
const withKey = (c: ChecklistItem): Row => ({ ...c, key: nextKey++ });
const plain = (rows: Row[]): ChecklistItem[] => rows.map(({ ref, question, result, evidence }) => ({ ref, question, result, evidence }));

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

/** ChecklistTable edits the checklist as a table; it is remade at each saved version. */
function ChecklistTable({ audit: a, findings, completeError }: { audit: Audit; findings: Finding[]; completeError: unknown }) {
  const titles = useTitles();
  const enums = useEnums();
  const [rows, setRows] = useState<Row[]>(() => a.checklist.map(withKey));
  const [finding, setFinding] = useState<ChecklistItem | null>(null);
  const save = useAreaMutation(() => api.audits.saveChecklist(a.id, a.version, plain(rows)));
  const propose = useAreaMutation(() => api.audits.checklistFromScope(a.id, a.version));
  const locked = a.status === 'completed' || a.status === 'cancelled';
  const planned = a.status === 'planned';
  const dirty = JSON.stringify(plain(rows)) !== JSON.stringify(a.checklist);
  const errors = rowErrors(save.error ?? (dirty ? null : completeError));
  const set = (key: number, patch: Partial<ChecklistItem>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const resultOptions = optionsOf(enums.data, 'checklistResults');
  const summary = resultsSummary(rows);

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
      {locked && <Text size="xs" c="dimmed" mb="xs">The audit is {a.status === 'completed' ? 'completed' : 'cancelled'}: its checklist is kept. Set it back to in progress (Edit) to correct it.</Text>}
      {planned && <Text size="xs" c="dimmed" mb="xs">Results are recorded once the audit has started.</Text>}
      <PanelError error={save.error ?? propose.error} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" my="xs">
          No questions yet. {locked ? '' : 'Propose them from the scope (it names clauses such as “clauses 4 to 10” or “7.2” and controls such as “A.5.15”), or add rows.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table fz="sm" verticalSpacing={4} aria-label="Checklist items" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>#</Table.Th>
                <Table.Th w={230}>Reference</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th w={200}>Result</Table.Th>
                <Table.Th>Evidence notes</Table.Th>
                {!locked && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const title = refTitle(r.ref, titles);
                const err = (f: string) => errors.get(`${i}.${f}`);
                const saved = !dirty && needsFinding(r, findings) && !locked;
                return (
                  <Table.Tr key={r.key}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td>
                      {locked ? (
                        <Stack gap={0}><Text size="sm" fw={600}>{r.ref}</Text>{title && <Text size="xs" c="dimmed">{title}</Text>}</Stack>
                      ) : (
                        <RefSelect aria-label={`Reference of item ${i + 1}`} value={r.ref} onChange={(v) => set(r.key, { ref: v })} error={err('ref')} />
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
                      {locked ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.evidence}</Text> : (
                        <Textarea aria-label={`Evidence notes of item ${i + 1}`} autosize minRows={1} maxRows={6} value={r.evidence}
                          onChange={(e) => set(r.key, { evidence: e.currentTarget.value })} />
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
          onClick={() => setRows((rs) => [...rs, withKey({ ref: '', question: '', result: 'not_checked', evidence: '' })])}>
          Add row
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
  const create = useAreaMutation(() =>
    api.findings.create({ ...unsaved, auditId: a.id, ref: '', title, description, severity, clause, nonconformityId: '' }),
  );
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
          <Button loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (f) => { onClose(); notifications.show({ color: 'green', title: 'Finding recorded', message: `${f.ref} ${f.title}` }); } })}>
            Record finding
          </Button>
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
  const closed = a.status === 'planned' || a.status === 'cancelled';
  return (
    <Paper withBorder p="sm" radius="sm" aria-label="Audit findings">
      <Group justify="space-between" mb="xs">
        <Text fw={650}>Findings</Text>
        <Tooltip label={a.status === 'planned' ? 'Findings are recorded once the audit has started' : 'The audit was cancelled'} disabled={!closed}>
          <Button size="xs" leftSection={<IconPlus size={14} />} disabled={closed} onClick={() => setAdding(true)}>Record finding</Button>
        </Tooltip>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">No findings yet. Every minor or major nonconformity on the checklist needs one before the audit is completed.</Text>
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
                  ) : (
                    <Text size="xs" c="dimmed">{f.severity === 'minor' || f.severity === 'major' ? 'Not raised yet' : 'None needed'}</Text>
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

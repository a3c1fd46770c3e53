// Objectives (6.2): SMART, approved by senior management, progress from their KPIs.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Group, Modal, Paper, Progress, Select, Stack, Table, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useWatch } from 'react-hook-form';
import { api, type Objective, type ObjectiveProgress } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type PanelProps } from '../../components/record/kit';
import { PanelError } from '../../components/record/DetailPage';
import { PersonPicker } from '../../components/record/pickers';
import { optionsOf, useAreaList, useAreaMutation, useEnums, usePeople } from '../../components/record/queries';
import { formatDate } from '../../lib/format';


/** smartChecks mirrors isms.Objective.SMART for the form, as the officer types. */
export function smartChecks(o: Pick<Objective, 'statement' | 'measure' | 'kpiIds' | 'target' | 'unit' | 'ownerId' | 'dueDate' | 'businessGoal'>) {
  return [
    { label: 'Specific statement', ok: !!o.statement?.trim() },
    { label: 'Measure or KPI', ok: !!o.measure?.trim() || (o.kpiIds ?? []).length > 0 },
    { label: 'Target and unit', ok: !!o.target && !!o.unit?.trim() },
    { label: 'Owner', ok: !!o.ownerId },
    { label: 'Deadline', ok: !!o.dueDate },
    { label: 'Business goal served', ok: !!o.businessGoal?.trim() },
  ];
}

function useProgress() {
  return useQuery({ queryKey: ['area', 'objectives', 'progress'], queryFn: api.objectives.progress });
}

function SmartList({ checks }: { checks: { label: string; ok: boolean }[] }) {
  return (
    <Group gap="xs" aria-label="SMART check">
      {checks.map((c) => (
        <Badge
          key={c.label}
          variant="light"
          color={c.ok ? 'green' : 'gray'}
          leftSection={c.ok ? <IconCheck size={12} /> : <IconX size={12} />}
          tt="none"
          data-ok={c.ok}
        >
          {c.label}
        </Badge>
      ))}
    </Group>
  );
}

/** SmartPreview is the SMART check the form shows while the officer types. */
function SmartPreview({ record }: { record?: Objective }) {
  const v = useWatch() as Objective;
  const checks = smartChecks(v);
  const missing = checks.filter((c) => !c.ok).length;
  const withdraws = !!record?.approvedById && missing > 0;
  return (
    <Paper withBorder p="xs" radius="sm" bg={missing ? 'yellow.0' : 'green.0'}>
      <Text size="xs" fw={600} mb={4}>{missing ? `SMART check: ${missing} of 6 missing` : 'SMART check: complete'}</Text>
      <SmartList checks={checks} />
      {withdraws && (
        <Text size="xs" c="red" mt={6} fw={600}>
          Saving an objective that is no longer SMART withdraws senior management&apos;s approval: it goes back to Proposed.
        </Text>
      )}
    </Paper>
  );
}

/** ApprovalPanel shows the SMART check, the approval and the progress of an objective. */
function ApprovalPanel({ record: o, lookups: l }: PanelProps<Objective>) {
  const progress = useProgress();
  const enums = useEnums();
  const p: ObjectiveProgress | undefined = progress.data?.find((x) => x.objectiveId === o.id);
  const [open, setOpen] = useState(false);
  const [approver, setApprover] = useState('');
  const [on, setOn] = useState(today());
  const [how, setHow] = useState<string | null>('meeting');
  const [ref, setRef] = useState('');
  const approve = useAreaMutation(() => api.objectives.approve(o.id, o.version, { approverId: approver, on, how: how ?? '', ref }));
  const checks = smartChecks(o);
  const smart = checks.every((c) => c.ok);
  const people = usePeople();
  const roles = useAreaList('roles', api.roles);
  const seniorRole = roles.data?.find((r) => r.name.trim().toLowerCase() === 'senior management')?.id;
  const seniors = (people.data ?? []).filter((p) => p.active && !!seniorRole && p.roleIds.includes(seniorRole)).map((p) => p.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={4}>SMART check and approval</Title>
          <SmartList checks={checks} />
          {o.approvedById ? (
            <Text size="sm">
              Approved by <b>{l.person(o.approvedById)}</b> on {formatDate(o.approvedOn)} ({l.enumLabel('approvalMethods', o.approvalHow)}
              {o.approvalRef ? `: ${o.approvalRef}` : ''})
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {smart ? 'Not approved yet: a member of senior management approves it.' : 'Complete the SMART elements, then a member of senior management approves it.'}
            </Text>
          )}
        </Stack>
        {o.status === 'proposed' && (
          <Button onClick={() => setOpen(true)} disabled={!smart} title={smart ? undefined : 'Only a SMART objective can be approved'}>
            Record approval
          </Button>
        )}
      </Group>
      <Stack gap={6} mt="md">
        <Group justify="space-between">
          <Text size="sm" fw={600}>Progress</Text>
          <Text size="sm" c="dimmed">
            {p && p.measured > 0 ? `${p.percent}% of target, from ${p.measured} measured KPI${p.measured === 1 ? '' : 's'}` : 'No KPI measurement yet'}
          </Text>
        </Group>
        <Progress value={p?.percent ?? 0} color={p?.rag === 'red' ? 'red' : p?.rag === 'amber' ? 'yellow' : 'green'} aria-label="Progress" />
        {p && p.kpis.length > 0 && (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr><Table.Th>KPI</Table.Th><Table.Th>Latest</Table.Th><Table.Th>Target</Table.Th><Table.Th>Status</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.kpis.map((k) => (
                <Table.Tr key={k.kpiId}>
                  <Table.Td>{k.ref} {k.name}</Table.Td>
                  <Table.Td>{k.date ? `${k.value} ${k.unit} (${formatDate(k.date)})` : '—'}</Table.Td>
                  <Table.Td>{k.target} {k.unit}</Table.Td>
                  <Table.Td>{k.rag ? <Badge color={k.rag === 'green' ? 'green' : k.rag === 'amber' ? 'yellow' : 'red'} variant="light">{k.rag}</Badge> : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title="Record senior management's approval">
        <Stack gap="sm">
          <PersonPicker label="Approved by" description="A person holding the Senior Management role" value={approver} onChange={setApprover} only={seniors}
            placeholder={seniors.length === 0 ? 'Nobody holds the Senior Management role yet: give it to someone under People & roles' : undefined} />
          <TextInput type="date" label="Approved on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
          <Select label="How" data={optionsOf(enums.data, 'approvalMethods')} value={how} onChange={setHow} allowDeselect={false} />
          {how !== 'app' && <TextInput label={how === 'meeting' ? 'Meeting minute reference' : 'Signed document'} value={ref} onChange={(e) => setRef(e.currentTarget.value)} />}
          <PanelError error={approve.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              loading={approve.isPending}
              onClick={() =>
                approve.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false);
                    notifications.show({ color: 'green', title: 'Objective approved', message: `${o.ref} ${o.title}` });
                  },
                })
              }
            >
              Approve
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export const objectiveArea: AreaConfig<Objective> = {
  kind: 'objective',
  plural: 'objectives',
  title: 'Objectives',
  noun: 'objective',
  about: 'Information security objectives aligned to business goals: each is specific, measured by a KPI, has a target, an owner and a deadline, and is approved by senior management.',
  clause: '6.2',
  service: api.objectives,
  blank: () => ({
    ...unsaved, ref: '', title: '', statement: '', businessGoal: '', measure: '', target: 0, unit: '', ownerId: '', dueDate: '',
    status: 'proposed', approvedById: '', approvedOn: '', approvalHow: '', approvalRef: '', kpiIds: [], notes: '',
  }),
  refOf: (r) => r.ref,
  titleOf: (r) => r.title,
  status: (r) => ({ value: r.status, enum: 'objectiveStatuses' }),
  columns: [
    col.ref((r) => r.ref),
    col.text('title', 'Objective', (r) => r.title, 'minmax(180px, 3fr)'),
    col.dim('goal', 'Business goal', (r) => r.businessGoal, 'minmax(120px, 2fr)'),
    { id: 'target', header: 'Target', width: '90px', value: (r) => (r.target ? `${r.target} ${r.unit}` : '') },
    col.person('owner', 'Owner', (r) => r.ownerId),
    { id: 'smart', header: 'SMART', width: '70px', value: (r) => smartChecks(r).filter((c) => c.ok).length,
      render: (r) => {
        const n = smartChecks(r).filter((c) => c.ok).length;
        return <Badge variant="light" color={n === 6 ? 'green' : 'yellow'}>{n}/6</Badge>;
      } },
    col.status('status', 'Status', 'objectiveStatuses', (r) => r.status, '110px'),
    col.date('due', 'Deadline', (r) => r.dueDate, (r) => !['achieved', 'cancelled', 'missed'].includes(r.status) && !!r.dueDate && r.dueDate < today()),
  ],
  filters: [{ label: 'Status', enum: 'objectiveStatuses', value: (r) => r.status }],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, placeholder: 'e.g. OBJ-01' },
    { name: 'title', label: 'Title', type: 'text', span: 8 },
    { name: 'statement', label: 'Specific statement', type: 'textarea', placeholder: 'What will be achieved, precisely' },
    { name: 'businessGoal', label: 'Business goal served', type: 'text' },
    { name: 'measure', label: 'Measure', type: 'text', span: 6, placeholder: 'How achievement is measured' },
    { name: 'target', label: 'Target', type: 'number', span: 3 },
    { name: 'unit', label: 'Unit', type: 'text', span: 3, placeholder: '%, days, ...' },
    { name: 'kpiIds', label: 'KPIs that show progress', type: 'records', kind: 'kpi' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'dueDate', label: 'Deadline', type: 'date', span: 6 },
    { name: 'status', label: 'Status', type: 'enum', enum: 'objectiveStatuses', span: 6, description: 'It moves on from Proposed once approved' },
    { name: 'notes', label: 'Notes', type: 'textarea' },
    { name: 'approvedById', label: 'Approved by', type: 'person', form: false },
    { name: 'approvedOn', label: 'Approved on', type: 'date', form: false },
  ],
  panels: [ApprovalPanel],
  undeletable: (o) => (o.approvedById ? 'An approved objective is kept as a record of the decision: set its status to Cancelled instead.' : null),
  formExtra: SmartPreview,
};

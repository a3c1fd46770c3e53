// Controls and the Statement of Applicability (6.1.3, Annex A): applicability with its
// reasons and justification, implementation status, owner, plan tasks and metric; custom
// controls; progress by theme above the register.
import { ActionIcon, Button, Checkbox, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { api, type Control, type ControlTask } from '../../lib/api';
import { col, today } from '../../components/record/columns';
import { unsaved, type AreaConfig, type FieldInputProps, type PanelProps, type TopProps } from '../../components/record/kit';
import { formatDate } from '../../lib/format';
import { PersonPicker } from '../../components/record/pickers';
import { optionsOf, useEnums } from '../../components/record/queries';
import { AttributesPanel, AttributesView, attributes } from './attributes';


/** TasksInput edits a control's implementation plan: tasks with an owner and a due date. */
function TasksInput({ label, value, onChange, error, disabled }: FieldInputProps) {
  const tasks = (value as ControlTask[] | null) ?? [];
  const set = (i: number, t: Partial<ControlTask>) => onChange(tasks.map((x, j) => (j === i ? { ...x, ...t } : x)));
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>{label}</Text>
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} disabled={disabled}
          onClick={() => onChange([...tasks, { title: '', ownerId: '', dueDate: '', done: false }])}>
          Add task
        </Button>
      </Group>
      {tasks.length === 0 ? (
        <Text size="xs" c="dimmed">No tasks: add the steps to implement the control, each with an owner and a due date.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={2} aria-label={label}>
          <Table.Thead><Table.Tr><Table.Th w={36}>Done</Table.Th><Table.Th>Task</Table.Th><Table.Th w={170}>Owner</Table.Th><Table.Th w={140}>Due</Table.Th><Table.Th w={34} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {tasks.map((t, i) => (
              <Table.Tr key={i}>
                <Table.Td><Checkbox aria-label={`Task ${i + 1} done`} checked={t.done} onChange={(e) => set(i, { done: e.currentTarget.checked })} /></Table.Td>
                <Table.Td><TextInput size="xs" aria-label={`Task ${i + 1}`} value={t.title} onChange={(e) => set(i, { title: e.currentTarget.value })} /></Table.Td>
                <Table.Td><PersonPicker label="" aria-label={`Task ${i + 1} owner`} value={t.ownerId} onChange={(v) => set(i, { ownerId: v })} /></Table.Td>
                <Table.Td><TextInput size="xs" type="date" aria-label={`Task ${i + 1} due`} value={t.dueDate} onChange={(e) => set(i, { dueDate: e.currentTarget.value })} /></Table.Td>
                <Table.Td><ActionIcon variant="subtle" color="red" aria-label={`Remove task ${i + 1}`} onClick={() => onChange(tasks.filter((_, j) => j !== i))}><IconTrash size={14} /></ActionIcon></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}

/** TasksPanel shows the implementation plan's tasks on the control's page. */
function TasksPanel({ record: c, lookups: l }: PanelProps<Control>) {
  if (c.tasks.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} mb="xs">Implementation plan: {c.tasks.filter((t) => t.done).length} of {c.tasks.length} tasks done</Text>
      <Table fz="sm" verticalSpacing={4} aria-label="Plan tasks">
        <Table.Thead><Table.Tr><Table.Th>Task</Table.Th><Table.Th w={180}>Owner</Table.Th><Table.Th w={110}>Due</Table.Th><Table.Th w={80}>Done</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {c.tasks.map((t, i) => (
            <Table.Tr key={i}>
              <Table.Td>{t.title}</Table.Td>
              <Table.Td>{l.person(t.ownerId)}</Table.Td>
              <Table.Td c={!t.done && t.dueDate && t.dueDate < today() ? 'red' : undefined}>{formatDate(t.dueDate)}</Table.Td>
              <Table.Td>{t.done ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** ThemeProgress shows the SoA by theme: applicable controls implemented; a click filters. */
function ThemeProgress({ rows, setFilter }: TopProps<Control>) {
  const enums = useEnums();
  const themes = [...optionsOf(enums.data, 'themes'), { value: '', label: 'Custom' }];
  const decided = rows.filter((c) => c.applicability !== 'not_assessed').length;
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        {decided} of {rows.length} controls have an applicability decision; {rows.filter((c) => c.applicability === 'applicable').length} applicable,{' '}
        {rows.filter((c) => c.applicability === 'not_applicable').length} excluded.
      </Text>
      <SimpleGrid cols={5} spacing="xs">
        {themes.map((t) => {
          const of = rows.filter((c) => (t.value ? c.theme === t.value && !c.custom : c.custom));
          if (of.length === 0) return null;
          const applicable = of.filter((c) => c.applicability === 'applicable');
          const done = applicable.filter((c) => c.status === 'implemented').length;
          const pct = applicable.length ? Math.round((100 * done) / applicable.length) : 0;
          return (
            <UnstyledButton key={t.label} onClick={() => setFilter({ label: `Theme: ${t.label}`, keep: (c) => (t.value ? c.theme === t.value && !c.custom : c.custom) })}>
              <Paper withBorder p="xs" radius="md">
                <Text size="xs" fw={600}>{t.label}</Text>
                <Progress value={pct} size="sm" my={4} aria-label={`${t.label} implemented`} />
                <Text size="xs" c="dimmed">{done} of {applicable.length} applicable implemented</Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

const annexA = (c: Control | undefined) => !!c && !c.custom && c.id !== '';

export const controlArea: AreaConfig<Control> = {
  kind: 'control',
  plural: 'controls',
  title: 'Controls',
  noun: 'control',
  about: 'The Statement of Applicability: the 93 Annex A controls and your own, each with its applicability and the reasons for it, implementation status, owner, plan and metric.',
  clause: '6.1.3',
  service: api.controls,
  importKind: 'controls',
  blank: () => ({
    ...unsaved, ref: '', title: '', theme: '', custom: true, description: '', applicability: 'not_assessed', justification: '', status: 'not_started',
    ownerId: '', implementationPlan: '', metric: '', evidence: '', dueDate: '', kpiIds: [], notes: '', reasons: [], tasks: [],
    controlTypes: [], securityProperties: [], cybersecurityConcepts: [], operationalCapabilities: [], securityDomains: [],
  }),
  refOf: (c) => c.ref,
  titleOf: (c) => c.title,
  status: (c) => ({ value: c.status, enum: 'implementation' }),
  undeletable: (c) => (c.custom ? null : 'An Annex A control stays in the Statement of Applicability: mark it not applicable with a justification instead.'),
  columns: [
    col.ref((c) => c.ref, 'Control', '80px'),
    col.text('title', 'Title', (c) => c.title, 'minmax(180px, 3fr)'),
    { id: 'theme', header: 'Theme', width: '112px', value: (c, l) => (c.custom ? 'Custom' : l.enumLabel('themes', c.theme)) },
    col.status('applicability', 'Applicability', 'applicabilities', (c) => c.applicability, '126px'),
    col.status('status', 'Implementation', 'implementation', (c) => c.status, '126px'),
    col.person('owner', 'Owner', (c) => c.ownerId, 'minmax(90px, 1fr)'),
    col.date('due', 'Due', (c) => c.dueDate, (c) => c.status !== 'implemented' && c.applicability === 'applicable' && !!c.dueDate && c.dueDate < today()),
  ],
  filters: [
    { label: 'Theme', enum: 'themes', value: (c) => c.theme },
    { label: 'Applicability', enum: 'applicabilities', value: (c) => c.applicability },
    { label: 'Implementation', enum: 'implementation', value: (c) => c.status },
  ],
  fields: [
    { name: 'ref', label: 'Reference', type: 'text', span: 4, locked: annexA, placeholder: 'e.g. ORG-01' },
    { name: 'title', label: 'Title', type: 'text', span: 8, locked: annexA },
    { name: 'theme', label: 'Theme', type: 'enum', enum: 'themes', span: 4, locked: annexA, description: 'Optional for your own controls' },
    { name: 'description', label: 'Description', type: 'textarea', placeholder: 'What the control is and how it works here' },
    { name: 'applicability', label: 'Applicability', type: 'enum', enum: 'applicabilities', span: 6 },
    { name: 'status', label: 'Implementation', type: 'enum', enum: 'implementation', span: 6 },
    { name: 'reasons', label: 'Reasons for including it', type: 'enums', enum: 'inclusionReasons', when: (v) => v.applicability === 'applicable' },
    { name: 'justification', label: 'Justification', type: 'textarea', placeholder: 'Why the control is included, or why it is excluded' },
    { name: 'ownerId', label: 'Owner', type: 'person', span: 6 },
    { name: 'dueDate', label: 'Implementation due', type: 'date', span: 6 },
    { name: 'implementationPlan', label: 'Implementation plan', type: 'textarea' },
    { name: 'tasks', label: 'Plan tasks', type: 'list', input: TasksInput, detail: false },
    { name: 'metric', label: 'Performance metric', type: 'text', span: 6, placeholder: 'How its performance is measured' },
    { name: 'kpiIds', label: 'KPIs that measure it', type: 'records', kind: 'kpi', span: 6 },
    { name: 'evidence', label: 'Where the evidence is', type: 'text' },
    { name: 'notes', label: 'Notes', type: 'textarea' },
    // ISO/IEC 27002:2022 attributes: the standard's for Annex A controls, a custom control's own.
    ...attributes.map((a) => ({
      name: a.field, label: a.label, type: 'enums' as const, enum: a.enum, span: a.span, locked: annexA, detail: false,
      description: a.field === 'controlTypes' ? 'ISO/IEC 27002:2022 attributes: set by the standard for Annex A controls, your own for custom ones' : undefined,
    })),
  ],
  top: ThemeProgress,
  views: [{ id: 'attributes', label: 'Attributes', component: AttributesView }],
  panels: [TasksPanel, AttributesPanel],
};

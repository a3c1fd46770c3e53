import type { ReactNode } from 'react';
import { Accordion, Alert, Badge, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarQuestion, IconColumnsOff, IconCopy, IconShieldPlus, IconUserPlus, IconUserQuestion, IconWand } from '@tabler/icons-react';
import type { ImportField, ImportPlan } from '../../lib/api';
import { plural } from '../../lib/format';
import { Iso2013Panel } from './Iso2013Panel';
import { ProblemsTable, PlannedRowsTable, SectionsTable } from './tables';
import {
  dateWarningText, guessedText, newPeopleText, problemsTitle, repeatedTitlesText, sectionsTitle, toggleFix, unmappedText, type WizardState,
} from './wizard';

/** labelOf names a field by its label. */
function labelOf(fields: ImportField[] | null | undefined, name: string): string {
  return fields?.find((f) => f.name === name)?.label ?? name;
}

/** subjectOf puts the field's label before a message that does not start with it. */
function subjectOf(label: string, message: string): string {
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}

/** rowsText lists the first Excel rows of a set: "rows 13, 25, 37…". */
function rowsText(rows: number[] | null | undefined, n: number): string {
  const list = (rows ?? []).join(', ');
  if (n === 1) return `row ${list}`;
  return `rows ${list}${n > (rows ?? []).length ? '…' : ''}`;
}

/** NewRecords lists what the import adds besides its rows: the new people and custom controls. */
function NewRecords({ title, items, icon, hint }: { title: string; items: string[]; icon: ReactNode; hint: string }) {
  if (items.length === 0) return null;
  return (
    <Alert color="blue" variant="light" icon={icon} title={`${title} (${items.length.toLocaleString()})`} aria-label={title}>
      <Text size="xs" c="dimmed" mb={6}>{hint}</Text>
      <Group gap={6} mah={96} style={{ overflowY: 'auto' }}>
        {items.map((p) => (
          <Badge key={p} variant="outline" color="blue" tt="none">{p}</Badge>
        ))}
      </Group>
    </Alert>
  );
}

function Stat({ label, value, colour }: { label: string; value: number; colour?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={24} fw={700} c={value > 0 ? colour : undefined} data-testid={`count-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** PreviewStep shows what the import will do, row by row, with every problem. */
export function PreviewStep({
  plan,
  state,
  onChange,
  fetching,
}: {
  plan: ImportPlan;
  state: WizardState;
  onChange: (s: WizardState) => void;
  fetching: boolean;
}) {
  const c = plan.counts;
  const rows = plan.rows ?? [];
  const errors = plan.errors ?? [];
  const people = plan.newPeople ?? [];
  const fixes = plan.fixes ?? [];
  const groups = plan.problemGroups ?? [];
  const repeated = plan.repeatedTitles ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {plan.fileName}, sheet {plan.sheet}, header row {plan.header.row}. Nothing is written until you import.
        </Text>
        {fetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="sm" aria-label="Import counts">
        <Stat label="Rows" value={c.rows} />
        <Stat label="Will create" value={c.created} colour="green" />
        <Stat label="Will update" value={c.updated} colour="blue" />
        <Stat label="Unchanged" value={c.unchanged} />
        <Stat label="Invalid" value={c.invalid} colour="red" />
        <Stat label="Sections" value={c.sections} />
      </SimpleGrid>
      {plan.iso2013 && <Iso2013Panel iso={plan.iso2013} onChange={(from2013) => onChange({ ...state, from2013 })} />}
      <NewRecords title="New people" items={people} icon={<IconUserPlus />}
        hint={`${newPeopleText(people.length)}: owners and people the rows name who are not among the people yet.`} />
      <NewRecords title="New custom controls" items={plan.newControls ?? []} icon={<IconShieldPlus />}
        hint={`${plural((plan.newControls ?? []).length, 'control is', 'controls are')} not in Annex A and will be added as the organisation’s own.`} />
      {(plan.guessedPeople ?? []).map((g) => (
        <Alert key={g.field} color="yellow" variant="light" icon={<IconUserQuestion />} p="xs">
          <Text size="sm">{guessedText(g, labelOf(plan.fields, g.field))}</Text>
        </Alert>
      ))}
      {fixes.length > 0 && (
        <Paper withBorder p="sm" radius="md" role="group" aria-label="Fixes for many rows">
          <Title order={4} size="h5" mb={4}><IconWand size={16} style={{ verticalAlign: -2 }} /> Fixes for many rows at once</Title>
          <Text size="xs" c="dimmed" mb="xs">These rows break a rule the same way. Tick a fix to correct them all in this import; the file is not changed.</Text>
          <Stack gap={6}>
            {fixes.map((f) => (
              <Checkbox
                key={f.id}
                data-testid={`fix-${f.id}`}
                label={<Group gap={6} component="span">{f.description} <Badge size="sm" variant="light" color="orange">{f.rows.toLocaleString()}</Badge></Group>}
                description={`${labelOf(plan.fields, f.field)}: ${f.problem} (${rowsText(f.examples, f.rows)}).`}
                checked={(state.fixes ?? []).includes(f.id)}
                onChange={(e) => onChange(toggleFix(state, f.id, e.currentTarget.checked))}
              />
            ))}
          </Stack>
        </Paper>
      )}
      {errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4} size="h5" c="red.8">
              <IconAlertTriangle size={16} style={{ verticalAlign: -2 }} /> {problemsTitle(errors.length)}
            </Title>
            <Checkbox
              label="Skip invalid rows and import the rest"
              checked={state.skipInvalid}
              onChange={(e) => onChange({ ...state, skipInvalid: e.currentTarget.checked })}
            />
          </Group>
          {groups.length > 1 && (
            <Stack gap={2} aria-label="Problems by kind">
              {groups.slice(0, 6).map((g) => (
                <Text size="sm" key={`${g.field}-${g.message}`}>
                  <Text span fw={600}>{plural(g.rows, 'row', 'rows')}</Text> · {subjectOf(labelOf(plan.fields, g.field), g.message)}
                  {g.fix ? <Text span c="dimmed"> (a fix is offered above)</Text> : null}
                </Text>
              ))}
              {groups.length > 6 && <Text size="xs" c="dimmed">and {plural(groups.length - 6, 'other kind', 'other kinds')} of problem, in the table below</Text>}
            </Stack>
          )}
          <ProblemsTable problems={errors} />
        </Stack>
      )}
      {repeated.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconCopy />} p="xs" title={repeatedTitlesText(plan.repeatedTitleCount ?? repeated.length)}>
          <Text size="xs" c="dimmed" mb={4}>A warning only: the rows are imported. Check that they are not the same record twice.</Text>
          <Stack gap={0} mah={120} style={{ overflowY: 'auto' }} aria-label="Repeated titles">
            {repeated.map((r) => (
              <Text size="sm" key={r.title}>“{r.title}” on {plural(r.count, 'row', 'rows')} ({rowsText(r.rows, r.count)})</Text>
            ))}
            {(plan.repeatedTitleCount ?? 0) > repeated.length && (
              <Text size="xs" c="dimmed">and {plural((plan.repeatedTitleCount ?? 0) - repeated.length, 'other title', 'other titles')}</Text>
            )}
          </Stack>
        </Alert>
      )}
      {(plan.unmapped ?? []).length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconColumnsOff />} p="xs" aria-label="Columns not imported">
          <Text size="sm">
            {plural(plan.unmapped?.length ?? 0, 'column with values is', 'columns with values are')} not imported, as no field takes{' '}
            {(plan.unmapped?.length ?? 0) === 1 ? 'it' : 'them'}:{' '}
            {(plan.unmapped ?? []).map(unmappedText).join(', ')}. Choose a field for a column in the mapping to bring it in.
          </Text>
        </Alert>
      )}
      {(plan.warnings ?? []).map((w) => (
        <Alert key={`${w.field}${w.partial ? '-partial' : ''}`} color="yellow" variant="light" icon={<IconCalendarQuestion />} p="xs">
          <Text size="sm">{dateWarningText(w, plan.localeHint)}</Text>
        </Alert>
      ))}
      {(plan.sections ?? []).length > 0 && (
        <Accordion variant="contained" radius="md">
          <Accordion.Item value="sections">
            <Accordion.Control>
              <Text size="sm" fw={600}>{sectionsTitle(plan.sections?.length ?? 0)}</Text>
              <Text size="xs" c="dimmed">Headings inside the table are not imported. Untick “Skip section rows” in the mapping to import them as records.</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <SectionsTable sections={plan.sections ?? []} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      <Stack gap="xs">
        <Title order={4} size="h5">
          Rows{rows.length < c.rows + c.sections ? ` (the first ${rows.length.toLocaleString()})` : ''}
        </Title>
        <PlannedRowsTable rows={rows} />
      </Stack>
    </Stack>
  );
}

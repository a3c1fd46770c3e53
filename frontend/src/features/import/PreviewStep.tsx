import { Accordion, Alert, Badge, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarQuestion, IconUserPlus } from '@tabler/icons-react';
import type { ImportPlan } from '../../lib/api';
import { Iso2013Panel } from './Iso2013Panel';
import { ProblemsTable, PlannedRowsTable, SectionsTable } from './tables';
import { dateWarningText, sectionsTitle, type WizardState } from './wizard';

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
      {people.length > 0 && (
        <Alert color="blue" variant="light" icon={<IconUserPlus />} title={`${people.length} new ${people.length === 1 ? 'person' : 'people'} will be added`}>
          <Group gap={6}>
            {people.map((p) => (
              <Badge key={p} variant="outline" color="blue" tt="none">{p}</Badge>
            ))}
          </Group>
        </Alert>
      )}
      {errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4} size="h5" c="red.8">
              <IconAlertTriangle size={16} style={{ verticalAlign: -2 }} /> {errors.length.toLocaleString()} {errors.length === 1 ? 'problem' : 'problems'}
            </Title>
            <Checkbox
              label="Skip invalid rows and import the rest"
              checked={state.skipInvalid}
              onChange={(e) => onChange({ ...state, skipInvalid: e.currentTarget.checked })}
            />
          </Group>
          <ProblemsTable problems={errors} />
        </Stack>
      )}
      {(plan.warnings ?? []).map((w) => (
        <Alert key={w.field} color="yellow" variant="light" icon={<IconCalendarQuestion />} p="xs">
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

import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarQuestion, IconDeviceFloppy, IconLayoutRows } from '@tabler/icons-react';
import { normaliseError, type ImportField, type ImportPlan } from '../../lib/api';
import { useSaveMapping } from './queries';
import { FixedValues } from './FixedValues';
import {
  columnOptions, confidenceOf, dateWarningText, matchableKinds, matchOptions, mergedText, mergeOptions, mergeValue, setFieldColumn, sheetsText,
  type WizardState,
} from './wizard';

/** MappingStep lets the user choose the column of each field and the reading options. */
export function MappingStep({
  state,
  onChange,
  plan,
  fields,
  fetching,
}: {
  state: WizardState;
  onChange: (s: WizardState) => void;
  plan: ImportPlan | undefined;
  fields: ImportField[];
  fetching: boolean;
}) {
  const [name, setName] = useState('');
  const save = useSaveMapping();
  const options = columnOptions(plan?.header.columns);
  const columns = plan?.mapping.columns ?? {};
  const problems = plan?.mappingProblems ?? [];
  const fillDown = state.fillDown ?? plan?.mapping.fillDown ?? [];
  const notProposed = plan?.mapping.notProposed ?? {};
  const warnings = plan?.warnings ?? [];
  const layout = plan?.mapping.layout ?? [];
  const layoutSheets = plan?.layoutSheets ?? [];
  const below = plan?.header.below ?? 0;

  const onSave = () => {
    if (!plan || name.trim() === '') return;
    save.mutate(
      { name: name.trim(), mapping: plan.mapping },
      {
        onSuccess: () => notifications.show({ color: 'green', title: 'Mapping saved', message: `"${name.trim()}" is proposed again for files with the same header.` }),
        onError: (err) => notifications.show({ color: 'red', title: 'Mapping not saved', message: normaliseError(err).message }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Header in row {plan?.header.row ?? '…'}
          {plan && plan.header.rows > 1 ? ` to ${plan.header.row + plan.header.rows - 1}` : ''} of sheet {plan?.sheet ?? '…'}. Each field takes
          the column chosen here.
        </Text>
        {fetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      {problems.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="The mapping needs attention">
          <Stack gap={2}>
            {problems.map((p, i) => (
              <Text size="sm" key={`${p.field}-${i}`}>{p.message}</Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" aria-label="Column mapping" role="group">
          {fields.map((f) => {
            const conf = confidenceOf(plan?.mapping, f.name);
            const why = notProposed[f.name];
            return (
            <Select
              key={f.name}
              // The field's name alone: the confidence badge beside it is not part of the name.
              aria-label={f.label}
              label={
                <Group gap={6} component="span" wrap="nowrap">
                  {f.label}
                  {conf && (
                    <Tooltip label={conf.hint} withinPortal>
                      <Badge size="xs" variant="light" color={conf.colour} tt="none" data-testid={`confidence-${f.name}`}>{conf.label}</Badge>
                    </Tooltip>
                  )}
                </Group>
              }
              withAsterisk={f.required}
              description={why ? `Not proposed: ${why}` : f.key ? 'Identifies the row: re-imports update by it' : undefined}
              placeholder="Not imported"
              data={options}
              value={columns[f.name] ?? null}
              onChange={(v) => onChange(setFieldColumn(state, f.name, v))}
              clearable={!f.required}
              searchable
              nothingFoundMessage="No such column"
              error={problems.some((p) => p.field === f.name) ? 'Choose a column' : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            );
          })}
        </SimpleGrid>
      </Paper>
      <FixedValues state={state} onChange={onChange} fields={fields} columns={columns} />
      <Paper withBorder p="md" radius="md">
        <Title order={4} size="h5" mb="xs">Reading options</Title>
        <Stack gap="sm">
          {matchableKinds.includes(state.kind) && (
            <Select
              label="Match rows to stored records by"
              description="Rows whose value matches a stored record update it; the others are created"
              data={matchOptions(fields)}
              value={state.matchBy}
              onChange={(v) => onChange({ ...state, matchBy: v ?? '' })}
              allowDeselect={false}
              w={360}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <MultiSelect
            label="Fill down these columns"
            description="Blank cells take the value above (for merged or sparse hierarchy columns)"
            placeholder={fillDown.length ? undefined : 'None'}
            data={options}
            value={fillDown}
            onChange={(v) => onChange({ ...state, fillDown: v })}
            clearable
            searchable
          />
          <Select
            label="Records over several rows"
            description="Rows of one record (statements under one requirement, a safeguard mapped to several controls) are joined: texts one a line, lists of controls together"
            data={mergeOptions(fields, columns)}
            value={mergeValue(state, plan)}
            onChange={(v) => onChange({ ...state, mergeBy: v ?? 'none' })}
            allowDeselect={false}
            w={420}
            comboboxProps={{ withinPortal: true }}
          />
          {(layout.length > 0 || (plan?.mergedRows ?? 0) > 0 || below > 0) && (
            <Alert color="blue" variant="light" icon={<IconLayoutRows />} p="xs" title="How the sheet is read">
              <Stack gap={2}>
                {layout.map((n, i) => (
                  <Text size="sm" key={`${n.option}-${i}`}>{n.message.charAt(0).toUpperCase() + n.message.slice(1)}.</Text>
                ))}
                {(plan?.mergedRows ?? 0) > 0 && <Text size="sm">{mergedText(plan?.mergedRows ?? 0, plan?.merged?.length ?? 0)}</Text>}
                {below > 0 && (
                  <Text size="sm">
                    The table ends at row {plan?.header.end}: {below.toLocaleString()} {below === 1 ? 'row' : 'rows'} below it, with another layout (a matrix or a legend), {below === 1 ? 'is' : 'are'} not imported.
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
          {layoutSheets.length > 0 && (
            <Checkbox
              label={sheetsText(layoutSheets)}
              description="Every row of these sheets is checked; nothing is imported unless all of them can be"
              checked={state.allSheets}
              onChange={(e) => onChange({ ...state, allSheets: e.currentTarget.checked })}
            />
          )}
          <Group gap="xl">
            <Checkbox
              label="Skip section rows"
              description="Rows with only a heading, such as “5 Organisational controls”"
              checked={state.skipSections}
              onChange={(e) => onChange({ ...state, skipSections: e.currentTarget.checked })}
            />
            <Checkbox
              label="Dates are day-first (31/01/2024)"
              description="Otherwise 03/04/2024 reads as March 4"
              checked={state.dateOrder === 'day' || (state.dateOrder === '' && (plan?.mapping.locale.dayFirst ?? false))}
              onChange={(e) => onChange({ ...state, dateOrder: e.currentTarget.checked ? 'day' : 'month' })}
            />
          </Group>
          {warnings.map((w) => (
            <Alert key={`${w.field}${w.partial ? '-partial' : ''}`} color="yellow" variant="light" icon={<IconCalendarQuestion />} p="xs">
              <Text size="sm">{dateWarningText(w, plan?.localeHint)}</Text>
            </Alert>
          ))}
          {state.kind === 'risks' && (
            <TextInput
              label="Scale of the file's scores"
              description="Leave empty when likelihood and impact use the risk method's levels (numbers, percentages, *** marks or words such as Low, High). Otherwise give the file's range, such as 1-10, or its words with their level: Low=1, Medium=2, High=3"
              placeholder="The risk method's levels"
              value={state.scale}
              onChange={(e) => onChange({ ...state, scale: e.currentTarget.value })}
              w={520}
            />
          )}
        </Stack>
      </Paper>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Save mapping as…"
          description="Proposed again when a file with the same header comes back"
          placeholder="e.g. Legal register 2024"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSave();
            }
          }}
          w={320}
        />
        <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={onSave} disabled={!plan || name.trim() === ''} loading={save.isPending}>
          Save mapping
        </Button>
      </Group>
    </Stack>
  );
}

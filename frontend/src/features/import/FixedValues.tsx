// The mapping step's "Same value for every row": one value for a field on every row
// whose cell is empty, such as the source type "Legal" and the source "NIS2" of a law's
// requirements. The importer applies it before the rows are checked.
import { Autocomplete, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import type { ImportField } from '../../lib/api';
import { usePeople } from '../../components/record/queries';
import { fixableFields, setFixed, type WizardState } from './wizard';

/** Fields naming a person: the value is a person's name or e-mail, found among the people (or added). */
const personFields = ['owner', 'custodian', 'person'];

function FixedInput({ field, value, column, onChange, people }: {
  field: ImportField;
  value: string;
  column: string | undefined;
  onChange: (v: string) => void;
  people: string[];
}) {
  const description = column ? `Fills the empty cells of column ${column}` : undefined;
  const common = { label: field.label, description, placeholder: 'Not set', size: 'sm' as const, 'data-testid': `fixed-${field.name}` };
  if (field.type === 'enum' && (field.options ?? []).length > 0) {
    return (
      <Select {...common} data={field.options ?? []} value={value || null} onChange={(v) => onChange(v ?? '')} clearable
        comboboxProps={{ withinPortal: true }} />
    );
  }
  if (field.type === 'bool') {
    return (
      <Select {...common} data={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} value={value || null}
        onChange={(v) => onChange(v ?? '')} clearable comboboxProps={{ withinPortal: true }} />
    );
  }
  if (personFields.includes(field.name)) {
    return (
      <Autocomplete {...common} data={people} value={value} onChange={onChange} limit={20}
        description={description ?? 'A person of the list, or a new name or e-mail (added as a person)'} comboboxProps={{ withinPortal: true }} />
    );
  }
  return (
    <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}
      placeholder={field.type === 'date' ? 'e.g. 2026-12-31' : common.placeholder} />
  );
}

/** FixedValues lets the user give fields without a column one value for every row. */
export function FixedValues({ state, onChange, fields, columns }: {
  state: WizardState;
  onChange: (s: WizardState) => void;
  fields: ImportField[];
  columns: Record<string, string>;
}) {
  const people = usePeople();
  const fixed = state.fixed ?? {};
  // every field without a column, and the mapped ones that have a value already
  const shown = fixableFields(fields).filter((f) => !columns[f.name] || (fixed[f.name] ?? '') !== '');
  if (shown.length === 0) return null;
  const names = [...new Set((people.data ?? []).map((p) => p.name).filter(Boolean))].sort();
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label="Same value for every row">
      <Title order={4} size="h5">Same value for every row</Title>
      <Text size="xs" c="dimmed" mb="xs">
        For what the sheet does not say, such as the source of a law’s requirements. The value goes into every row whose cell
        is empty: where a column is chosen for the field, its own values win.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        {shown.map((f) => (
          <FixedInput
            key={f.name}
            field={f}
            value={fixed[f.name] ?? ''}
            column={columns[f.name]}
            people={names}
            onChange={(v) => onChange(setFixed(state, f.name, v))}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

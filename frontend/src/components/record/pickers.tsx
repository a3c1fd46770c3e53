// Pickers of the record kit: an enum value, a person, a record of a kind, or several.
import { forwardRef } from 'react';
import { MultiSelect, Select } from '@mantine/core';
import type { Option } from '../../lib/api';
import { optionsOf, useChoices, useEnums, usePeople } from './queries';

interface Common {
  label: string;
  error?: string;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  onBlur?: () => void;
}

/** withCurrent keeps the current values in the options even when the picker no longer
 * offers them (a person who left, a record of a kind not loaded), so they still show. */
function withCurrent(options: Option[], values: string[], name: (v: string) => string): Option[] {
  const known = new Set(options.map((o) => o.value));
  const extra = values.filter((v) => v && !known.has(v)).map((v) => ({ value: v, label: name(v) }));
  return extra.length ? [...options, ...extra] : options;
}

export const EnumSelect = forwardRef<HTMLInputElement, Common & { enumName: string; value: string; onChange: (v: string) => void; clearable?: boolean }>(
  function EnumSelect({ enumName, value, onChange, clearable, ...rest }, ref) {
    const enums = useEnums();
    return (
      <Select
        ref={ref}
        {...rest}
        data={optionsOf(enums.data, enumName)}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        allowDeselect={!!clearable}
        clearable={clearable}
        comboboxProps={{ withinPortal: true }}
      />
    );
  },
);

export const EnumMultiSelect = forwardRef<HTMLInputElement, Common & { enumName: string; value: string[]; onChange: (v: string[]) => void }>(
  function EnumMultiSelect({ enumName, value, onChange, ...rest }, ref) {
    const enums = useEnums();
    return <MultiSelect ref={ref} {...rest} data={optionsOf(enums.data, enumName)} value={value} onChange={onChange} clearable searchable hidePickedOptions comboboxProps={{ withinPortal: true }} />;
  },
);

function usePersonName() {
  const people = usePeople();
  return (id: string) => {
    const p = people.data?.find((x) => x.id === id);
    return p ? `${p.name} (left)` : 'Unknown person';
  };
}

export const PersonPicker = forwardRef<HTMLInputElement, Common & { value: string; onChange: (v: string) => void; only?: string[] }>(
  function PersonPicker({ value, onChange, placeholder, only, ...rest }, ref) {
    const choices = useChoices('person');
    const name = usePersonName();
    const offered = only ? (choices.data ?? []).filter((o) => only.includes(o.value)) : (choices.data ?? []);
    const data = withCurrent(offered, [value], name);
    return (
      <Select
        ref={ref}
        {...rest}
        placeholder={placeholder ?? (choices.data && choices.data.length === 0 ? 'No people yet: add them under People & roles' : 'Choose a person')}
        data={data}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        searchable
        clearable
        allowDeselect={false}
        nothingFoundMessage="No such person"
        comboboxProps={{ withinPortal: true }}
      />
    );
  },
);

export const PeoplePicker = forwardRef<HTMLInputElement, Common & { value: string[]; onChange: (v: string[]) => void }>(
  function PeoplePicker({ value, onChange, placeholder, ...rest }, ref) {
    const choices = useChoices('person');
    const name = usePersonName();
    return (
      <MultiSelect
        ref={ref}
        {...rest}
        placeholder={value.length === 0 ? (placeholder ?? 'Choose people') : undefined}
        data={withCurrent(choices.data ?? [], value, name)}
        value={value}
        onChange={onChange}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage="No such person"
      />
    );
  },
);

export const RecordPicker = forwardRef<HTMLInputElement, Common & { kind: string; value: string; onChange: (v: string) => void }>(
  function RecordPicker({ kind, value, onChange, placeholder, ...rest }, ref) {
    const choices = useChoices(kind);
    return (
      <Select
        ref={ref}
        {...rest}
        placeholder={placeholder ?? (choices.data && choices.data.length === 0 ? 'None recorded yet' : 'Choose')}
        data={withCurrent(choices.data ?? [], [value], () => 'Deleted record')}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        searchable
        clearable
        allowDeselect={false}
        nothingFoundMessage="Nothing matches"
        comboboxProps={{ withinPortal: true }}
      />
    );
  },
);

export const RecordsPicker = forwardRef<HTMLInputElement, Common & { kind: string; value: string[]; onChange: (v: string[]) => void }>(
  function RecordsPicker({ kind, value, onChange, placeholder, ...rest }, ref) {
    const choices = useChoices(kind);
    return (
      <MultiSelect
        ref={ref}
        {...rest}
        placeholder={value.length === 0 ? (placeholder ?? (choices.data && choices.data.length === 0 ? 'None recorded yet' : 'Choose')) : undefined}
        data={withCurrent(choices.data ?? [], value, () => 'Deleted record')}
        value={value}
        onChange={onChange}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={260}
        nothingFoundMessage="Nothing matches"
      />
    );
  },
);

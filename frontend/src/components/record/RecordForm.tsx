// The kit's form drawer: React Hook Form with a zod schema made from the area's fields;
// Go decides what is valid, and its field errors land on the fields.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, FormProvider, useForm, useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Drawer, Grid, Group, NumberInput, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { normaliseError, type Stored } from '../../lib/api';
import { fieldLabel } from '../../lib/format';
import type { AreaConfig, FieldSpec } from './kit';
import { EnumMultiSelect, EnumSelect, PeoplePicker, PersonPicker, RecordPicker, RecordsPicker } from './pickers';
import { useAreaMutation } from './queries';

const date = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Enter a date as YYYY-MM-DD');

/** schemaOf makes the form's zod schema from the area's fields: shapes only, Go decides. */
export function schemaOf<T>(fields: FieldSpec<T>[]) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const f of fields) {
    if (f.form === false) continue;
    switch (f.type) {
      case 'number':
        shape[f.name] = z.number({ error: `${f.label} must be a number` });
        break;
      case 'bool':
        shape[f.name] = z.boolean();
        break;
      case 'date':
        shape[f.name] = date;
        break;
      case 'enums':
      case 'people':
      case 'records':
        shape[f.name] = z.array(z.string());
        break;
      case 'list':
        shape[f.name] = z.array(z.unknown());
        break;
      default:
        shape[f.name] = z.string();
    }
  }
  return z.object(shape).passthrough();
}

/** valuesOf picks the form's values from a record, with blanks for missing ones. */
export function valuesOf<T>(fields: FieldSpec<T>[], r: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rec = r as Record<string, unknown>;
  for (const f of fields) {
    if (f.form === false) continue;
    const v = rec[f.name];
    switch (f.type) {
      case 'number':
        out[f.name] = typeof v === 'number' ? v : 0;
        break;
      case 'bool':
        out[f.name] = !!v;
        break;
      case 'enums':
      case 'people':
      case 'records':
      case 'list':
        out[f.name] = Array.isArray(v) ? v : [];
        break;
      default:
        out[f.name] = typeof v === 'string' ? v : '';
    }
  }
  return out;
}

/** fieldMessage turns Go's "is required" into "Title is required"; sentences stay as they are. */
export function fieldMessage(label: string, message: string): string {
  const m = message.trim();
  if (m === '') return `${label} is not valid`;
  // "is required" reads as "Title is required"; any other sentence stands on its own.
  if (/^(is|are|must|cannot|can|needs|need|repeats|has|does|should|may)\b/.test(m)) return `${label} ${m}`;
  return m.charAt(0).toUpperCase() + m.slice(1);
}

export interface RecordFormProps<T extends Stored> {
  config: AreaConfig<T>;
  opened: boolean;
  onClose: () => void;
  /** The record as it was read; absent for a new one. */
  record?: T;
  onReload?: () => Promise<T | undefined>;
  onSaved?: (r: T) => void;
}

/** RecordForm creates or edits one record of an area in a drawer. */
export function RecordForm<T extends Stored>(props: RecordFormProps<T>) {
  const { config, opened, onClose, record } = props;
  const name = record ? config.refOf(record) || config.titleOf(record) : '';
  const dirty = useRef(false);
  // Closing a form with changes asks first; Save and Cancel-after-confirm close it.
  const close = () => {
    if (!dirty.current) return onClose();
    modals.openConfirmModal({
      title: 'Discard your changes?',
      children: <Text size="sm">The changes you made in this form are not saved.</Text>,
      labels: { confirm: 'Discard changes', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        dirty.current = false;
        onClose();
      },
    });
  };
  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size={640}
      closeOnClickOutside={false}
      title={<Text fw={650} size="lg">{record ? `Edit ${name || config.noun}` : `New ${config.noun}`}</Text>}
    >
      {opened && <RecordFormBody {...props} onClose={close} onSaved={(r) => { dirty.current = false; props.onSaved?.(r); }} onDirty={(d) => { dirty.current = d; }} />}
    </Drawer>
  );
}

/** RecordFormBody is the form without its drawer (tests render it directly). */
export function RecordFormBody<T extends Stored>({ config, record, onReload, onSaved, onClose, onDirty }: RecordFormProps<T> & { onDirty?: (dirty: boolean) => void }) {
  const fields = config.fields.filter((f) => f.form !== false);
  const schema = useMemo(() => schemaOf(fields), [fields]);
  const [base, setBase] = useState<T | undefined>(record);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const save = useAreaMutation((r: T) => (r.id ? config.service.update(r) : config.service.create(r)));
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(fields, record ?? config.blank()),
  });
  const { control, handleSubmit, reset, setError, formState: { isSubmitting } } = form;
  const values = useWatch({ control }) as T;

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setConflict(false);
    try {
      const saved = await save.mutateAsync({ ...(base ?? config.blank()), ...v } as T);
      const what = [config.refOf(saved), config.titleOf(saved)].filter(Boolean).join(' · ');
      notifications.show({ color: 'green', title: base ? `${capital(config.noun)} saved` : `${capital(config.noun)} created`, message: what });
      onSaved?.(saved);
    } catch (err) {
      const e = normaliseError(err);
      if (e.code === 'conflict') {
        setConflict(true);
        return;
      }
      const other: string[] = [];
      let focused = false;
      for (const [name, message] of Object.entries(e.fields)) {
        const f = fields.find((x) => x.name === name);
        if (f && (!f.when || f.when(values))) {
          setError(name, { type: 'server', message: fieldMessage(f.label, message) }, { shouldFocus: !focused });
          focused = true;
        } else {
          other.push(fieldMessage(labelOfPath(config, name), message));
        }
      }
      if (Object.keys(e.fields).length === 0 || other.length > 0) setFormError([e.message, ...other].filter(uniq).join('\n'));
    }
  });

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      setBase(fresh);
      reset(valuesOf(fields, fresh));
    }
    setConflict(false);
  };

  const Extra = config.formExtra;
  useEffect(() => onDirty?.(form.formState.isDirty), [form.formState.isDirty, onDirty]);
  return (
    <FormProvider {...form}>
    <form onSubmit={submit} noValidate aria-label={base ? `Edit ${config.noun}` : `New ${config.noun}`}>
      <Stack gap="sm">
        {Extra && <Extra record={base} />}
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={`This ${config.noun} was changed elsewhere`}>
            <Text size="sm">A newer version was saved since you opened it, so your changes were not saved. Reload it, then make your changes again.</Text>
            {onReload && (
              <Button mt="sm" size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} />} onClick={() => void reload()}>
                Reload
              </Button>
            )}
          </Alert>
        )}
        {formError && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved" role="alert">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{formError}</Text>
          </Alert>
        )}
        <Grid gutter="sm">
          {fields.map((f) =>
            f.when && !f.when(values) ? null : (
              <Grid.Col key={f.name} span={f.span ?? 12}>
                <FieldInput field={f} control={control} locked={f.locked?.(base) ?? false} />
              </Grid.Col>
            ),
          )}
        </Grid>
        <Group justify="flex-end" className="form-footer">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={isSubmitting}>Save</Button>
        </Group>
      </Stack>
    </form>
    </FormProvider>
  );
}

const uniq = (v: string, i: number, a: string[]) => a.indexOf(v) === i;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** labelOfPath names a field Go reported that the form does not show, e.g. "versions[0].text". */
function labelOfPath<T extends Stored>(config: AreaConfig<T>, path: string): string {
  const f = config.fields.find((x) => x.name === path);
  if (f) return f.label;
  const last = path.replace(/\[\d+\]/g, '').split('.').pop() ?? path;
  return fieldLabel(last);
}

/** FieldInput renders one field of the form by its type. */
function FieldInput<T>({ field: f, control, locked }: { field: FieldSpec<T>; control: Control<FieldValues>; locked: boolean }) {
  return (
    <Controller
      control={control}
      name={f.name as Path<FieldValues>}
      render={({ field, fieldState }) => {
        const common = {
          label: f.label,
          description: f.description,
          error: fieldState.error?.message,
          disabled: locked,
          onBlur: field.onBlur,
        };
        if (f.input) {
          const Input = f.input;
          return <Input {...common} value={field.value} onChange={field.onChange} />;
        }
        switch (f.type) {
          case 'textarea':
            return <Textarea {...common} ref={field.ref} placeholder={f.placeholder} autosize minRows={2} maxRows={10} value={field.value as string} onChange={(e) => field.onChange(e.currentTarget.value)} />;
          case 'number':
            return (
              <NumberInput
                {...common}
                ref={field.ref}
                min={f.min}
                max={f.max}
                value={field.value as number}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? 0 : Number(v))}
                decimalScale={4}
                clampBehavior="none"
              />
            );
          case 'date':
            return <TextInput {...common} ref={field.ref} type="date" value={field.value as string} onChange={(e) => field.onChange(e.currentTarget.value)} />;
          case 'bool':
            return <Switch mt={f.span && f.span < 12 ? 30 : 4} label={f.label} description={f.description} error={common.error} disabled={locked} ref={field.ref} checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} onBlur={field.onBlur} />;
          case 'enum':
            return <EnumSelect {...common} ref={field.ref} enumName={f.enum ?? ''} value={field.value as string} onChange={field.onChange} />;
          case 'enums':
            return <EnumMultiSelect {...common} ref={field.ref} enumName={f.enum ?? ''} value={field.value as string[]} onChange={field.onChange} />;
          case 'person':
            return <PersonPicker {...common} ref={field.ref} placeholder={f.placeholder} value={field.value as string} onChange={field.onChange} />;
          case 'people':
            return <PeoplePicker {...common} ref={field.ref} placeholder={f.placeholder} value={field.value as string[]} onChange={field.onChange} />;
          case 'record':
            return <RecordPicker {...common} ref={field.ref} kind={f.kind ?? ''} placeholder={f.placeholder} value={field.value as string} onChange={field.onChange} />;
          case 'records':
            return <RecordsPicker {...common} ref={field.ref} kind={f.kind ?? ''} placeholder={f.placeholder} value={field.value as string[]} onChange={field.onChange} />;
          default:
            return <TextInput {...common} ref={field.ref} placeholder={f.placeholder} value={field.value as string} onChange={(e) => field.onChange(e.currentTarget.value)} />;
        }
      }}
    />
  );
}

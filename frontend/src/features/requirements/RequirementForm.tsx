import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert, Button, Drawer, Grid, Group, MultiSelect, Select, Stack, Switch, Text, TextInput, Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { normaliseError, type Requirement } from '../../lib/api';
import { useRequirementOptions, useSaveRequirement } from './queries';
import {
  blankRequirement, fieldLabels, fieldMessage, inputOf, isRequirementField, requirementSchema, valuesOf,
  type RequirementValues,
} from './schema';

export interface RequirementFormProps {
  opened: boolean;
  onClose: () => void;
  /** The requirement being edited, as it was read; absent for a new one. */
  requirement?: Requirement;
  /** Reads the requirement again after a conflict. */
  onReload?: () => Promise<Requirement | undefined>;
  onSaved?: (r: Requirement) => void;
}

/** RequirementForm creates or edits a requirement in a drawer. */
export function RequirementForm({ opened, onClose, requirement, onReload, onSaved }: RequirementFormProps) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={640}
      title={
        <Text fw={650} size="lg">
          {requirement ? `Edit ${requirement.ref || 'requirement'}` : 'New requirement'}
        </Text>
      }
      closeOnClickOutside={false}
    >
      {opened && <RequirementFormBody requirement={requirement} onReload={onReload} onSaved={onSaved} onCancel={onClose} />}
    </Drawer>
  );
}

interface BodyProps {
  requirement?: Requirement;
  onReload?: () => Promise<Requirement | undefined>;
  onSaved?: (r: Requirement) => void;
  onCancel: () => void;
}

/** RequirementFormBody is the form itself, without the drawer (tests render it directly). */
export function RequirementFormBody({ requirement, onReload, onSaved, onCancel }: BodyProps) {
  const options = useRequirementOptions();
  const save = useSaveRequirement();
  const [base, setBase] = useState(requirement);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const {
    control, register, handleSubmit, reset, setError, formState: { errors, isSubmitting },
  } = useForm<RequirementValues>({
    resolver: zodResolver(requirementSchema),
    defaultValues: requirement ? valuesOf(requirement) : blankRequirement,
  });

  useEffect(() => setBase(requirement), [requirement]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    try {
      const saved = await save.mutateAsync(inputOf(values, base));
      notifications.show({
        color: 'green',
        title: base ? 'Requirement saved' : 'Requirement created',
        message: [saved.ref, saved.title].filter(Boolean).join(' · '),
      });
      onSaved?.(saved);
    } catch (err) {
      const e = normaliseError(err);
      if (e.code === 'conflict') {
        setConflict(true);
        return;
      }
      const other: string[] = [];
      for (const [name, message] of Object.entries(e.fields)) {
        if (isRequirementField(name)) setError(name, { type: 'server', message: fieldMessage(name, message) }, { shouldFocus: other.length === 0 });
        else other.push(`${name}: ${message}`);
      }
      if (Object.keys(e.fields).length === 0 || other.length > 0) {
        setFormError([e.message, ...other].join('\n'));
      }
    }
  });

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      setBase(fresh);
      reset(valuesOf(fresh));
    }
    setConflict(false);
  };

  const opts = options.data;
  const err = (name: keyof RequirementValues) => errors[name]?.message;
  const label = fieldLabels;

  return (
    <form onSubmit={submit} noValidate aria-label={base ? 'Edit requirement' : 'New requirement'}>
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle />} title="This requirement was changed elsewhere">
            <Text size="sm">
              Someone or something saved a newer version since you opened it, so your changes were not saved. Reload it
              to see the latest version, then make your changes again.
            </Text>
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
        {options.isError && (
          <Alert color="red" title="Choices could not be loaded">{normaliseError(options.error).message}</Alert>
        )}
        <Grid gutter="sm">
          <Grid.Col span={4}>
            <TextInput label={label.ref} placeholder="e.g. GDPR Art. 32" error={err('ref')} {...register('ref')} />
          </Grid.Col>
          <Grid.Col span={8}>
            <TextInput label={label.title} error={err('title')} {...register('title')} />
          </Grid.Col>
        </Grid>
        <Textarea label={label.text} autosize minRows={3} maxRows={10} error={err('text')} {...register('text')} />
        <Grid gutter="sm">
          <Grid.Col span={5}>
            <Controller
              control={control}
              name="sourceType"
              render={({ field }) => (
                <Select
                  label={label.sourceType}
                  data={opts?.sources ?? []}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={err('sourceType')}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={7}>
            <TextInput label={label.source} placeholder="The law, contract or party" error={err('source')} {...register('source')} />
          </Grid.Col>
          <Grid.Col span={7}>
            <Controller
              control={control}
              name="ownerId"
              render={({ field }) => (
                <Select
                  label={label.ownerId}
                  placeholder={opts && opts.people.length === 0 ? 'No people yet' : 'Choose a person'}
                  data={opts?.people ?? []}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={err('ownerId')}
                  searchable
                  clearable
                  nothingFoundMessage="No such person"
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <Controller
              control={control}
              name="status"
              render={({ field }) => (
                <Select
                  label={label.status}
                  data={opts?.statuses ?? []}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={err('status')}
                  allowDeselect={false}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={7}>
            <Controller
              control={control}
              name="applicable"
              render={({ field }) => (
                <Switch
                  mt={32}
                  label={label.applicable}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={err('applicable')}
                />
              )}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput type="date" label={label.dueDate} error={err('dueDate')} {...register('dueDate')} />
          </Grid.Col>
        </Grid>
        <TextInput label={label.evidence} placeholder="Where the evidence of compliance is" error={err('evidence')} {...register('evidence')} />
        <Controller
          control={control}
          name="controlIds"
          render={({ field }) => (
            <MultiSelect
              label={label.controlIds}
              placeholder={field.value.length === 0 ? 'Controls that cover this requirement' : undefined}
              data={opts?.controls ?? []}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={err('controlIds')}
              searchable
              clearable
              hidePickedOptions
              maxDropdownHeight={260}
              nothingFoundMessage="No such control"
            />
          )}
        />
        <Controller
          control={control}
          name="policyIds"
          render={({ field }) => (
            <MultiSelect
              label={label.policyIds}
              placeholder={field.value.length === 0 ? (opts && opts.policies.length === 0 ? 'No policies yet' : 'Policies that cover this requirement') : undefined}
              data={opts?.policies ?? []}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={err('policyIds')}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage="No such policy"
            />
          )}
        />
        <Textarea label={label.notes} autosize minRows={2} maxRows={8} error={err('notes')} {...register('notes')} />
        <Group justify="flex-end" className="form-footer">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

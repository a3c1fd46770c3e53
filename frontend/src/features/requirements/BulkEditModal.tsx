import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { normaliseError, type ApiError, type RequirementOptions } from '../../lib/api';
import { useBulkUpdate } from './queries';
import { bulkFieldName, bulkOutcome, bulkTitle, changeOf, type BulkField } from './selection';

export interface BulkEditModalProps {
  /** The field being set, or null when the modal is closed. */
  field: BulkField | null;
  ids: string[];
  options: RequirementOptions | undefined;
  onClose: () => void;
  /** Called after the change was saved (the selection is then usually cleared). */
  onDone: () => void;
}

const fieldLabel: Record<BulkField, string> = { status: 'Status', owner: 'Owner', sourceType: 'Source type', source: 'Source' };

/** BulkEditModal sets one field of every selected requirement, all or none. */
export function BulkEditModal({ field, ids, options, onClose, onDone }: BulkEditModalProps) {
  const bulk = useBulkUpdate();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (field) {
      setValue(null);
      setError(null);
    }
  }, [field]);

  if (!field) return <Modal opened={false} onClose={onClose} />;

  // An owner may be cleared and a source left blank; a status and source type must be chosen.
  const required = field === 'status' || field === 'sourceType';
  const canSave = !bulk.isPending && (!required || (value ?? '') !== '');
  const fieldError = error?.fields[bulkFieldName[field]];

  const save = () => {
    setError(null);
    const chosen = value ?? '';
    bulk.mutate(
      { ids, change: changeOf(field, chosen) },
      {
        onSuccess: (n) => {
          notifications.show({ color: 'green', title: fieldLabel[field] + ' set', message: bulkOutcome(field, n, ids.length) });
          onDone();
        },
        onError: (err) => setError(normaliseError(err)),
      },
    );
  };

  const data =
    field === 'status' ? (options?.statuses ?? []) : field === 'owner' ? (options?.people ?? []) : (options?.sources ?? []);

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{bulkTitle(field, ids.length)}</Text>} size="md" closeOnClickOutside={!bulk.isPending}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) save();
        }}
      >
        <Stack gap="md">
          {field === 'source' ? (
            <TextInput
              label={fieldLabel[field]}
              description="The law, contract or party the requirements come from. Leave it blank to clear it."
              value={value ?? ''}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={fieldError}
              data-autofocus
            />
          ) : (
            <Select
              label={fieldLabel[field]}
              description={field === 'owner' ? 'Leave it empty to remove the owner.' : undefined}
              placeholder={field === 'owner' ? 'No owner' : 'Choose…'}
              data={data}
              value={value}
              onChange={setValue}
              searchable={field === 'owner'}
              clearable={field === 'owner'}
              nothingFoundMessage="Nobody matches"
              error={fieldError}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Not saved">
              {error.message}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            Every selected requirement is changed, or none is. Each change is kept in the requirement's history.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={bulk.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={!canSave} loading={bulk.isPending}>
              {field === 'owner' && !value ? 'Remove owner' : 'Apply to ' + (ids.length === 1 ? '1 requirement' : `${ids.length.toLocaleString()} requirements`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

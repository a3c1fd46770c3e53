import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { normaliseError } from '../lib/api';

/** QueryError shows why a read failed and lets the user try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const e = normaliseError(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={e.code === 'not_found' ? 'Not found' : 'Could not load'}>
      {e.message}
      {onRetry && (
        <Button size="xs" variant="light" color="red" ml="md" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}

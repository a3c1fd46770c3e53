import { Anchor, Button, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { api, normaliseError } from '../lib/api';

export interface TemplateButtonProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** The import kind whose template is saved. */
  kind: string;
}

/**
 * TemplateButton saves the Excel template of an import kind where the user chooses: the
 * columns the import expects, drop-down lists of the allowed values and an example row.
 */
export function TemplateButton({ kind, ...props }: TemplateButtonProps) {
  const save = useMutation({
    mutationFn: () => api.imports.saveTemplate(kind),
    onSuccess: (path) => {
      if (!path) return; // the user closed the save dialog
      notifications.show({
        color: 'green',
        title: 'Template saved',
        autoClose: 10_000,
        message: (
          <>
            <Text size="sm" truncate title={path}>{path}</Text>
            <Anchor
              component="button"
              size="sm"
              onClick={() =>
                void api.reports.open(path).catch((err: unknown) =>
                  notifications.show({ color: 'red', title: 'The file could not be opened', message: normaliseError(err).message }),
                )
              }
            >
              Open it
            </Anchor>
          </>
        ),
      });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Template not saved', message: normaliseError(err).message }),
  });
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={save.isPending}
      disabled={!kind}
      onClick={() => save.mutate()}
      title="An Excel file with the columns this import expects, lists of the allowed values and an example row"
      {...props}
    >
      Download a template
    </Button>
  );
}

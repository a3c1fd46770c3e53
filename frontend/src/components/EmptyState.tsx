import type { ReactNode } from 'react';
import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/** EmptyState explains what a screen is for when it has nothing to show. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray">
        <IconInbox size={26} />
      </ThemeIcon>
      <Title order={4}>{title}</Title>
      {children && (
        <Text c="dimmed" size="sm" maw={520}>
          {children}
        </Text>
      )}
      {action}
    </Stack>
  );
}

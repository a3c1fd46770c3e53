import { Button, Center, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';

/** ErrorScreen replaces the whole window when the data folder cannot be used. */
export function ErrorScreen({ title, message, dataDir, onRetry }: { title: string; message: string; dataDir?: string; onRetry?: () => void }) {
  return (
    <Center h="100vh" bg="var(--app-muted)" p="xl">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={620} role="alert">
        <Stack gap="md">
          <ThemeIcon size={56} radius="xl" color="red" variant="light">
            <IconDatabaseOff size={30} />
          </ThemeIcon>
          <Title order={2}>{title}</Title>
          <Text>{message}</Text>
          {dataDir && (
            <Text size="sm" c="dimmed">
              Data folder: <Code>{dataDir}</Code>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            If another ISMS Desk window is open on this data folder, close it and try again. Nothing has been changed.
          </Text>
          {onRetry && (
            <Button onClick={onRetry} w="fit-content">
              Try again
            </Button>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, message, action }: { title: string; message?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="xs" ta="center">
        <Title order={2} fz="h4">{title}</Title>
        {message && <Text c="dimmed">{message}</Text>}
        {action}
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface StatCardProps {
  label: string;
  value: string;
  hint?: string;
  icon: Icon;
  color: string;
}

export function StatCard({ label, value, hint, icon: IconComponent, color }: StatCardProps) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fz="sm" c="dimmed" fw={600}>{label}</Text>
          <Text fz={28} fw={700} lh={1.2} mt={4}>{value}</Text>
          {hint && <Text fz="xs" c="dimmed" mt={4}>{hint}</Text>}
        </div>
        <ThemeIcon variant="light" color={color} size={44} radius="md" aria-hidden>
          <IconComponent size={26} stroke={1.6} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

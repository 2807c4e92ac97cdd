import { Avatar, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]?.toUpperCase() ?? '').join('');
}

/** Who is signed in: name, role and agency. */
export function UserSummaryCard({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Avatar color="blue" radius="xl" size={compact ? 'sm' : 'md'} aria-hidden>
        {initials(me.fullName)}
      </Avatar>
      <Stack gap={0} miw={0}>
        <Text fz="sm" fw={600} truncate="end">{me.fullName}</Text>
        <Text fz="xs" c="dimmed" truncate="end">
          {t(`roles.${me.role}`)} · {me.agency.shortName}
        </Text>
      </Stack>
    </Group>
  );
}

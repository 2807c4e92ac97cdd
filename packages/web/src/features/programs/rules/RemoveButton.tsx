import { ActionIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function RemoveButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  if (disabled) return null;
  return (
    <Tooltip label={t('programs.rule.remove')}>
      <ActionIcon variant="subtle" color="red" aria-label={t('programs.rule.remove')} onClick={onClick}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

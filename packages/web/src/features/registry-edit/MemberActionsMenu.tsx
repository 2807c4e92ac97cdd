import { ActionIcon, Menu } from '@mantine/core';
import type { Member } from '@sinergi/domain';
import { IconArrowsExchange, IconDots, IconPencil, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type MemberAction = 'edit' | 'move' | 'end';

/** A member's row menu: change data, move to another family card, or end the membership. */
export function MemberActionsMenu({ member, onAction }: { member: Member; onAction: (action: MemberAction, member: Member) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('edit.memberActions', { name: member.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onAction('edit', member)}>{t('edit.editMember')}</Menu.Item>
        <Menu.Item leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => onAction('move', member)}>{t('edit.moveMember')}</Menu.Item>
        <Menu.Item color="red" leftSection={<IconUserOff size={14} aria-hidden />} onClick={() => onAction('end', member)}>{t('edit.endMember')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

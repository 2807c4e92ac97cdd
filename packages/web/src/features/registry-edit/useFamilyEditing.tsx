import { Button } from '@mantine/core';
import type { FamilyDetail, Member } from '@sinergi/domain';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session.ts';
import { FamilyEditModal } from './FamilyEditModal.tsx';
import { MemberActionsMenu, type MemberAction } from './MemberActionsMenu.tsx';
import { MemberAddModal } from './MemberAddModal.tsx';
import { MemberEditModal } from './MemberEditModal.tsx';
import { MemberEndModal } from './MemberEndModal.tsx';
import { MemberMoveModal } from './MemberMoveModal.tsx';

export interface FamilyEditing {
  /** "Ubah data keluarga", for the page header; null without 'registry.write'. */
  editFamilyButton: ReactNode;
  addMemberButton: ReactNode;
  /** The row menu of one member, or undefined when the user may not change members. */
  memberActions?: (member: Member) => ReactNode;
  modals: ReactNode;
}

/** Everything the profile needs to edit a family and its members, for those allowed to. */
export function useFamilyEditing(family: FamilyDetail | undefined): FamilyEditing {
  const { t } = useTranslation();
  const canWrite = useCan('registry.write');
  const [editingFamily, setEditingFamily] = useState(false);
  const [adding, setAdding] = useState(false);
  const [memberAction, setMemberAction] = useState<{ action: MemberAction; member: Member } | null>(null);
  if (!canWrite || !family) return { editFamilyButton: null, addMemberButton: null, modals: null };
  const only = (action: MemberAction) => (memberAction?.action === action ? memberAction.member : null);
  const close = () => setMemberAction(null);

  return {
    editFamilyButton: (
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditingFamily(true)}>{t('edit.editFamily')}</Button>
    ),
    addMemberButton: (
      <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>{t('edit.addMember')}</Button>
    ),
    memberActions: (member) => <MemberActionsMenu member={member} onAction={(action, chosen) => setMemberAction({ action, member: chosen })} />,
    modals: (
      <>
        <FamilyEditModal family={family} opened={editingFamily} onClose={() => setEditingFamily(false)} />
        <MemberAddModal familyId={family.id} opened={adding} onClose={() => setAdding(false)} />
        <MemberEditModal familyId={family.id} member={only('edit')} onClose={close} />
        <MemberMoveModal familyId={family.id} member={only('move')} onClose={close} />
        <MemberEndModal familyId={family.id} member={only('end')} onClose={close} />
      </>
    ),
  };
}

import { Button, Group, Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  size?: string;
  /** Rendered only while open, so each opening starts from fresh values. */
  children: () => ReactNode;
}

export function FormModal({ opened, title, onClose, size = 'lg', children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size={size}>
      {opened && children()}
    </Modal>
  );
}

/** Cancel and save at the foot of a form. */
export function FormActions({ onCancel, saving, saveLabel, color }: { onCancel: () => void; saving: boolean; saveLabel?: string; color?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" loading={saving} color={color}>{saveLabel ?? t('common.save')}</Button>
    </Group>
  );
}

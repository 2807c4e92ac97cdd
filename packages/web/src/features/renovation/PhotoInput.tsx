import { FileInput } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Photos from the phone's camera or gallery; the server downscales them, so any size up to 15 MB is fine. */
export function PhotoInput({ value, onChange, label }: { value: File[]; onChange: (files: File[]) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <FileInput
      multiple
      clearable
      label={label}
      description={t('renovation.photos.hint')}
      placeholder={t('renovation.photos.choose')}
      accept="image/jpeg,image/png,image/webp"
      leftSection={<IconCamera size={16} aria-hidden />}
      value={value}
      onChange={onChange}
      data-testid="photo-input"
    />
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface UnmaskButtonProps {
  unmasked: boolean;
  loading: boolean;
  onUnmask: () => void;
  onMask: () => void;
  /** What the confirmation says will be shown; default: full NIK, No KK and birth dates. */
  warning?: string;
}

/** Full NIK are shown only after the user confirms, knowing the viewing is recorded in the audit trail. */
export function UnmaskButton({ unmasked, loading, onUnmask, onMask, warning }: UnmaskButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  if (unmasked) {
    return (
      <Button variant="default" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={onMask}>
        {t('families.hideNik')}
      </Button>
    );
  }
  return (
    <>
      <Button variant="light" color="orange" leftSection={<IconEye size={16} aria-hidden />} onClick={open} loading={loading}>
        {t('families.showNik')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('families.unmaskTitle')} centered>
        <Stack>
          <Text>{warning ?? t('families.unmaskWarning')}</Text>
          <Text fz="sm" c="dimmed">{t('families.unmaskLaw')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button
              color="orange"
              onClick={() => {
                close();
                onUnmask();
              }}
            >
              {t('families.unmaskConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

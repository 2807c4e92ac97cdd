import { Button, PasswordInput, Stack } from '@mantine/core';
import { MIN_PASSWORD_LENGTH } from '@sinergi/domain';
import { IconWand } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { validationMessage } from '../../i18n/validation.tsx';
import { generatePassword } from './api.ts';

/** The server's strength rule, checked before sending so the admin sees it at once. */
export function temporaryPasswordErrors(password: string, username: string): Record<string, ReactNode> {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: validationMessage('passwordTooShort', { min: MIN_PASSWORD_LENGTH }) };
  if (username && password.toLowerCase() === username.toLowerCase()) return { password: validationMessage('passwordIsUsername') };
  return {};
}

interface TemporaryPasswordInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}

/** A temporary password the admin passes on; the user must replace it at first sign-in. */
export function TemporaryPasswordInput({ value, onChange, error }: TemporaryPasswordInputProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Stack gap={6}>
      <PasswordInput
        label={t('users.temporaryPassword')}
        description={t('users.temporaryPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        withAsterisk
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        visible={visible}
        onVisibilityChange={setVisible}
      />
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconWand size={14} aria-hidden />}
        onClick={() => {
          onChange(generatePassword());
          setVisible(true);
        }}
      >
        {t('users.generatePassword')}
      </Button>
    </Stack>
  );
}

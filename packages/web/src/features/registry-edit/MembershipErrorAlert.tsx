import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { refreshFamily } from './api.ts';

/** A failed move or end; on 409 conflict the member changed meanwhile, so the profile is reloaded before trying again. */
export function MembershipErrorAlert({ error, familyId, onDone }: { error: Error; familyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const conflict = error instanceof ApiError && error.code === 'conflict';
  return (
    <Alert color={conflict ? 'orange' : 'red'} icon={<IconAlertTriangle aria-hidden />} title={conflict ? t('edit.conflictTitle') : t('edit.saveFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{conflict ? t('edit.memberChangedMeanwhile') : error.message}</Text>
        {conflict && (
          <Button
            size="xs"
            color="orange"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => {
              void refreshFamily(queryClient, familyId);
              onDone();
            }}
          >
            {t('edit.reload')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

import { Button } from '@mantine/core';
import type { Program } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { changeProgramStatus, useRefreshProgram } from './api.ts';

/** Activate a draft (the server checks legal basis, rule and priority) or close a program for good. */
export function ProgramStatusActions({ program }: { program: Program }) {
  const { t } = useTranslation();
  const refresh = useRefreshProgram(program.id);
  const [asking, setAsking] = useState<'activate' | 'close' | null>(null);
  const change = useMutation({
    mutationFn: (to: 'activate' | 'close') => changeProgramStatus(program.id, to, program.version),
    onSuccess: async (saved) => {
      notifySuccess(t(`programs.statusChanged.${saved.status}`));
      setAsking(null);
      await refresh();
    },
  });
  if (!program.canManage) return null;
  return (
    <>
      {program.status === 'draft' && <Button color="teal" onClick={() => setAsking('activate')}>{t('programs.activate')}</Button>}
      {program.status !== 'closed' && <Button variant="subtle" color="red" onClick={() => setAsking('close')}>{t('programs.close')}</Button>}
      <ConfirmModal
        opened={asking !== null}
        title={asking === 'activate' ? t('programs.activateTitle') : t('programs.closeTitle')}
        message={asking === 'activate' ? t('programs.activateMessage') : t('programs.closeMessage')}
        confirmLabel={asking === 'activate' ? t('programs.activate') : t('programs.close')}
        color={asking === 'close' ? 'red' : 'teal'}
        loading={change.isPending}
        onConfirm={() => asking && change.mutate(asking)}
        onClose={() => setAsking(null)}
      />
    </>
  );
}

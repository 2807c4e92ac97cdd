import { notifications } from '@mantine/notifications';
import type { Renovation } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { renovationDetailKey, renovationKey } from './api.ts';

/** Runs one change of a house and shows its answer: the page takes the house the server returns, lists refresh. */
export function useHouseAction(id: string, onDone?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: () => Promise<Renovation>) => run(),
    onSuccess: async (house) => {
      queryClient.setQueryData(renovationDetailKey(id), house);
      await queryClient.invalidateQueries({ queryKey: renovationKey, predicate: (query) => query.queryKey[1] !== 'detail' });
      notifications.show({ color: 'green', message: t('renovation.saved') });
      onDone?.();
    },
  });
}

import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { CORRECTION_STATUS_LABELS, CORRECTION_STATUSES, CorrectionStatus, type CorrectionRequest } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useCan } from '../auth/session.ts';
import { correctionsQueryKey, startCorrectionReview, useCorrections } from './api.ts';
import { CorrectionCard } from './CorrectionCard.tsx';
import { DecideCorrectionModal } from './DecideCorrectionModal.tsx';

/** Correction requests in the officer's scope, newest first: received → in review → accepted or rejected. */
export function CorrectionsSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const params = useListParams();
  const queryClient = useQueryClient();
  const canAct = useCan('registry.write');
  const [deciding, setDeciding] = useState<CorrectionRequest | null>(null);
  const status = CorrectionStatus.safeParse(params.get('status')).data;
  const corrections = useCorrections({ status, page: params.page, pageSize: params.getNumber('pageSize', 10) });
  const review = useMutation({
    mutationFn: (request: CorrectionRequest) => startCorrectionReview(request.id),
    onSuccess: async () => {
      notifySuccess(t('privacy.corrections.reviewStarted'));
      await queryClient.invalidateQueries({ queryKey: correctionsQueryKey });
    },
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="corrections-title">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h4" id="corrections-title">{t('privacy.corrections.title')}</Title>
          <Text fz="sm" c="dimmed">{t('privacy.corrections.description')}</Text>
        </div>
        <NativeSelect
          label={t('privacy.corrections.statusFilter')}
          maw={280}
          value={status ?? ''}
          onChange={(event) => params.set({ status: event.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...CORRECTION_STATUSES.map((value) => ({ value, label: CORRECTION_STATUS_LABELS[value][language] }))]}
        />
        <PagedResult query={corrections} emptyTitle={t('privacy.corrections.emptyTitle')} emptyMessage={t('privacy.corrections.emptyMessage')} defaultPageSize={10} bare>
          {(items) => (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((request) => (
                <CorrectionCard
                  key={request.id}
                  request={request}
                  canAct={canAct}
                  reviewing={review.isPending && review.variables.id === request.id}
                  onReview={(chosen) => review.mutate(chosen)}
                  onDecide={setDeciding}
                />
              ))}
            </Stack>
          )}
        </PagedResult>
      </Stack>
      <DecideCorrectionModal request={deciding} onClose={() => setDeciding(null)} />
    </Paper>
  );
}

import { Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { CORRECTION_CHANNEL_LABELS, CORRECTION_STATUS_LABELS, changeFieldLabel, formatChangeValue, type ChangeValue, type CorrectionRequest } from '@sinergi/domain';
import { IconEye, IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';

const STATUS_COLOR = { received: 'blue', in_review: 'yellow', accepted: 'teal', rejected: 'red' } as const;

interface CorrectionCardProps {
  request: CorrectionRequest;
  canAct: boolean;
  reviewing: boolean;
  onReview: (request: CorrectionRequest) => void;
  onDecide: (request: CorrectionRequest) => void;
}

/** One correction request: who asked what and why, where it stands, and the next step. */
export function CorrectionCard({ request, canAct, reviewing, onReview, onDecide }: CorrectionCardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const changes = Object.entries(request.requestedChanges);
  const who = (actor: CorrectionRequest['createdBy'], at: string | null) => (actor && at ? t('privacy.corrections.byAt', { who: actor.fullName, when: format.dateTime(at) }) : null);

  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={600}>
              {request.entity === 'member'
                ? t('privacy.corrections.subjectPerson', { name: request.subjectName ?? '–' })
                : t('privacy.corrections.subjectFamily', { name: request.subjectName ?? '–' })}
            </Text>
            {request.subjectNik && <Text fz="xs" ff="monospace">{request.subjectNik}</Text>}
          </div>
          <Badge color={STATUS_COLOR[request.status]} variant="light">{CORRECTION_STATUS_LABELS[request.status][language]}</Badge>
        </Group>
        <Text fz="sm">
          {t('privacy.corrections.askedBy', {
            name: request.requesterName,
            channel: CORRECTION_CHANNEL_LABELS[request.channel][language],
            when: format.dateTime(request.createdAt),
          })}
          {request.requesterContact && ` · ${request.requesterContact}`}
        </Text>
        <Text fz="sm"><Text span fw={500} fz="sm">{t('privacy.corrections.reason')}:</Text> {request.reason}</Text>
        {changes.length > 0 && (
          <List fz="sm" spacing={2}>
            {changes.map(([field, value]) => (
              <List.Item key={field}>
                {changeFieldLabel(request.entity, field)[language]} → <Text span fw={500} fz="sm">{formatChangeValue(request.entity, field, value as ChangeValue, language)}</Text>
              </List.Item>
            ))}
          </List>
        )}
        <Stack gap={0}>
          {who(request.createdBy, request.createdAt) && <Text fz="xs" c="dimmed">{t('privacy.corrections.recordedBy', { who: who(request.createdBy, request.createdAt) })}</Text>}
          {who(request.reviewedBy, request.reviewedAt) && <Text fz="xs" c="dimmed">{t('privacy.corrections.reviewedBy', { who: who(request.reviewedBy, request.reviewedAt) })}</Text>}
          {who(request.decidedBy, request.decidedAt) && <Text fz="xs" c="dimmed">{t('privacy.corrections.decidedBy', { who: who(request.decidedBy, request.decidedAt) })}</Text>}
        </Stack>
        {request.outcomeNote && <Text fz="sm"><Text span fw={500} fz="sm">{t('privacy.corrections.outcomeNote')}:</Text> {request.outcomeNote}</Text>}
        {request.applyStatus && <Text fz="sm" c={request.applyStatus === 'operator_must_apply' ? 'orange.8' : 'teal.8'}>{t(`privacy.corrections.apply.${request.applyStatus}`)}</Text>}
        <Group justify="space-between" gap="xs">
          <Button component={Link} to={`/keluarga/${request.familyId}`} variant="subtle" size="xs" leftSection={<IconEye size={14} aria-hidden />}>{t('privacy.corrections.openFamily')}</Button>
          {canAct && request.status === 'received' && (
            <Button size="xs" variant="light" loading={reviewing} onClick={() => onReview(request)}>{t('privacy.corrections.startReview')}</Button>
          )}
          {canAct && request.status === 'in_review' && (
            <Button size="xs" leftSection={<IconGavel size={14} aria-hidden />} onClick={() => onDecide(request)}>{t('privacy.corrections.decide')}</Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Referral, ReferralAction } from '@sinergi/domain';
import { IconAlertTriangle, IconArrowLeft, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { InfoList } from '../families/InfoList.tsx';
import { UnmaskButton } from '../families/UnmaskButton.tsx';
import { useReferral, useReferralHistory } from './api.ts';
import { useReferralLabels } from './labels.ts';
import { ReferralActionModal } from './ReferralActionModal.tsx';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';

function FamilySection({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-family">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="referral-family">{t('referrals.family')}</Title>
        <Anchor component={Link} to={`/keluarga/${referral.familyId}`} fz="sm">{t('referrals.openProfile')}</Anchor>
      </Group>
      <InfoList rows={[
        [t('referrals.headName'), referral.headName],
        [t('referrals.noKk'), <Text key="kk" ff="monospace" fz="sm">{referral.noKk}</Text>],
        [t('referrals.address'), referral.address],
        [t('referrals.village'), `${referral.villageName}, ${referral.kecamatanName}`],
        [t('referrals.desil'), referral.desil],
        [t('referrals.member'), referral.member ? `${referral.member.name} (${referral.member.nik})` : null],
      ]} />
    </Paper>
  );
}

function ReferralSection({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReferralLabels();
  const sharing = referral.sharing.basis === 'consent'
    ? t('referrals.consentGiven', { by: referral.sharing.consentBy, on: format.date(referral.sharing.consentOn) })
    : referral.sharing.legalBasis;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-request">
      <Title order={2} fz="h4" id="referral-request" mb="xs">{t('referrals.request')}</Title>
      <InfoList rows={[
        [t('referrals.route'), `${referral.fromAgency.name} → ${referral.toAgency.name}`],
        [t('referrals.services'), labels.services(referral.services)],
        [t('referrals.note'), referral.note],
        [t('referrals.answerBy'), `${format.date(referral.answerBy)} (${t('referrals.daysCount', { count: referral.answerDays })})`],
        [t('referrals.dueOn'), referral.dueOn ? format.date(referral.dueOn) : null],
        [t(referral.sharing.basis === 'consent' ? 'referrals.sharingConsent' : 'referrals.sharingLegal'), sharing],
        [t('referrals.program'), referral.programName],
        [t('referrals.sentBy'), `${referral.createdBy ?? t('referrals.system')} · ${format.dateTime(referral.sentAt)}`],
        [t('referrals.outcome'), referral.outcome],
        [t('referrals.reason'), referral.reason],
      ]} />
    </Paper>
  );
}

function HistorySection({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReferralLabels();
  const history = useReferralHistory(id);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-history">
      <Title order={2} fz="h4" id="referral-history" mb="sm">{t('referrals.history')}</Title>
      {history.error && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
      <Timeline bulletSize={14} lineWidth={2} active={(history.data?.length ?? 0) - 1}>
        {(history.data ?? []).map((event) => (
          <Timeline.Item key={event.id} title={event.action === 'overdue' ? t(`referrals.overdue.${event.text === 'close' ? 'close' : 'answer'}`) : `${t(`referrals.events.${event.action}`)} · ${labels.status(event.toStatus)}`}>
            {event.action !== 'overdue' && event.text && <Text fz="sm">{event.text}</Text>}
            <Text fz="xs" c="dimmed">{[event.user, event.agency, format.dateTime(event.at)].filter(Boolean).join(' · ')}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** One referral: the family data the receiving agency needs (masked), the request, the actions open to the reader, the history. */
export default function ReferralDetailPage() {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const { referralId = '' } = useParams();
  const canUnmask = useCan('registry.unmask');
  const [unmask, setUnmask] = useState(false);
  const [action, setAction] = useState<ReferralAction | null>(null);
  const query = useReferral(referralId, unmask);
  const referral = query.data;
  const back = (
    <Anchor component={Link} to="/rujukan" fz="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('referrals.backToList')}</Group>
    </Anchor>
  );
  return (
    <>
      <PageHeader
        above={back}
        title={referral ? `${t('referrals.referralOf')} ${referral.headName ?? t('referrals.noHead')}` : t('referrals.title')}
        description={referral ? labels.services(referral.services) : undefined}
        actions={referral && canUnmask && <UnmaskButton unmasked={unmask} loading={unmask && query.isFetching} onUnmask={() => setUnmask(true)} onMask={() => setUnmask(false)} />}
      />
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!referral && query.isPending && <Skeleton height={320} radius="md" aria-label={t('common.loading')} />}
      {referral && (
        <Stack gap="lg">
          <Group justify="space-between">
            <Group gap="xs">
              <ReferralStatusBadge referral={referral} />
              {referral.automatic && <Group gap={4}><IconRobot size={16} aria-hidden /><Text fz="sm">{t('referrals.automatic')}</Text></Group>}
            </Group>
            <Group gap="xs">
              {referral.actions.map((next) => (
                <Button key={next} variant={next === 'accept' || next === 'serve' ? 'filled' : 'default'} onClick={() => setAction(next)}>
                  {t(`referrals.actions.${next}`)}
                </Button>
              ))}
            </Group>
          </Group>
          {referral.overdue && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="status">
              {t(`referrals.overdueNotice.${referral.overdue}`, { to: referral.toAgency.shortName })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <FamilySection referral={referral} />
            <ReferralSection referral={referral} />
          </SimpleGrid>
          <HistorySection id={referral.id} />
          <ReferralActionModal referral={referral} action={action} onClose={() => setAction(null)} />
        </Stack>
      )}
    </>
  );
}

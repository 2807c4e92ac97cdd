import { Anchor, Alert, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconHistory, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useCan } from '../auth/session.ts';
import { ReferButton } from '../referrals/ReferButton.tsx';
import { FamilyPathwayPanel } from '../pathways/FamilyPathwayPanel.tsx';
import { FamilyTabs } from '../registry-edit/FamilyTabs.tsx';
import { useFamilyEditing } from '../registry-edit/useFamilyEditing.tsx';
import { familyQueryKey, useFamily } from './api.ts';
import { FamilyBusinessSection, FamilyDesilSection, FamilyHouseSection, FamilySummarySection } from './FamilySections.tsx';
import { MemberCards } from './MemberCards.tsx';
import { MembersTable, SpecificHiddenNotice } from './MembersTable.tsx';
import { UnmaskButton } from './UnmaskButton.tsx';

function listSearchFrom(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'listSearch' in state && typeof state.listSearch === 'string') return state.listSearch;
  return '';
}

export default function FamilyDetailPage() {
  const { t } = useTranslation();
  const { familyId = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const canUnmask = useCan('registry.unmask');
  const canReadAudit = useCan('audit.read');
  const canReadPathway = useCan('pathways.read');
  const isMobile = useIsMobile();
  const [unmask, setUnmask] = useState(false);
  const masked = useFamily(familyId, false);
  const unmasked = useFamily(familyId, true, unmask);
  const shown = unmask && unmasked.data ? unmasked.data : masked.data;
  const query = unmask ? unmasked : masked;
  const editing = useFamilyEditing(shown);

  const hide = () => {
    setUnmask(false);
    queryClient.removeQueries({ queryKey: familyQueryKey(familyId, true) });
  };

  const back = (
    <Anchor component={Link} to={`/keluarga${listSearchFrom(location.state)}`} fz="sm">
      <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('families.backToList')}</Group>
    </Anchor>
  );

  return (
    <>
      <PageHeader
        above={back}
        title={shown ? (shown.headName ?? t('families.noHead')) : t('families.profile')}
        description={shown ? t('families.profileOf', { village: shown.villageName, kecamatan: shown.kecamatanName }) : undefined}
        actions={shown && (
          <>
            {editing.editFamilyButton}
            <ReferButton family={shown} />
            {canReadAudit && (
              <Button component={Link} to={`/audit?entity=family&entityId=${familyId}`} variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
                {t('families.auditTrail')}
              </Button>
            )}
            {canUnmask && (
              <UnmaskButton
                unmasked={Boolean(unmask && unmasked.data)}
                loading={unmask && unmasked.isFetching}
                onUnmask={() => setUnmask(true)}
                onMask={hide}
                warning={t('families.unmaskWarningSpecific')}
              />
            )}
          </>
        )}
      />
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {!shown && masked.isPending && <Skeleton height={320} radius="md" aria-label={t('common.loading')} />}
      {shown && (
        <FamilyTabs
          familyId={familyId}
          profile={(
            <Stack gap="lg">
              {shown.unmasked && (
                <Alert color="orange" icon={<IconShieldLock aria-hidden />} role="status">{t('families.unmaskedNotice')}</Alert>
              )}
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <FamilySummarySection family={shown} />
                <Stack gap="lg">
                  <FamilyDesilSection family={shown} />
                  <FamilyBusinessSection family={shown} />
                </Stack>
              </SimpleGrid>
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-heading">
                <Group justify="space-between" mb="xs">
                  <Title order={2} fz="h4" id="members-heading">{t('members.title', { count: shown.members.length })}</Title>
                  {editing.addMemberButton}
                </Group>
                <SpecificHiddenNotice members={shown.members} />
                {isMobile
                  ? <MemberCards members={shown.members} actions={editing.memberActions} />
                  : <MembersTable members={shown.members} actions={editing.memberActions} />}
              </Paper>
              <FamilyHouseSection family={shown} />
              {canReadPathway && <FamilyPathwayPanel familyId={familyId} />}
            </Stack>
          )}
        />
      )}
      {editing.modals}
    </>
  );
}

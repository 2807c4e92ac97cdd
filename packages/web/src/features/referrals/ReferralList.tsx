import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { Referral } from '@sinergi/domain';
import { IconRobot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { useReferralLabels } from './labels.ts';
import { ReferralStatusBadge } from './ReferralStatusBadge.tsx';

function FamilyLink({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/rujukan/${referral.id}`} fw={600}>
      {referral.headName ?? t('referrals.noHead')}
    </Anchor>
  );
}

function Route({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text fz="sm">{referral.fromAgency.shortName} → {referral.toAgency.shortName}</Text>
      {referral.automatic && <IconRobot size={14} aria-label={t('referrals.automatic')} />}
    </Group>
  );
}

/** Referrals as a table on wide screens and as cards on phones; each opens its detail. */
export function ReferralList({ items }: { items: Referral[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useReferralLabels();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('referrals.title')}>
        {items.map((referral) => (
          <Paper key={referral.id} component="li" withBorder p="sm" radius="md">
            <FamilyLink referral={referral} />
            <Text fz="xs" c="dimmed">{referral.villageName}, {referral.kecamatanName}</Text>
            <Route referral={referral} />
            <Text fz="xs">{labels.services(referral.services)}</Text>
            <Group gap={6} mt={6} justify="space-between">
              <ReferralStatusBadge referral={referral} />
              <Text fz="xs" c="dimmed">{format.date(referral.sentAt)}</Text>
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('referrals.family')}</Table.Th>
            <Table.Th>{t('referrals.route')}</Table.Th>
            <Table.Th>{t('referrals.services')}</Table.Th>
            <Table.Th>{t('referrals.sentAt')}</Table.Th>
            <Table.Th>{t('referrals.answerBy')}</Table.Th>
            <Table.Th>{t('referrals.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((referral) => (
            <Table.Tr key={referral.id}>
              <Table.Td>
                <FamilyLink referral={referral} />
                <Text fz="xs" c="dimmed">{referral.villageName}, {referral.kecamatanName}</Text>
              </Table.Td>
              <Table.Td><Route referral={referral} /></Table.Td>
              <Table.Td><Text fz="sm">{labels.services(referral.services)}</Text></Table.Td>
              <Table.Td><Text fz="sm">{format.date(referral.sentAt)}</Text></Table.Td>
              <Table.Td><Text fz="sm">{format.date(referral.answerBy)}{referral.dueOn ? ` / ${format.date(referral.dueOn)}` : ''}</Text></Table.Td>
              <Table.Td><ReferralStatusBadge referral={referral} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

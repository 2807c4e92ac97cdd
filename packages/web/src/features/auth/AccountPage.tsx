import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRegionNames } from '../../components/regions.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useSession } from './session.ts';

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useSession();
  const regionNames = useRegionNames(me.scopeCodes);
  const rows: [string, ReactNode][] = [
    [t('account.username'), me.username],
    [t('account.fullName'), me.fullName],
    [t('account.role'), t(`roles.${me.role}`)],
    [t('account.agency'), `${me.agency.name} (${me.agency.shortName})`],
    [
      t('account.scope'),
      me.scopeCodes.length === 0 ? (
        t('scope.whole', { name: me.jurisdiction.name })
      ) : (
        <Group gap={4}>
          {me.scopeCodes.map((code) => <Badge key={code} variant="light">{regionNames.get(code) ?? code}</Badge>)}
        </Group>
      ),
    ],
  ];

  return (
    <>
      <PageHeader title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Title order={2} fz="h4" mb="sm">{t('account.profile')}</Title>
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={140}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Title order={2} fz="h4" mb="sm">{t('account.changePassword')}</Title>
            <ChangePasswordForm />
          </Paper>
          <Paper withBorder p="lg">
            <Title order={2} fz="h4" mb="xs">{t('language.label')}</Title>
            <Text fz="sm">{t('account.languageCurrent', { language: t(`language.${me.language}`) })}</Text>
            <Text fz="sm" c="dimmed" mt={4}>{t('account.languageHint')}</Text>
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}

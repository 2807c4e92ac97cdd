import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ENROLMENT_STATUS_LABELS, ENROLMENT_STATUSES, PROGRAM_APPROACH_LABELS, PROGRAM_KIND_LABELS, type Program } from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ProgramReferralRules } from '../referrals/ProgramReferralRules.tsx';
import { useLocalText } from './local-text.ts';
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">{label}</Text>
      <Text fz="sm" component="div">{children}</Text>
    </div>
  );
}

/** Everything the catalogue holds about a program, and how many families are at which step. */
export function OverviewPanel({ program }: { program: Program }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const money = (value: number | null) => (value === null ? '–' : format.rupiah(value));
  const number = (value: number | null) => (value === null ? '–' : format.number(value));
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Fact label={t('programs.status')}><ProgramStatusBadge status={program.status} /></Fact>
          <Fact label={t('programs.kind')}>{local(PROGRAM_KIND_LABELS[program.kind])}</Fact>
          <Fact label={t('programs.approach')}>{local(PROGRAM_APPROACH_LABELS[program.approach])}</Fact>
          <Fact label={t('programs.period')}>{format.date(program.periodFrom)} – {format.date(program.periodTo)}</Fact>
          <Fact label={t('programs.fundingSource')}>{t(`programs.funding.${program.fundingSource}`)}</Fact>
          <Fact label={t('programs.budget')}>{money(program.budget)}</Fact>
          <Fact label={t('programs.unitValue')}>{money(program.unitValue ?? program.itemsValue)}</Fact>
          <Fact label={t('programs.targetFamilies')}>{number(program.targetFamilies)}</Fact>
          <Fact label={t('programs.targetPeople')}>{number(program.targetPeople)}</Fact>
          <Fact label={t('programs.targetUnits')}>{number(program.targetUnits)}</Fact>
          <Fact label={t('programs.targetMoney')}>{money(program.targetMoney)}</Fact>
          <Fact label={t('programs.ruleVersion')}>{program.ruleVersion}</Fact>
        </SimpleGrid>
        {program.description && <Text mt="md" fz="sm">{program.description}</Text>}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="h5" mb="xs">{t('programs.legalBasis')}</Title>
        <Text fz="sm" c={program.legalBasis ? undefined : 'orange'}>{program.legalBasis ?? t('programs.legalBasisMissing')}</Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h5" mb="xs">{t('programs.enrolmentCounts')}</Title>
          <Group gap="xs">
            {ENROLMENT_STATUSES.map((status) => (
              <Badge key={status} variant="light" color={program.enrolments[status] > 0 ? 'blue' : 'gray'}>
                {local(ENROLMENT_STATUS_LABELS[status])}: {format.number(program.enrolments[status])}
              </Badge>
            ))}
          </Group>
        </Paper>
        {program.benefitItems.length > 0 && (
          <Paper withBorder p="md" radius="md">
            <Title order={2} fz="h5" mb="xs">{t('programs.form.benefit')}</Title>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {program.benefitItems.map((item, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{item.name}</Table.Td>
                    <Table.Td ta="right">{format.number(item.quantity)} {item.unit}</Table.Td>
                    <Table.Td ta="right">{format.rupiah(item.unitValue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </SimpleGrid>
      {program.quotas.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h5" mb="xs">{t('programs.form.quotas')}</Title>
          <Table.ScrollContainer minWidth={320}>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead><Table.Tr><Table.Th>{t('programs.kecamatan')}</Table.Th><Table.Th ta="right">{t('programs.families')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {program.quotas.map((quota) => (
                  <Table.Tr key={quota.kecamatanCode}><Table.Td>{quota.kecamatanName}</Table.Td><Table.Td ta="right">{format.number(quota.families)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {program.ruleText && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="h5" mb="xs">{t('programs.rule.inWords')}</Title>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{local(program.ruleText)}</Text>
        </Paper>
      )}
      <ProgramReferralRules program={program} />
    </Stack>
  );
}

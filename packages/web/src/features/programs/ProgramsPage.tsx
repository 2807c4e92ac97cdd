import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  ProgramApproach, ProgramKind, ProgramStatus, PROGRAM_APPROACH_LABELS, PROGRAM_KIND_LABELS, Uuid, type ProgramListItem,
} from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useFormat } from '../../i18n/format.ts';
import { useCan } from '../auth/session.ts';
import { usePrograms } from './api.ts';
import { useLocalText } from './local-text.ts';
import { ProgramFilters, type ProgramFilterValues } from './ProgramFilters.tsx';
import { ProgramFormModal } from './ProgramFormModal.tsx';
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx';

/** The program catalogue of every agency: who runs what, for whom, with which money. */
export default function ProgramsPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const isMobile = useIsMobile();
  const canManage = useCan('programs.manage');
  const [opened, { open, close }] = useDisclosure(false);
  const values: ProgramFilterValues = {
    q: params.get('q'), agencyId: params.get('agencyId'), kind: params.get('kind'), approach: params.get('approach'), status: params.get('status'), year: params.get('year'),
  };
  const year = Number(values.year);
  const programs = usePrograms({
    q: values.q || undefined,
    agencyId: Uuid.safeParse(values.agencyId).data,
    kind: ProgramKind.safeParse(values.kind).data,
    approach: ProgramApproach.safeParse(values.approach).data,
    status: ProgramStatus.safeParse(values.status).data,
    year: Number.isInteger(year) && year >= 2000 ? year : undefined,
    page: params.page,
    pageSize: params.getNumber('pageSize', 25),
  });

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        description={t('programs.description')}
        actions={canManage && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>{t('programs.create')}</Button>}
      />
      <ProgramFilters values={values} onChange={params.set} />
      <PagedResult query={programs} emptyTitle={t('programs.emptyTitle')} bare={isMobile}>
        {(items) => (isMobile ? <ProgramCards items={items} /> : <ProgramTable items={items} />)}
      </PagedResult>
      {canManage && <ProgramFormModal program={null} opened={opened} onClose={close} />}
    </>
  );
}

function useRowTexts() {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  return {
    kind: (item: ProgramListItem) => local(PROGRAM_KIND_LABELS[item.kind]),
    approach: (item: ProgramListItem) => local(PROGRAM_APPROACH_LABELS[item.approach]),
    period: (item: ProgramListItem) => `${format.date(item.periodFrom)} – ${format.date(item.periodTo)}`,
    budget: (item: ProgramListItem) => (item.budget === null ? '–' : `${format.rupiah(item.budget)} (${t(`programs.funding.${item.fundingSource}`)})`),
    target: (item: ProgramListItem) => (item.targetFamilies === null ? '–' : format.number(item.targetFamilies)),
    reached: (item: ProgramListItem) => t('programs.reached', { beneficiaries: format.number(item.beneficiaries), candidates: format.number(item.candidates) }),
  };
}

function ProgramTable({ items }: { items: ProgramListItem[] }) {
  const { t } = useTranslation();
  const text = useRowTexts();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programs.name')}</Table.Th>
            <Table.Th>{t('programs.agency')}</Table.Th>
            <Table.Th>{t('programs.kindAndApproach')}</Table.Th>
            <Table.Th>{t('programs.status')}</Table.Th>
            <Table.Th>{t('programs.period')}</Table.Th>
            <Table.Th ta="right">{t('programs.budget')}</Table.Th>
            <Table.Th ta="right">{t('programs.targetFamilies')}</Table.Th>
            <Table.Th ta="right">{t('programs.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td><Anchor component={Link} to={`/program/${item.id}`} fw={600}>{item.name}</Anchor></Table.Td>
              <Table.Td>{item.agency.shortName}</Table.Td>
              <Table.Td><Text fz="sm">{text.kind(item)}</Text><Text fz="xs" c="dimmed">{text.approach(item)}</Text></Table.Td>
              <Table.Td><ProgramStatusBadge status={item.status} /></Table.Td>
              <Table.Td fz="sm">{text.period(item)}</Table.Td>
              <Table.Td ta="right" fz="sm">{text.budget(item)}</Table.Td>
              <Table.Td ta="right">{text.target(item)}</Table.Td>
              <Table.Td ta="right" fz="sm">{text.reached(item)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ProgramCards({ items }: { items: ProgramListItem[] }) {
  const { t } = useTranslation();
  const text = useRowTexts();
  return (
    <Stack gap="sm">
      {items.map((item) => (
        <Card key={item.id} withBorder radius="md" padding="sm">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/program/${item.id}`} fw={600}>{item.name}</Anchor>
            <ProgramStatusBadge status={item.status} />
          </Group>
          <Text fz="sm">{item.agency.shortName} · {text.kind(item)}</Text>
          <Text fz="xs" c="dimmed">{text.period(item)}</Text>
          <Text fz="sm">{t('programs.targetFamilies')}: {text.target(item)} · {text.reached(item)}</Text>
          <Text fz="xs" c="dimmed">{text.budget(item)}</Text>
        </Card>
      ))}
    </Stack>
  );
}

import { Button, Card, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { ENROLMENT_STATUS_LABELS, type RunFamily, type TargetingRun } from '@sinergi/domain';
import { IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.tsx';
import { TablePager } from '../../../components/TablePager.tsx';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useListParams } from '../../../components/useListParams.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useRunFamilies } from '../api.ts';
import { useLocalText } from '../local-text.ts';

/** The ranked candidates within the quotas, or the waiting list after them; each family's explanation one click away. */
export function RunFamilies({ programId, run }: { programId: string; run: TargetingRun }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const params = useListParams();
  const [outcome, setOutcome] = useState<'selected' | 'waiting'>('selected');
  const [region, setRegion] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const families = useRunFamilies(programId, run.id, { outcome, region: region || undefined, page, pageSize });
  const explain = (family: RunFamily) => params.set({ keluarga: family.familyId, run: run.id });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ranked-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ranked-title">{t('programs.targeting.rankedTitle')}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={outcome}
            onChange={(value) => { setOutcome(value === 'waiting' ? 'waiting' : 'selected'); setPage(1); }}
            data={[{ value: 'selected', label: t('programs.targeting.selectedList') }, { value: 'waiting', label: t('programs.targeting.waitingList') }]}
          />
          <NativeSelect
            label={t('programs.kecamatan')}
            data={[{ value: '', label: t('common.all') }, ...run.byKecamatan.map((row) => ({ value: row.kecamatanCode, label: row.kecamatanName }))]}
            value={region}
            onChange={(event) => { setRegion(event.currentTarget.value); setPage(1); }}
          />
        </Group>
        {families.error && <QueryError error={families.error} onRetry={() => void families.refetch()} />}
        {families.data && families.data.total === 0 && <Text c="dimmed">{t('programs.targeting.noFamilies')}</Text>}
        {families.data && families.data.total > 0 && (
          <>
            {isMobile ? <FamilyCards items={families.data.items} onExplain={explain} /> : <FamilyTable items={families.data.items} onExplain={explain} />}
            <TablePager page={families.data.page} pageSize={families.data.pageSize} total={families.data.total} onPage={setPage} onPageSize={(size) => { setPageSize(size); setPage(1); }} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface ListProps {
  items: RunFamily[];
  onExplain: (family: RunFamily) => void;
}

function useTexts() {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  return {
    rank: (family: RunFamily) => (family.outcome === 'waiting' && family.waitingRank !== null ? t('programs.targeting.waitingRank', { rank: format.number(family.waitingRank) }) : format.number(family.rank)),
    score: (family: RunFamily) => format.number(family.score),
    status: (family: RunFamily) => (family.enrolmentStatus ? local(ENROLMENT_STATUS_LABELS[family.enrolmentStatus]) : null),
  };
}

function ExplainButton({ family, onExplain }: { family: RunFamily; onExplain: (family: RunFamily) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-sm" variant="light" leftSection={<IconListSearch size={14} aria-hidden />} aria-label={t('programs.explain.openFor', { name: family.headName ?? family.noKk })} onClick={() => onExplain(family)}>
      {t('programs.explain.open')}
    </Button>
  );
}

function FamilyTable({ items, onExplain }: ListProps) {
  const { t } = useTranslation();
  const text = useTexts();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="ranked-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('programs.targeting.rank')}</Table.Th>
            <Table.Th>{t('programs.headName')}</Table.Th>
            <Table.Th>{t('programs.noKk')}</Table.Th>
            <Table.Th>{t('programs.place')}</Table.Th>
            <Table.Th ta="right">{t('programs.desil')}</Table.Th>
            <Table.Th ta="right">{t('programs.targeting.score')}</Table.Th>
            <Table.Th>{t('programs.status')}</Table.Th>
            <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((family) => (
            <Table.Tr key={family.familyId} data-family={family.familyId}>
              <Table.Td ta="right">{text.rank(family)}</Table.Td>
              <Table.Td fw={600}>{family.headName ?? '–'}</Table.Td>
              <Table.Td ff="monospace" fz="sm">{family.noKk}</Table.Td>
              <Table.Td fz="sm">{family.villageName}, {family.kecamatanName}</Table.Td>
              <Table.Td ta="right">{family.desil ?? '–'}</Table.Td>
              <Table.Td ta="right">{text.score(family)}</Table.Td>
              <Table.Td fz="sm" c="blue">{text.status(family)}</Table.Td>
              <Table.Td><ExplainButton family={family} onExplain={onExplain} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FamilyCards({ items, onExplain }: ListProps) {
  const { t } = useTranslation();
  const text = useTexts();
  return (
    <Stack gap="xs" data-testid="ranked-list">
      {items.map((family) => (
        <Card key={family.familyId} withBorder padding="sm" radius="md" data-family={family.familyId}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600}>{text.rank(family)}. {family.headName ?? '–'}</Text>
            <ExplainButton family={family} onExplain={onExplain} />
          </Group>
          <Text fz="sm" c="dimmed">{family.villageName}, {family.kecamatanName}</Text>
          <Text fz="sm">{t('programs.desil')} {family.desil ?? '–'} · {t('programs.targeting.score')} {text.score(family)} {text.status(family) ? `· ${text.status(family) ?? ''}` : ''}</Text>
        </Card>
      ))}
    </Stack>
  );
}

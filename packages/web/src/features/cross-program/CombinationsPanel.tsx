import { Alert, Button, Modal, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ProgramCombination } from '@sinergi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCombinationFamilies, useCombinations, type CoverageFilters, type PageRequest } from './api.ts';
import { CoverageFamilyList } from './CoverageFamilyList.tsx';
import { ProgramBadges } from './ProgramBadges.tsx';

/** Which families get what: each combination of programs with its families, and the list behind each count. */
export function CombinationsPanel({ filters }: { filters: CoverageFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const combinations = useCombinations(filters);
  const [chosen, setChosen] = useState<ProgramCombination | null>(null);
  const [page, setPage] = useState<PageRequest>({ page: 1, pageSize: 25 });
  const families = useCombinationFamilies(filters, chosen ? chosen.programs.map((program) => program.id).sort() : null, page);
  const data = combinations.data;

  if (combinations.error && !data) return <QueryError error={combinations.error} onRetry={() => void combinations.refetch()} />;
  if (!data) return <Skeleton height={200} aria-busy="true" />;
  if (data.combinations.length === 0) return <EmptyState title={t('coverage.combinations.empty')} message={t('coverage.combinations.emptyHint')} />;
  return (
    <Stack>
      <Text>{t('coverage.combinations.summary', { families: format.number(data.families), combinations: format.number(data.combinations.length) })}</Text>
      {data.truncated && <Alert color="yellow">{t('coverage.combinations.truncated', { count: data.combinations.length })}</Alert>}
      <Paper withBorder radius="md" p="md">
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.combinations.programs')}</Table.Th>
                <Table.Th ta="right">{t('coverage.combinations.families')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.combinations.map((combination) => (
                <Table.Tr key={combination.programs.map((program) => program.id).join()}>
                  <Table.Td><ProgramBadges programs={combination.programs} /></Table.Td>
                  <Table.Td ta="right">
                    <Button variant="subtle" size="compact-sm" onClick={() => { setPage({ page: 1, pageSize: 25 }); setChosen(combination); }}
                      aria-label={t('coverage.combinations.showFamilies', { count: combination.families })}>
                      {format.number(combination.families)}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} size="xl" title={t('coverage.combinations.familiesTitle')}>
        {chosen && (
          <Stack>
            <ProgramBadges programs={chosen.programs} />
            <Text size="sm" c="dimmed">{t('coverage.families.auditNote')}</Text>
            <CoverageFamilyList query={families} page={page} onPage={setPage} emptyTitle={t('coverage.families.empty')} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

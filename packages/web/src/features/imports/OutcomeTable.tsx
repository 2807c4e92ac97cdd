import { Table } from '@mantine/core';
import { IMPORT_OUTCOMES, type ImportCounts } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { outcomeTotal } from './report.ts';

const OUTCOME_COLOR = { added: 'teal.8', updated: 'blue.8', unchanged: undefined, rejected: 'red.8' } as const;

/** Families and members per outcome; outcomes run down the side so that the table fits a phone. */
export function OutcomeTable({ counts, caption }: { counts: ImportCounts; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table withTableBorder verticalSpacing="xs" maw={640} data-testid="outcome-table">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('imports.outcomes.outcome')}</Table.Th>
          <Table.Th ta="right">{t('imports.outcomes.families')}</Table.Th>
          <Table.Th ta="right">{t('imports.outcomes.members')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {IMPORT_OUTCOMES.map((outcome) => (
          <Table.Tr key={outcome} data-outcome={outcome}>
            <Table.Th scope="row" c={OUTCOME_COLOR[outcome]}>{t(`imports.outcomes.${outcome}`)}</Table.Th>
            <Table.Td ta="right" data-entity="families">{format.number(counts.families[outcome])}</Table.Td>
            <Table.Td ta="right" data-entity="members">{format.number(counts.members[outcome])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-outcome="total">
          <Table.Th scope="row">{t('imports.outcomes.total')}</Table.Th>
          <Table.Th ta="right" data-entity="families">{format.number(outcomeTotal(counts.families))}</Table.Th>
          <Table.Th ta="right" data-entity="members">{format.number(outcomeTotal(counts.members))}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A two-column list of labelled facts; empty values read "not recorded" rather than a blank. */
export function InfoList({ rows }: { rows: [label: string, value: ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w="42%" fw={500} c="dimmed" fz="sm" bg="transparent">{label}</Table.Th>
            <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>{value === null || value === undefined || value === '' ? t('common.notRecorded') : value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

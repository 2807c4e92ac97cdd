import { Anchor, Table, Text } from '@mantine/core';
import type { FamilyListItem } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { SortableTh } from '../../components/SortableTh.tsx';
import { useFormat } from '../../i18n/format.ts';
import { BusinessStatusBadge } from './BusinessStatusBadge.tsx';
import { DesilBadge } from './DesilBadge.tsx';

interface FamiliesTableProps {
  items: FamilyListItem[];
  sort: string;
  onSort: (sort: string) => void;
}

export function FamiliesTable({ items, sort, onSort }: FamiliesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const state = { listSearch: useLocation().search };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t('families.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="head_name" sort={sort} onSort={onSort}>{t('families.headName')}</SortableTh>
            <Table.Th>{t('families.noKk')}</Table.Th>
            <SortableTh field="village" sort={sort} onSort={onSort}>{t('families.village')}</SortableTh>
            <SortableTh field="desil" sort={sort} onSort={onSort}>{t('families.desil')}</SortableTh>
            <Table.Th ta="right">{t('families.members')}</Table.Th>
            <Table.Th>{t('families.business')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((family) => (
            <Table.Tr key={family.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/keluarga/${family.id}`, { state })}>
              <Table.Td>
                <Anchor component={Link} to={`/keluarga/${family.id}`} state={state} fw={600} onClick={(event) => event.stopPropagation()}>
                  {family.headName ?? t('families.noHead')}
                </Anchor>
                {family.address && <Text fz="xs" c="dimmed" lineClamp={1}>{family.address}</Text>}
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">{family.noKk}</Table.Td>
              <Table.Td>
                <Text fz="sm">{family.villageName}</Text>
                <Text fz="xs" c="dimmed">{family.kecamatanName}</Text>
              </Table.Td>
              <Table.Td><DesilBadge desil={family.desil} /></Table.Td>
              <Table.Td ta="right">{format.number(family.memberCount)}</Table.Td>
              <Table.Td><BusinessStatusBadge status={family.businessStatus} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { PARTNER_TYPE_NAMES, type Partner } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { EditButton } from '../../components/EditButton.tsx';
import { useCodeLabel } from '../../i18n/labels.ts';

interface PartnersTableProps {
  items: Partner[];
  onEdit?: (partner: Partner) => void;
}

export function PartnersTable({ items, onEdit }: PartnersTableProps) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('partners.name')}</Table.Th>
            <Table.Th>{t('partners.type')}</Table.Th>
            <Table.Th>{t('partners.agency')}</Table.Th>
            <Table.Th>{t('partners.contact')}</Table.Th>
            <Table.Th>{t('partners.region')}</Table.Th>
            <Table.Th>{t('partners.status')}</Table.Th>
            {onEdit && <Table.Th w={60}><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td>
                <Text fw={600} fz="sm">{partner.name}</Text>
                {partner.address && <Text fz="xs" c="dimmed" lineClamp={1}>{partner.address}</Text>}
              </Table.Td>
              <Table.Td fz="sm">{label(PARTNER_TYPE_NAMES, partner.type)}</Table.Td>
              <Table.Td>{partner.agencyShortName ? <Badge variant="light">{partner.agencyShortName}</Badge> : '–'}</Table.Td>
              <Table.Td fz="sm">
                {partner.contactPerson && <Text fz="sm">{partner.contactPerson}</Text>}
                {partner.phone && <Text fz="xs" c="dimmed">{partner.phone}</Text>}
                {partner.email && <Text fz="xs" c="dimmed">{partner.email}</Text>}
                {!partner.contactPerson && !partner.phone && !partner.email && '–'}
              </Table.Td>
              <Table.Td fz="sm">{partner.regionName ?? '–'}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={partner.active ? 'teal' : 'gray'}>{partner.active ? t('partners.activeYes') : t('partners.activeNo')}</Badge>
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <EditButton label={t('partners.editNamed', { name: partner.name })} onClick={() => onEdit(partner)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

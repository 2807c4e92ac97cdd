import { Button, NativeSelect, Paper, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { PARTNER_TYPE_NAMES, PARTNER_TYPES, PartnerType, type Partner } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { useAgencies } from '../agencies/api.ts';
import { useCan } from '../auth/session.ts';
import { usePartners } from './api.ts';
import { PartnerFormModal } from './PartnerFormModal.tsx';
import { PartnersTable } from './PartnersTable.tsx';

export default function PartnersPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const canManage = useCan('partners.manage');
  const params = useListParams();
  const agencies = useAgencies();
  const pageSize = params.getNumber('pageSize', 25);
  const partners = usePartners({
    q: params.get('q') || undefined,
    type: PartnerType.safeParse(params.get('type')).data,
    agencyId: params.get('agencyId') || undefined,
    page: params.page,
    pageSize,
  });
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Partner | null>(null);
  const startEdit = (partner: Partner | null) => {
    setEditing(partner);
    open();
  };

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={canManage && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => startEdit(null)}>{t('partners.create')}</Button>}
      />
      <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SearchInput label={t('common.search')} placeholder={t('partners.searchPlaceholder')} value={params.get('q')} onChange={(q) => params.set({ q })} />
          <NativeSelect
            label={t('partners.type')}
            value={params.get('type')}
            onChange={(event) => params.set({ type: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...PARTNER_TYPES.map((type) => ({ value: type, label: label(PARTNER_TYPE_NAMES, type) ?? type }))]}
          />
          <NativeSelect
            label={t('partners.agency')}
            value={params.get('agencyId')}
            onChange={(event) => params.set({ agencyId: event.currentTarget.value })}
            data={[{ value: '', label: t('common.all') }, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.shortName }))]}
          />
        </SimpleGrid>
      </Paper>
      <PagedResult query={partners} emptyTitle={t('partners.emptyTitle')}>
        {(items) => <PartnersTable items={items} onEdit={canManage ? startEdit : undefined} />}
      </PagedResult>
      {canManage && <PartnerFormModal partner={editing} opened={opened} onClose={close} />}
    </>
  );
}

import { AuditAction } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { useAuditEntries } from './api.ts';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export default function AuditPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const values: AuditFilterValues = {
    username: params.get('username'),
    action: params.get('action'),
    entity: params.get('entity'),
    entityId: params.get('entityId'),
    from: params.get('from'),
    to: params.get('to'),
  };
  const pageSize = params.getNumber('pageSize', 50);
  const entries = useAuditEntries({
    username: values.username || undefined,
    action: AuditAction.safeParse(values.action).data,
    entity: values.entity || undefined,
    entityId: values.entityId || undefined,
    from: isDate(values.from) ? values.from : undefined,
    to: isDate(values.to) ? values.to : undefined,
    page: params.page,
    pageSize,
  });

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFilters values={values} onChange={params.set} />
      <PagedResult query={entries} emptyTitle={t('audit.emptyTitle')} defaultPageSize={50}>
        {(items) => <AuditTable items={items} />}
      </PagedResult>
    </>
  );
}

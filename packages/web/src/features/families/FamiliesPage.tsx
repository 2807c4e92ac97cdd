import { BusinessStatus, FamilySort } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PagedResult } from '../../components/PagedResult.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useListParams } from '../../components/useListParams.ts';
import { useFamilies, type FamilyFilters } from './api.ts';
import { ExportFamiliesButton } from './ExportFamiliesButton.tsx';
import { FamiliesTable } from './FamiliesTable.tsx';
import { FamilyCards } from './FamilyCards.tsx';
import { FamilyFiltersBar, type FamilyFilterValues } from './FamilyFiltersBar.tsx';

function desilParam(value: string): number | undefined {
  const desil = Number(value);
  return Number.isInteger(desil) && desil >= 1 && desil <= 10 ? desil : undefined;
}

export default function FamiliesPage() {
  const { t } = useTranslation();
  const params = useListParams();
  const values: FamilyFilterValues = {
    q: params.get('q'),
    region: params.get('region'),
    desilMin: params.get('desilMin'),
    desilMax: params.get('desilMax'),
    businessStatus: params.get('businessStatus'),
  };
  const chosenSort = FamilySort.safeParse(params.get('sort')).data;
  // Without a chosen order the server ranks name matches first when searching, else sorts by name.
  const sort = chosenSort ?? (values.q ? 'relevance' : 'head_name');
  const pageSize = params.getNumber('pageSize', 25);
  const filters: FamilyFilters = {
    q: values.q || undefined,
    region: values.region || undefined,
    desilMin: desilParam(values.desilMin),
    desilMax: desilParam(values.desilMax),
    businessStatus: BusinessStatus.safeParse(values.businessStatus).data,
    sort: chosenSort,
    page: params.page,
    pageSize,
  };
  const families = useFamilies(filters);
  const isMobile = useIsMobile();
  const onSort = (next: string) => params.set({ sort: next });

  return (
    <>
      <PageHeader
        title={t('families.title')}
        description={t('families.description')}
        actions={<ExportFamiliesButton filters={filters} total={families.data?.total} />}
      />
      <FamilyFiltersBar values={values} onChange={params.set} />
      <PagedResult query={families} emptyTitle={t('families.emptyTitle')} emptyMessage={t('families.emptyMessage')} bare={isMobile}>
        {(items) => (isMobile
          ? <FamilyCards items={items} sort={sort} onSort={onSort} searching={Boolean(values.q)} />
          : <FamiliesTable items={items} sort={sort} onSort={onSort} />)}
      </PagedResult>
    </>
  );
}

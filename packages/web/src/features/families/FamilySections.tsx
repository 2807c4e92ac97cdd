import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import {
  ASSETS,
  BUSINESS_SECTORS,
  COOKING_FUELS,
  FLOOR_TYPES,
  HOUSE_OWNERSHIP,
  LIGHTING_SOURCES,
  ROOF_TYPES,
  TOILET_FACILITIES,
  WALL_TYPES,
  WATER_SOURCES,
  type FamilyDetail,
} from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { BusinessStatusBadge } from './BusinessStatusBadge.tsx';
import { DesilBadge } from './DesilBadge.tsx';
import { InfoList } from './InfoList.tsx';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="xs">{title}</Title>
      {children}
    </Paper>
  );
}

export function FamilySummarySection({ family }: { family: FamilyDetail }) {
  const { t, i18n } = useTranslation();
  const source = i18n.exists(`dataSources.${family.dataSource}`) ? t(`dataSources.${family.dataSource}` as 'dataSources.manual') : family.dataSource;
  const format = useFormat();
  const rtRw = [family.rt && t('families.rtValue', { rt: family.rt }), family.rw && t('families.rwValue', { rw: family.rw })].filter(Boolean).join(' / ');
  return (
    <Section title={t('families.summary')}>
      <InfoList
        rows={[
          [t('families.noKk'), <Text key="kk" ff="monospace" fz="sm">{family.noKk}</Text>],
          [t('families.address'), family.address],
          [t('families.rtRw'), rtRw],
          [t('families.dusun'), family.dusun],
          [t('region.level4'), family.villageName],
          [t('region.level3'), family.kecamatanName],
          [t('families.members'), format.number(family.memberCount)],
          [t('families.dataSource'), family.dataDate ? `${source} · ${format.date(family.dataDate)}` : source],
        ]}
      />
    </Section>
  );
}

export function FamilyDesilSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const badge = (desil: number | null) => (desil === null ? null : <DesilBadge desil={desil} />);
  return (
    <Section title={t('families.desil')}>
      <InfoList
        rows={[
          [t('families.desilRegency'), badge(family.desilRegency)],
          [t('families.desilProvince'), badge(family.desilProvince)],
          [t('families.desilNational'), badge(family.desilNational)],
        ]}
      />
    </Section>
  );
}

export function FamilyHouseSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const { house } = family;
  const perPerson = house.floorAreaM2 !== null && family.memberCount > 0 ? Math.round((house.floorAreaM2 / family.memberCount) * 10) / 10 : null;
  return (
    <Section title={t('families.house')}>
      <InfoList
        rows={[
          [t('house.ownership'), label(HOUSE_OWNERSHIP, house.ownership)],
          [t('house.floorArea'), house.floorAreaM2 === null ? null : t('house.floorAreaValue', { area: format.number(house.floorAreaM2), perPerson: perPerson === null ? '–' : format.number(perPerson) })],
          [t('house.floor'), label(FLOOR_TYPES, house.floorType)],
          [t('house.wall'), label(WALL_TYPES, house.wallType)],
          [t('house.roof'), label(ROOF_TYPES, house.roofType)],
          [t('house.water'), label(WATER_SOURCES, house.waterSource)],
          [t('house.lighting'), label(LIGHTING_SOURCES, house.lighting)],
          [t('house.power'), house.powerVa === null ? null : `${format.number(house.powerVa)} VA`],
          [t('house.cookingFuel'), label(COOKING_FUELS, house.cookingFuel)],
          [t('house.toilet'), label(TOILET_FACILITIES, house.toilet)],
        ]}
      />
      <Text fz="sm" fw={600} mt="sm" mb={4}>{t('families.assets')}</Text>
      {family.assets.length === 0 ? (
        <Text fz="sm" c="dimmed">{t('families.noAssets')}</Text>
      ) : (
        <Group gap={6}>
          {family.assets.map((asset) => <Badge key={asset} variant="light" color="gray">{label(ASSETS, asset)}</Badge>)}
        </Group>
      )}
    </Section>
  );
}

export function FamilyBusinessSection({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  return (
    <Section title={t('families.business')}>
      <InfoList
        rows={[
          [t('families.businessStatus'), <BusinessStatusBadge key="status" status={family.businessStatus} />],
          [t('families.businessSector'), label(BUSINESS_SECTORS, family.businessSector)],
          [t('families.businessTurnover'), family.businessTurnover === null ? null : t('families.perMonth', { amount: format.rupiah(family.businessTurnover) })],
        ]}
      />
    </Section>
  );
}

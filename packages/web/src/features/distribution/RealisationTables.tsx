import { Progress, Table, Text } from '@mantine/core';
import type { RealisationArea, RealisationStage } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { AreaDrillLink } from '../../components/AreaTrail.tsx';
import { count, percentOf, rupiah } from './format.ts';

function Share({ realised, target }: { realised: number; target: number | null }) {
  const share = percentOf(realised, target);
  if (share === null) return <Text size="xs" c="dimmed">–</Text>;
  return (
    <>
      <Text size="xs">{share}%</Text>
      <Progress value={Math.min(share, 100)} size="sm" color={share >= 100 ? 'teal' : 'blue'} aria-hidden />
    </>
  );
}

/**
 * Per region one level below the area (kecamatan in a regency, kabupaten/kota first in a province): target, decreed and
 * realised families, people, money and units; a kabupaten/kota opens its kecamatan.
 */
export function AreaTable({ rows, level, title, href }: { rows: RealisationArea[]; level: number; title: string; href: (code: string | null) => string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number | null) => count(value, i18n.language);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{level === 3 ? t('distribution.realisation.kecamatan') : t(`region.level${level}` as 'region.level2')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.targetFamilies')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.decreed')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.realisedFamilies')}</Table.Th>
            <Table.Th w={110}>{t('distribution.realisation.share')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.people')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.money')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.units')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td><AreaDrillLink area={row} href={href} canDrill={level < 3} /></Table.Td>
              <Table.Td ta="right">{n(row.target.families)}</Table.Td>
              <Table.Td ta="right">{n(row.decreed)}</Table.Td>
              <Table.Td ta="right">{n(row.realised.families)}</Table.Td>
              <Table.Td><Share realised={row.realised.families} target={row.target.families} /></Table.Td>
              <Table.Td ta="right">{n(row.realised.people)}</Table.Td>
              <Table.Td ta="right">{rupiah(row.realised.money)}{row.target.money !== null && <Text size="xs" c="dimmed">/ {rupiah(row.target.money)}</Text>}</Table.Td>
              <Table.Td ta="right">{n(row.realised.units)}{row.target.units !== null && <Text size="xs" c="dimmed">/ {n(row.target.units)}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Per stage: every decreed family should receive it; what has been handed over so far. */
export function StageTable({ rows }: { rows: RealisationStage[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number | null) => count(value, i18n.language);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-label={t('distribution.realisation.byStage')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('distribution.realisation.stage')}</Table.Th>
            <Table.Th>{t('distribution.realisation.planned')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.realisedFamilies')}</Table.Th>
            <Table.Th w={110}>{t('distribution.realisation.share')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.people')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.money')}</Table.Th>
            <Table.Th ta="right">{t('distribution.realisation.units')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.stageId}>
              <Table.Td>{row.number}. {row.name}</Table.Td>
              <Table.Td>{row.plannedFrom ? `${row.plannedFrom} – ${row.plannedTo ?? ''}` : '–'}</Table.Td>
              <Table.Td ta="right">{n(row.realised.families)} / {n(row.target.families)}</Table.Td>
              <Table.Td><Share realised={row.realised.families} target={row.target.families} /></Table.Td>
              <Table.Td ta="right">{n(row.realised.people)}</Table.Td>
              <Table.Td ta="right">{rupiah(row.realised.money)}<Text size="xs" c="dimmed">/ {rupiah(row.target.money)}</Text></Table.Td>
              <Table.Td ta="right">{row.kind === 'in_kind' ? `${n(row.realised.units)} / ${n(row.target.units)}` : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PATHWAY_STAGE_LABELS, type GraduationCriteriaPreview } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useLocalText } from '../programs/local-text.ts';

interface CriteriaPreviewPanelProps {
  preview: GraduationCriteriaPreview | undefined;
  counting: boolean;
  /** The draft has problems: the count shown (if any) is of the last valid draft. */
  invalid: boolean;
}

interface Row {
  key: string;
  label: string;
  draft: number;
  current: number;
}

/** What the draft criteria would do to families on their way out, next to the criteria in force; updated a moment after each change. */
export function CriteriaPreviewPanel({ preview, counting, invalid }: CriteriaPreviewPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const local = useLocalText();
  const stages = (preview?.byStage ?? []).filter((row) => row.onPathway > 0)
    .map((row) => ({ key: row.stage, label: local(PATHWAY_STAGE_LABELS[row.stage]), draft: row.draft, current: row.current }));
  // Kecamatan where neither rule passes anyone would only lengthen the list.
  const kecamatan = (preview?.byKecamatan ?? []).filter((row) => row.draft > 0 || row.current > 0).map((row) => ({ key: row.code, label: row.name, draft: row.draft, current: row.current }));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="criteria-preview-title" aria-busy={counting}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} fz="sm" id="criteria-preview-title">{t('pathways.criteriaPreview.title')}</Title>
          {counting && <Loader size="xs" aria-label={t('programs.preview.counting')} />}
        </Group>
        {preview ? (
          <Text fz="lg" fw={700} lh={1.3} aria-live="polite" data-testid="criteria-preview-caption" c={invalid ? 'dimmed' : undefined}>
            {t('pathways.criteriaPreview.caption', { n: format.number(preview.draft), current: format.number(preview.current) })}
          </Text>
        ) : (
          <Text c="dimmed" fz="sm">{counting ? t('programs.preview.counting') : t('programs.preview.none')}</Text>
        )}
        {invalid && <Badge color="orange" variant="light">{t('programs.preview.stale')}</Badge>}
        {preview && (
          <Text fz="xs" c="dimmed">
            {preview.onPathway === 0
              ? t('pathways.criteriaPreview.nobody')
              : t('pathways.criteriaPreview.ofTotal', { n: format.number(preview.onPathway), date: format.date(preview.referenceDate) })}
          </Text>
        )}
        <CountTable rows={stages} heading={t('pathways.criteriaPreview.stage')} testId="criteria-preview-by-stage" />
        <CountTable rows={kecamatan} heading={t('pathways.kecamatan')} testId="criteria-preview-by-kecamatan" />
      </Stack>
    </Paper>
  );
}

function CountTable({ rows, heading, testId }: { rows: Row[]; heading: string; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={220} mah={280}>
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('pathways.criteriaPreview.draft')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('pathways.criteriaPreview.current')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">{format.number(row.draft)}</Table.Td>
              <Table.Td ta="right">{format.number(row.current)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

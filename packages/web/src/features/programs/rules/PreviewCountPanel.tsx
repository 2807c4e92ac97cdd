import { Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PreviewCount } from '@sinergi/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';

interface PreviewCountPanelProps {
  preview: PreviewCount | undefined;
  counting: boolean;
  /** The rule has problems: the count shown (if any) is of the last valid rule. */
  invalid: boolean;
}

/** How many families the rule being edited accepts, per kecamatan; updated a moment after each change. */
export function PreviewCountPanel({ preview, counting, invalid }: PreviewCountPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const withFamilies = preview?.byKecamatan.filter((row) => row.count > 0) ?? [];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="preview-title" aria-busy={counting}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} fz="sm" id="preview-title">{t('programs.preview.title')}</Title>
          {counting && <Loader size="xs" aria-label={t('programs.preview.counting')} />}
        </Group>
        {preview ? (
          <Text fz={28} fw={700} lh={1.1} aria-live="polite" data-testid="preview-total" c={invalid ? 'dimmed' : undefined}>
            {t('programs.preview.families', { n: format.number(preview.total) })}
          </Text>
        ) : (
          <Text c="dimmed" fz="sm">{counting ? t('programs.preview.counting') : t('programs.preview.none')}</Text>
        )}
        {invalid && <Badge color="orange" variant="light">{t('programs.preview.stale')}</Badge>}
        {preview && <Text fz="xs" c="dimmed">{t('programs.preview.asOf', { date: format.date(preview.referenceDate) })}</Text>}
        {withFamilies.length > 0 && (
          <Table.ScrollContainer minWidth={240} mah={280}>
            <Table fz="sm" verticalSpacing={4} data-testid="preview-by-kecamatan">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('programs.kecamatan')}</Table.Th><Table.Th ta="right">{t('programs.preview.count')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {withFamilies.map((row) => (
                  <Table.Tr key={row.code}><Table.Td>{row.name}</Table.Td><Table.Td ta="right">{format.number(row.count)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

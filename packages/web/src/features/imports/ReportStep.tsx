import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImportBatch } from '@sinergi/domain';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileImport, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { importReportUrl } from './api.ts';
import { OutcomeTable } from './OutcomeTable.tsx';
import { rowAccounting } from './report.ts';

/** Step 5: what the import did, the proof that every row is accounted for, and the rejected rows to fix. */
export function ReportStep({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { inFile, accounted } = rowAccounting(batch);
  const balanced = inFile === accounted;
  const rejected = batch.counts.families.rejected + batch.counts.members.rejected;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-title">
        <Stack gap="sm">
          <div>
            <Title order={2} fz="h4" id="report-title">{t('imports.report.title')}</Title>
            <Text fz="sm" c="dimmed">
              {t('imports.report.meta', {
                file: batch.fileName,
                who: batch.createdBy ?? t('audit.system'),
                when: batch.finishedAt ? format.dateTime(batch.finishedAt) : '–',
              })}
            </Text>
          </div>
          <Alert
            color={balanced ? 'teal' : 'red'}
            icon={balanced ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
            title={balanced ? t('imports.report.balancedTitle') : t('imports.report.unbalancedTitle')}
            data-testid="row-check"
          >
            {t(balanced ? 'imports.report.balanced' : 'imports.report.unbalanced', { accounted: format.number(accounted), rows: format.number(inFile) })}
          </Alert>
          <OutcomeTable counts={batch.counts} caption={t('imports.report.countsCaption')} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rejected-title">
        <Title order={2} fz="h4" id="rejected-title" mb={4}>{t('imports.report.rejectedTitle', { count: rejected })}</Title>
        <Text fz="sm" c="dimmed" mb="sm">{rejected > 0 ? t('imports.report.rejectedHint') : t('imports.report.noneRejected')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Button component="a" href={importReportUrl(batch.id, 'xlsx', 'rejected')} download leftSection={<IconDownload size={16} aria-hidden />} disabled={rejected === 0}>
            {t('imports.report.rejectedXlsx')}
          </Button>
          <Button component="a" href={importReportUrl(batch.id, 'csv', 'rejected')} download variant="light" leftSection={<IconDownload size={16} aria-hidden />} disabled={rejected === 0}>
            {t('imports.report.rejectedCsv')}
          </Button>
          <Button component="a" href={importReportUrl(batch.id, 'xlsx', 'all')} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('imports.report.allXlsx')}
          </Button>
        </SimpleGrid>
        <Text fz="xs" c="dimmed" mt="xs">{t('imports.report.downloadAudited')}</Text>
      </Paper>
      <Group gap="sm">
        <Button component={Link} to="/keluarga" variant="default" leftSection={<IconUsersGroup size={16} aria-hidden />}>{t('imports.report.openFamilies')}</Button>
        <Button component={Link} to="/impor/baru" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>{t('imports.report.importAnother')}</Button>
        <Anchor component={Link} to="/impor" fz="sm">{t('imports.backToList')}</Anchor>
      </Group>
    </Stack>
  );
}

import { Badge, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreview, ImportPreviewRow, ImportRowIssue } from '@sinergi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useFormat } from '../../i18n/format.ts';
import { useLocalized } from './localized.ts';

type PreviewSheetData = ImportPreview['sheets'][number];

const ROW_BACKGROUND = { rejected: 'var(--mantine-color-red-light)', warning: 'var(--mantine-color-yellow-light)', ok: undefined } as const;
const STATUS_COLOR = { rejected: 'red', warning: 'yellow', ok: 'teal' } as const;

function text(record: Record<string, unknown> | null, key: string): string {
  const value = record?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** What identifies a preview row to a person: its No KK, NIK, name and village. */
function rowFacts(row: ImportPreviewRow) {
  return {
    noKk: text(row.family, 'noKk') || text(row.member, 'noKk'),
    nik: text(row.member, 'nik'),
    name: text(row.member, 'name') || text(row.family, 'headName'),
    village: text(row.family, 'villageCode'),
  };
}

export function PreviewSheet({ sheet }: { sheet: PreviewSheetData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isMobile = useIsMobile();
  // Problems first: with some, the rows that have them are what the operator needs to see.
  const [only, setOnly] = useState<'all' | 'problems'>(() => (sheet.rows.some((row) => row.status !== 'ok') ? 'problems' : 'all'));
  const titleId = `preview-${sheet.name.replace(/\W+/g, '-')}`;
  const count = (status: ImportPreviewRow['status']) => sheet.rows.filter((row) => row.status === status).length;
  const rows = only === 'all' ? sheet.rows : sheet.rows.filter((row) => row.status !== 'ok');

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h4" id={titleId}>{t('imports.preview.sheetTitle', { name: sheet.name, kind: t(`imports.mapping.kinds.${sheet.sheetKind}`) })}</Title>
          <Text fz="sm" c="dimmed">
            {t('imports.preview.summary', { rows: format.number(sheet.rows.length), ok: format.number(count('ok')), warning: format.number(count('warning')), rejected: format.number(count('rejected')) })}
          </Text>
        </div>
        {sheet.issueCounts.length > 0 && (
          <div>
            <Text fw={600} fz="sm" mb={4}>{t('imports.preview.issuesTitle')}</Text>
            {isMobile ? <IssueCountList counts={sheet.issueCounts} /> : <IssueCountTable counts={sheet.issueCounts} />}
          </div>
        )}
        <Group justify="space-between" gap="sm">
          <Text fw={600} fz="sm">{t('imports.preview.rowsTitle')}</Text>
          <SegmentedControl
            size="xs"
            value={only}
            onChange={(value) => setOnly(value === 'problems' ? 'problems' : 'all')}
            data={[{ value: 'all', label: t('imports.preview.allRows') }, { value: 'problems', label: t('imports.preview.problemRows') }]}
            aria-label={t('imports.preview.rowsFilter')}
          />
        </Group>
        {rows.length === 0 ? <Text fz="sm" c="dimmed">{t('imports.preview.noProblems')}</Text> : isMobile ? <PreviewCards rows={rows} /> : <PreviewTable rows={rows} />}
      </Stack>
    </Paper>
  );
}

type IssueCount = PreviewSheetData['issueCounts'][number];

function IssueCountTable({ counts }: { counts: IssueCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  return (
    <Table verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('imports.preview.severity')}</Table.Th>
          <Table.Th>{t('imports.preview.example')}</Table.Th>
          <Table.Th ta="right" w={90}>{t('imports.preview.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {counts.map((issue) => (
          <Table.Tr key={issue.code} bg={issue.severity === 'error' ? ROW_BACKGROUND.rejected : ROW_BACKGROUND.warning}>
            <Table.Td><SeverityBadge severity={issue.severity} /></Table.Td>
            <Table.Td>{localized(issue.example)}</Table.Td>
            <Table.Td ta="right">{format.number(issue.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function IssueCountList({ counts }: { counts: IssueCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {counts.map((issue) => (
        <Paper key={issue.code} component="li" p="xs" radius="sm" bg={issue.severity === 'error' ? ROW_BACKGROUND.rejected : ROW_BACKGROUND.warning}>
          <Group gap="xs" mb={2}>
            <SeverityBadge severity={issue.severity} />
            <Text fz="sm" fw={600}>{t('imports.preview.times', { count: format.number(issue.count) })}</Text>
          </Group>
          <Text fz="sm">{localized(issue.example)}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

function SeverityBadge({ severity }: { severity: 'error' | 'warning' }) {
  const { t } = useTranslation();
  return <Badge color={severity === 'error' ? 'red' : 'yellow'} variant="filled" c={severity === 'error' ? undefined : 'dark'}>{t(`imports.preview.severities.${severity}`)}</Badge>;
}

function StatusBadge({ status }: { status: ImportPreviewRow['status'] }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="light">{t(`imports.preview.rowStatus.${status}`)}</Badge>;
}

function Issues({ issues }: { issues: ImportRowIssue[] }) {
  const localized = useLocalized();
  if (issues.length === 0) return <Text fz="sm" c="dimmed">–</Text>;
  return (
    <List fz="sm" spacing={2} listStyleType="none" p={0}>
      {issues.map((issue) => (
        <List.Item key={`${issue.field}-${issue.code}`}>
          <Text span fz="sm" c={issue.severity === 'error' ? 'red.9' : 'yellow.9'} fw={500}>{localized(issue.message)}</Text>
        </List.Item>
      ))}
    </List>
  );
}

function PreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Caption>{t('imports.preview.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.preview.row')}</Table.Th>
            <Table.Th w={120}>{t('imports.preview.status')}</Table.Th>
            <Table.Th>{t('families.noKk')}</Table.Th>
            <Table.Th>{t('members.nik')}</Table.Th>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('imports.preview.village')}</Table.Th>
            <Table.Th>{t('imports.preview.issues')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const facts = rowFacts(row);
            return (
              <Table.Tr key={row.rowNumber} bg={ROW_BACKGROUND[row.status]} data-status={row.status}>
                <Table.Th scope="row">{row.rowNumber}</Table.Th>
                <Table.Td><StatusBadge status={row.status} /></Table.Td>
                <Table.Td ff="monospace">{facts.noKk || '–'}</Table.Td>
                <Table.Td ff="monospace">{facts.nik || '–'}</Table.Td>
                <Table.Td>{facts.name || '–'}</Table.Td>
                <Table.Td ff="monospace">{facts.village || '–'}</Table.Td>
                <Table.Td><Issues issues={row.issues} /></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PreviewCards({ rows }: { rows: ImportPreviewRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => {
        const facts = rowFacts(row);
        return (
          <Paper key={row.rowNumber} component="li" withBorder p="sm" radius="md" bg={ROW_BACKGROUND[row.status]} data-status={row.status}>
            <Group justify="space-between" gap="xs">
              <Text fw={600} fz="sm">{t('imports.preview.rowNumber', { row: row.rowNumber })}</Text>
              <StatusBadge status={row.status} />
            </Group>
            {facts.name && <Text fz="sm">{facts.name}</Text>}
            <Text fz="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {[facts.nik && `${t('members.nik')} ${facts.nik}`, facts.noKk && `${t('families.noKk')} ${facts.noKk}`].filter(Boolean).join(' · ')}
            </Text>
            <Issues issues={row.issues} />
          </Paper>
        );
      })}
    </Stack>
  );
}

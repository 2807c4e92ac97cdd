import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import { formatChangeValue, SPECIFIC_DATA_HIDDEN_VALUE, type ChangeValue, type RegistryChangeEntry } from '@sinergi/domain';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useLocalized } from '../imports/localized.ts';

const SOURCE_COLOR = { import: 'blue', edit: 'grape', merge: 'orange' } as const;

/** Who changed what, when and from where: one import row, edit or merge with its fields old → new. */
export function ChangeEntryView({ entry }: { entry: RegistryChangeEntry }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const language = i18n.language === 'en' ? 'en' : 'id';
  // Specific personal data in a masked history: a change happened, its values are not shown.
  const value = (field: string, recorded: ChangeValue) =>
    recorded === SPECIFIC_DATA_HIDDEN_VALUE ? t('members.specificHidden') : formatChangeValue(entry.entity, field, recorded, language);
  const who = entry.actor ? `${entry.actor.fullName} (${entry.actor.username})` : t('audit.system');
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Group justify="space-between" gap="xs" mb={4} align="flex-start">
        <div>
          <Text fw={600} fz="sm">{entry.entity === 'family' ? t('history.familyData') : t('history.memberData', { name: entry.memberName ?? '–' })}</Text>
          <Text fz="xs" c="dimmed">{t('history.byAt', { who, when: format.dateTime(entry.at) })}</Text>
        </div>
        <Badge color={SOURCE_COLOR[entry.source]} variant="light" tt="none">
          {entry.source === 'import' && entry.batch ? t('history.sourceImportFile', { file: entry.batch.fileName }) : t(`history.sources.${entry.source}`)}
        </Badge>
      </Group>
      <Table verticalSpacing={4} fz="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">{t('history.field')}</Table.Th>
            <Table.Th>{t('history.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Td c="dimmed">{localized(change.label)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text span fz="sm" td="line-through" c="dimmed">{value(change.field, change.old)}</Text>
                <IconArrowRight size={12} aria-label={t('history.changedTo')} style={{ margin: '0 6px', verticalAlign: 'middle' }} />
                <Text span fz="sm" fw={500}>{value(change.field, change.new)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { ENROLMENT_STATUS_LABELS, type DistributionFamily, type Stage } from '@sinergi/domain';
import { IconHandGrab, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useLocalText } from '../programs/local-text.ts';

interface FamiliesListProps {
  items: DistributionFamily[];
  stages: Stage[];
  canRecord: boolean;
  onRecord: (family: DistributionFamily) => void;
  onHistory: (family: DistributionFamily) => void;
}

const RECEIVING = new Set(['in_decree', 'served']);

function StageMarks({ family, stages }: { family: DistributionFamily; stages: Stage[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {stages.map((stage) => {
        const received = family.receivedStageIds.includes(stage.id);
        return (
          <Badge key={stage.id} size="sm" variant={received ? 'filled' : 'outline'} color={received ? 'teal' : 'gray'} title={stage.name}>
            {received ? t('distribution.families.stageDone', { number: stage.number }) : t('distribution.families.stagePending', { number: stage.number })}
          </Badge>
        );
      })}
    </Group>
  );
}

/** The decree's families with their status and stages received: cards on a phone, a table on a desk. */
export function FamiliesList({ items, stages, canRecord, onRecord, onHistory }: FamiliesListProps) {
  const { t } = useTranslation();
  const local = useLocalText();
  const isMobile = useIsMobile();
  const actions = (family: DistributionFamily) => {
    const open = RECEIVING.has(family.status) && stages.some((stage) => !family.receivedStageIds.includes(stage.id));
    return (
      <Group gap="xs" wrap="nowrap">
        {canRecord && open && (
          <Button size="xs" leftSection={<IconHandGrab size={14} aria-hidden />} onClick={() => onRecord(family)}>{t('distribution.families.record')}</Button>
        )}
        {family.receivedStageIds.length > 0 && (
          <Button size="xs" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => onHistory(family)}>{t('distribution.families.history')}</Button>
        )}
      </Group>
    );
  };
  const status = (family: DistributionFamily) => (
    <Badge variant="light" color={family.status === 'served' ? 'teal' : family.status === 'in_decree' ? 'blue' : 'gray'}>{local(ENROLMENT_STATUS_LABELS[family.status])}</Badge>
  );

  if (isMobile) {
    return (
      <Stack gap="sm">
        {items.map((family) => (
          <Card key={family.enrolmentId} withBorder radius="md" padding="sm">
            <Text fw={600}>{family.headName ?? '–'}</Text>
            <Text size="xs" c="dimmed">{family.noKk} · {family.villageName}, {family.kecamatanName}</Text>
            <Stack gap="xs" mt="xs">
              <Group gap="xs">
                {status(family)}
                <StageMarks family={family} stages={stages} />
              </Group>
              {actions(family)}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('distribution.families.head')}</Table.Th>
            <Table.Th>{t('distribution.families.noKk')}</Table.Th>
            <Table.Th>{t('distribution.families.place')}</Table.Th>
            <Table.Th>{t('distribution.families.status')}</Table.Th>
            <Table.Th>{t('distribution.families.stages')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((family) => (
            <Table.Tr key={family.enrolmentId}>
              <Table.Td>{family.headName ?? '–'}</Table.Td>
              <Table.Td ff="monospace">{family.noKk}</Table.Td>
              <Table.Td>{family.villageName}, {family.kecamatanName}</Table.Td>
              <Table.Td>{status(family)}</Table.Td>
              <Table.Td><StageMarks family={family} stages={stages} /></Table.Td>
              <Table.Td>{actions(family)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

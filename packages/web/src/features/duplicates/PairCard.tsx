import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { RELATIONS, SEXES, type DuplicateCandidate, type DuplicateMember } from '@sinergi/domain';
import { IconGitMerge, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { BirthDate } from '../families/MembersTable.tsx';

export type PairDecision = 'merge' | 'distinct';

interface PairCardProps {
  pair: DuplicateCandidate;
  canDecide: boolean;
  onDecide: (pair: DuplicateCandidate, decision: PairDecision) => void;
}

/** One probable duplicate: both people side by side (what differs stands out), why they were paired, and the decision. */
export function PairCard({ pair, canDecide, onDecide }: PairCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `pair-${pair.id}`;
  const similarity = Math.round(pair.reasons.nameSimilarity * 100);
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Text fw={600} id={titleId}>{t('duplicates.pairTitle', { a: pair.a.name, b: pair.b.name })}</Text>
            <Text fz="xs" c="dimmed">{t('duplicates.foundAt', { when: format.dateTime(pair.foundAt) })}</Text>
          </div>
          <Group gap={4}>
            <Badge color={similarity >= 80 ? 'red' : 'orange'} variant="light">{t('duplicates.reasons.name', { percent: similarity })}</Badge>
            {pair.reasons.sameBirthDate && <Badge color="gray" variant="light">{t('duplicates.reasons.birthDate')}</Badge>}
            {pair.reasons.sameVillage && <Badge color="gray" variant="light">{t('duplicates.reasons.village')}</Badge>}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MemberSide label={t('duplicates.sideA')} member={pair.a} other={pair.b} kept={pair.kept === 'a'} />
          <MemberSide label={t('duplicates.sideB')} member={pair.b} other={pair.a} kept={pair.kept === 'b'} />
        </SimpleGrid>
        {pair.status === 'open' ? (
          canDecide && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" leftSection={<IconUsers size={16} aria-hidden />} onClick={() => onDecide(pair, 'distinct')}>{t('duplicates.distinct')}</Button>
              <Button leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => onDecide(pair, 'merge')}>{t('duplicates.merge')}</Button>
            </Group>
          )
        ) : (
          <Text fz="sm" c="dimmed">
            {t(pair.status === 'merged' ? 'duplicates.decidedMerged' : 'duplicates.decidedDistinct', {
              who: pair.decidedBy?.fullName ?? t('audit.system'),
              when: pair.decidedAt ? format.dateTime(pair.decidedAt) : '–',
            })}
            {pair.note && ` ${t('duplicates.noteQuoted', { note: pair.note })}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function MemberSide({ label, member, other, kept }: { label: string; member: DuplicateMember; other: DuplicateMember; kept: boolean }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const differs = (a: unknown, b: unknown) => a !== b;
  const row = (name: string, value: ReactNode, different: boolean) => (
    <Table.Tr key={name} bg={different ? 'var(--mantine-color-yellow-light)' : undefined}>
      <Table.Th w="38%" fw={500} c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>{name}</Table.Th>
      <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>{value ?? '–'}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="sm" radius="sm" bg={member.present ? undefined : 'var(--mantine-color-gray-light)'}>
      <Group justify="space-between" mb={4}>
        <Text fz="xs" fw={700} tt="uppercase" c="dimmed">{label}</Text>
        {kept && <Badge color="teal" variant="light">{t('duplicates.kept')}</Badge>}
        {!member.present && <Badge color="gray" variant="light">{t('duplicates.removed')}</Badge>}
      </Group>
      <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {row(t('members.name'), <Text fw={600} fz="sm">{member.name}</Text>, differs(member.name, other.name))}
          {row(t('members.nik'), <Text ff="monospace" fz="sm">{member.nik}</Text>, differs(member.nik, other.nik))}
          {row(t('members.birthDate'), <BirthDate value={member.birthDate} />, differs(member.birthDate, other.birthDate))}
          {row(t('members.sex'), code(SEXES, member.sex), differs(member.sex, other.sex))}
          {row(t('members.relation'), code(RELATIONS, member.relation), differs(member.relation, other.relation))}
          {row(
            t('duplicates.family'),
            member.familyId && member.present ? (
              <Anchor component={Link} to={`/keluarga/${member.familyId}`} fz="sm">{member.headName ?? t('families.noHead')}</Anchor>
            ) : member.headName,
            differs(member.familyId, other.familyId),
          )}
          {row(t('families.noKk'), <Text ff="monospace" fz="sm">{member.noKk ?? '–'}</Text>, differs(member.noKk, other.noKk))}
          {row(t('families.address'), member.address, differs(member.address, other.address))}
          {row(t('families.village'), member.villageName && `${member.villageName}, ${member.kecamatanName ?? ''}`, differs(member.villageCode, other.villageCode))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

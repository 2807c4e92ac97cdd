import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  CHRONIC_ILLNESSES,
  DISABILITY_ITEMS,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  PPKS_CATEGORIES,
  RELATIONS,
  SEXES,
  SPECIAL_STATUSES,
  WORK_STATUSES,
  type CodeList,
  type Member,
} from '@sinergi/domain';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useCodeLabel } from '../../i18n/labels.ts';

export function CodeTags({ list, codes, color }: { list: CodeList<string>; codes: string[]; color: string }) {
  const label = useCodeLabel();
  if (codes.length === 0) return <Text fz="sm" c="dimmed">–</Text>;
  return (
    <Group gap={4}>
      {codes.map((code) => <Badge key={code} size="sm" variant="light" color={color}>{label(list, code)}</Badge>)}
    </Group>
  );
}

/** A masked birth date (1975-**-**) stays as it is; a full one is formatted for the reader. */
export function BirthDate({ value }: { value: string | null }) {
  const format = useFormat();
  if (!value) return <>–</>;
  return <>{value.includes('*') ? value.slice(0, 4) : format.date(value)}</>;
}

/** In place of specific personal data (UU PDP) that stays hidden until the deliberate, audited unmask; `short` for table cells. */
export function SpecificHidden({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  if (!short) return <Text fz="sm" c="dimmed" fs="italic">{t('members.specificHidden')}</Text>;
  return (
    <Text fz="sm" c="dimmed" fs="italic" title={t('members.specificHidden')} style={{ whiteSpace: 'nowrap' }}>
      <IconLock size={12} aria-hidden style={{ marginRight: 4, verticalAlign: 'middle' }} />
      {t('members.specificHiddenShort')}
      <VisuallyHidden>{`: ${t('members.specificHidden')}`}</VisuallyHidden>
    </Text>
  );
}

/** One line above the members when their specific personal data is hidden, saying what and how to show it. */
export function SpecificHiddenNotice({ members }: { members: Member[] }) {
  const { t } = useTranslation();
  if (!members.some((member) => member.specificDataHidden)) return null;
  return (
    <Text fz="sm" c="dimmed" mb="xs" role="note">
      <IconLock size={14} aria-hidden style={{ marginRight: 4, verticalAlign: 'middle' }} />
      {t('members.specificHiddenNotice')}
    </Text>
  );
}

/** `actions` renders a member's row menu, for users who may change members. */
export function MembersTable({ members, actions }: { members: Member[]; actions?: (member: Member) => ReactNode }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('members.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.name')}</Table.Th>
            <Table.Th>{t('members.nik')}</Table.Th>
            <Table.Th>{t('members.relation')}</Table.Th>
            <Table.Th>{t('members.sex')}</Table.Th>
            <Table.Th>{t('members.birthDate')}</Table.Th>
            <Table.Th>{t('members.maritalStatus')}</Table.Th>
            <Table.Th>{t('members.education')}</Table.Th>
            <Table.Th>{t('members.work')}</Table.Th>
            <Table.Th>{t('members.disabilities')}</Table.Th>
            <Table.Th>{t('members.chronicIllness')}</Table.Th>
            <Table.Th>{t('members.ppks')}</Table.Th>
            {actions && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Th scope="row" fw={600}>{member.name}</Table.Th>
              <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>{member.nik}</Table.Td>
              <Table.Td>{label(RELATIONS, member.relation) ?? '–'}</Table.Td>
              <Table.Td>{label(SEXES, member.sex) ?? '–'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><BirthDate value={member.birthDate} /></Table.Td>
              <Table.Td>{label(MARITAL_STATUSES, member.maritalStatus) ?? '–'}</Table.Td>
              <Table.Td>{label(EDUCATION_LEVELS, member.education) ?? '–'}</Table.Td>
              <Table.Td>{label(WORK_STATUSES, member.workStatus) ?? '–'}</Table.Td>
              <Table.Td>{member.disabilities ? <CodeTags list={DISABILITY_ITEMS} codes={member.disabilities} color="grape" /> : <SpecificHidden short />}</Table.Td>
              <Table.Td>{member.specificDataHidden ? <SpecificHidden short /> : (label(CHRONIC_ILLNESSES, member.chronicIllness) ?? '–')}</Table.Td>
              <Table.Td>
                {(!member.specificDataHidden || member.ppks.length > 0) && <CodeTags list={PPKS_CATEGORIES} codes={member.ppks} color="orange" />}
                {member.specialStatus ? member.specialStatus.length > 0 && <CodeTags list={SPECIAL_STATUSES} codes={member.specialStatus} color="cyan" /> : <SpecificHidden short />}
              </Table.Td>
              {actions && <Table.Td>{actions(member)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

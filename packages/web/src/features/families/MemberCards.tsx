import { Group, Paper, Stack, Text } from '@mantine/core';
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
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../i18n/labels.ts';
import { InfoList } from './InfoList.tsx';
import { BirthDate, CodeTags, SpecificHidden } from './MembersTable.tsx';

/** Family members on a phone: one card each, every attribute labelled. */
export function MemberCards({ members, actions }: { members: Member[]; actions?: (member: Member) => ReactNode }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const codesOrHidden = (key: string, codes: string[] | null, list: CodeList<string>, color: string): ReactNode => {
    if (!codes) return <SpecificHidden key={key} />;
    return codes.length ? <CodeTags key={key} list={list} codes={codes} color={color} /> : t('common.none');
  };
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {members.map((member) => (
        <Paper key={member.id} component="li" withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{member.name}</Text>
              <Text fz="xs" c="dimmed" mb={4}>{label(RELATIONS, member.relation)}</Text>
            </div>
            {actions?.(member)}
          </Group>
          <InfoList
            rows={[
              [t('members.nik'), <Text key="nik" ff="monospace" fz="sm">{member.nik}</Text>],
              [t('members.sex'), label(SEXES, member.sex)],
              [t('members.birthDate'), member.birthDate ? <BirthDate key="birth" value={member.birthDate} /> : null],
              [t('members.maritalStatus'), label(MARITAL_STATUSES, member.maritalStatus)],
              [t('members.education'), label(EDUCATION_LEVELS, member.education)],
              [t('members.work'), label(WORK_STATUSES, member.workStatus)],
              [t('members.disabilities'), codesOrHidden('dis', member.disabilities, DISABILITY_ITEMS, 'grape')],
              [t('members.chronicIllness'), member.specificDataHidden ? <SpecificHidden key="illness" /> : label(CHRONIC_ILLNESSES, member.chronicIllness)],
              // Masked, PPKS keeps only the categories that reveal neither health nor a criminal record.
              [t('members.ppksShort'), member.ppks.length ? <CodeTags key="ppks" list={PPKS_CATEGORIES} codes={member.ppks} color="orange" /> : member.specificDataHidden ? <SpecificHidden key="ppks" /> : t('common.none')],
              [t('members.specialStatus'), codesOrHidden('special', member.specialStatus, SPECIAL_STATUSES, 'cyan')],
            ]}
          />
        </Paper>
      ))}
    </Stack>
  );
}

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
  type Member,
} from '@sinergi/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../i18n/labels.ts';
import { InfoList } from './InfoList.tsx';
import { BirthDate, CodeTags } from './MembersTable.tsx';

/** Family members on a phone: one card each, every attribute labelled. */
export function MemberCards({ members, actions }: { members: Member[]; actions?: (member: Member) => ReactNode }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
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
              [t('members.disabilities'), member.disabilities.length ? <CodeTags key="dis" list={DISABILITY_ITEMS} codes={member.disabilities} color="grape" /> : t('common.none')],
              [t('members.chronicIllness'), label(CHRONIC_ILLNESSES, member.chronicIllness)],
              [t('members.ppksShort'), member.ppks.length ? <CodeTags key="ppks" list={PPKS_CATEGORIES} codes={member.ppks} color="orange" /> : t('common.none')],
              [t('members.specialStatus'), member.specialStatus.length ? <CodeTags key="special" list={SPECIAL_STATUSES} codes={member.specialStatus} color="cyan" /> : t('common.none')],
            ]}
          />
        </Paper>
      ))}
    </Stack>
  );
}

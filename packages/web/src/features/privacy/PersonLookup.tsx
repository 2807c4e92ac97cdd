import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { NikParam, RELATIONS } from '@sinergi/domain';
import { IconAlertTriangle, IconFileTypePdf, IconJson, IconPencilPlus, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifySuccess } from '../../api/query-client.ts';
import { useCodeLabel } from '../../i18n/labels.ts';
import { validationMessage } from '../../i18n/validation.tsx';
import { useCan } from '../auth/session.ts';
import { BirthDate } from '../families/MembersTable.tsx';
import { downloadPersonData, findPerson, type PersonMatch } from './api.ts';
import { CorrectionRequestModal } from './CorrectionRequestModal.tsx';

/** An access request: find the person by NIK, then hand them everything held on them as PDF or JSON. */
export function PersonLookup() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const canRecord = useCan('registry.write');
  const [nikText, setNikText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [recording, setRecording] = useState<PersonMatch | null>(null);
  const lookup = useMutation({ meta: { inlineError: true }, mutationFn: findPerson });
  const download = useMutation({
    meta: { inlineError: true },
    mutationFn: ({ nik, format }: { nik: string; format: 'json' | 'pdf' }) => downloadPersonData(nik, format),
    onSuccess: (file) => notifySuccess(t('privacy.access.downloaded', { file })),
  });
  const searchedNik = lookup.variables;
  const match = lookup.data;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="access-title">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h4" id="access-title">{t('privacy.access.title')}</Title>
          <Text fz="sm" c="dimmed">{t('privacy.access.description')}</Text>
        </div>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = NikParam.safeParse(nikText);
            setInvalid(!parsed.success);
            if (parsed.success) lookup.mutate(parsed.data);
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('members.nik')}
              placeholder="3507xxxxxxxxxxxx"
              inputMode="numeric"
              autoComplete="off"
              maxLength={22}
              value={nikText}
              onChange={(event) => setNikText(event.currentTarget.value)}
              error={invalid ? validationMessage('nikDigits') : undefined}
              style={{ flex: 1, minWidth: 220, maxWidth: 360 }}
            />
            <Button type="submit" mt={24} loading={lookup.isPending} leftSection={<IconSearch size={16} aria-hidden />}>{t('common.search')}</Button>
          </Group>
        </form>
        <Text fz="xs" c="dimmed">{t('privacy.access.lookupAudited')}</Text>
        {lookup.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{lookup.error.message}</Alert>}
        {searchedNik && lookup.isSuccess && (
          <Stack gap="sm">
            {match ? (
              <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-light)">
                <Text fw={600}>{match.member.name}</Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} mt={4}>
                  <Text fz="sm">{t('members.nik')}: <Text span ff="monospace" fz="sm">{match.member.nik}</Text></Text>
                  <Text fz="sm">{t('members.birthDate')}: <BirthDate value={match.member.birthDate} /></Text>
                  <Text fz="sm">{t('members.relation')}: {label(RELATIONS, match.member.relation) ?? '–'}</Text>
                  <Text fz="sm">
                    {t('privacy.access.family')}:{' '}
                    <Anchor component={Link} to={`/keluarga/${match.family.id}`} fz="sm">{match.family.headName ?? t('families.noHead')}</Anchor>
                    {`, ${match.family.villageName}`}
                  </Text>
                </SimpleGrid>
              </Paper>
            ) : (
              <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>{t('privacy.access.notFound')}</Alert>
            )}
            <Group gap="sm">
              <Button leftSection={<IconFileTypePdf size={16} aria-hidden />} loading={download.isPending && download.variables.format === 'pdf'} onClick={() => download.mutate({ nik: searchedNik, format: 'pdf' })}>
                {t('privacy.access.pdf')}
              </Button>
              <Button variant="light" leftSection={<IconJson size={16} aria-hidden />} loading={download.isPending && download.variables.format === 'json'} onClick={() => download.mutate({ nik: searchedNik, format: 'json' })}>
                {t('privacy.access.json')}
              </Button>
              {match && canRecord && (
                <Button variant="default" leftSection={<IconPencilPlus size={16} aria-hidden />} onClick={() => setRecording(match)}>{t('privacy.corrections.record')}</Button>
              )}
            </Group>
            <Alert color="orange" icon={<IconShieldLock aria-hidden />}>{t('privacy.access.audited')}</Alert>
            {download.error && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{download.error.message}</Alert>}
          </Stack>
        )}
      </Stack>
      <CorrectionRequestModal match={recording} onClose={() => setRecording(null)} />
    </Paper>
  );
}

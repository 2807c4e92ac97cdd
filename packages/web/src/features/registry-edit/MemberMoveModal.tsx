import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { localIsoDate, RELATIONS, type Member } from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { SearchInput } from '../../components/SearchInput.tsx';
import { CodeSelect } from './CodeInputs.tsx';
import { moveMember, refreshFamily, useFamilySearch } from './api.ts';
import { MembershipErrorAlert } from './MembershipErrorAlert.tsx';
import { notifyEditWarnings } from './notify-warnings.ts';

/** Moves a member to another family card (a split, a marriage): the old membership ends, a new one starts, history stays. */
export function MemberMoveModal({ familyId, member, onClose }: { familyId: string; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('edit.moveTitle', { name: member?.name ?? '' })} centered size="lg">
      {member && <MoveForm key={member.id} familyId={familyId} member={member} onDone={onClose} />}
    </Modal>
  );
}

function MoveForm({ familyId, member, onDone }: { familyId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [relation, setRelation] = useState<number | null>(null);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const candidates = useFamilySearch(query);
  const options = query ? (candidates.data?.items ?? []).filter((family) => family.id !== familyId) : [];
  const move = useMutation({
    meta: { inlineError: true },
    mutationFn: (to: string) => moveMember(member.id, { version: member.version, familyId: to, ...(relation === null ? {} : { relation }), ...(date ? { date } : {}) }),
    onSuccess: async (result) => {
      notifySuccess(t('edit.moved', { name: result.member.name }));
      notifyEditWarnings(result.warnings);
      await refreshFamily(queryClient, familyId, result.familyId);
      onDone();
    },
  });

  return (
    <Stack>
      <SearchInput label={t('edit.moveSearch')} placeholder={t('families.searchPlaceholder')} value={query} onChange={(q) => { setQuery(q); setTarget(null); }} />
      {query && options.length === 0 && !candidates.isFetching && <Text fz="sm" c="dimmed">{t('common.nothingFound')}</Text>}
      {options.length > 0 && (
        <Radio.Group label={t('edit.moveTarget')} value={target} onChange={setTarget}>
          <Stack gap="xs" mt="xs">
            {options.map((family) => (
              <Radio
                key={family.id}
                value={family.id}
                label={`${family.headName ?? t('families.noHead')} · ${family.noKk}`}
                description={`${family.villageName}, ${family.kecamatanName}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Group grow align="flex-start">
        <CodeSelect label={t('edit.newRelation')} emptyLabel={t('edit.relationUnchanged')} list={RELATIONS} value={relation} onChange={(value) => setRelation(value)} />
        <TextInput type="date" label={t('edit.movedOn')} value={date} onChange={(event) => setDate(event.currentTarget.value)} />
      </Group>
      <Text fz="xs" c="dimmed">{t('edit.newRelationHint')}</Text>
      {move.error && <MembershipErrorAlert error={move.error} familyId={familyId} onDone={onDone} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
        <Button disabled={!target} loading={move.isPending} onClick={() => target && move.mutate(target)}>{t('edit.move')}</Button>
      </Group>
    </Stack>
  );
}

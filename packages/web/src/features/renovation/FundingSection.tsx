import { ActionIcon, Alert, Button, Group, NativeSelect, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  CONTRIBUTION_FORM_LABELS, CONTRIBUTION_FORMS, RENOVATION_FUNDING_SOURCE_LABELS, RENOVATION_FUNDING_SOURCES, type ContributionForm, type Renovation,
  type RenovationFundingSource,
} from '@sinergi/domain';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormat } from '../../i18n/format.ts';
import { usePartners } from '../partners/api.ts';
import { addFunding, removeFunding } from './api.ts';
import { todayIso, useLocalText } from './labels.ts';
import { useHouseAction } from './useHouseAction.ts';

/** Every contribution to the house, with totals by source; owners add and remove entries. */
export function FundingSection({ house }: { house: Renovation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const local = useLocalText();
  const [adding, setAdding] = useState(false);
  const remove = useHouseAction(house.id);
  const canFund = house.actions.includes('fund');
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t('renovation.fundingSection.title')}</Title>
        {canFund && <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>{t('renovation.fundingSection.add')}</Button>}
      </Group>
      {house.funding.length === 0 ? <Text c="dimmed" size="sm">{t('renovation.fundingSection.none')}</Text> : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {house.funding.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  {entry.partnerName ?? local(RENOVATION_FUNDING_SOURCE_LABELS[entry.source])}
                  <Text size="xs" c="dimmed">{format.date(entry.contributedOn)} · {local(CONTRIBUTION_FORM_LABELS[entry.form])}{entry.description ? ` · ${entry.description}` : ''}</Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{format.rupiah(entry.value)}</Table.Td>
                {canFund && (
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('renovation.fundingSection.remove')} loading={remove.isPending} onClick={() => remove.mutate(() => removeFunding(house.id, entry.id))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={600} mt="sm" data-testid="funding-total">{t('renovation.fundingSection.total', { value: format.rupiah(house.fundingTotals.total) })}</Text>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('renovation.fundingSection.add')} size="md">
        {() => <FundingForm house={house} onClose={() => setAdding(false)} />}
      </FormModal>
    </Paper>
  );
}

function FundingForm({ house, onClose }: { house: Renovation; onClose: () => void }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const partners = usePartners({ pageSize: 200 });
  const action = useHouseAction(house.id, onClose);
  const [source, setSource] = useState<RenovationFundingSource>('apbd');
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [form, setForm] = useState<ContributionForm>('money');
  const [value, setValue] = useState<number | string>('');
  const [description, setDescription] = useState('');
  const [contributedOn, setContributedOn] = useState(todayIso());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(() => addFunding(house.id, { source, partnerId, form, value: Number(value), description: description || null, contributedOn }));
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect label={t('renovation.fundingSection.source')} value={source} onChange={(e) => setSource(e.currentTarget.value as RenovationFundingSource)}
          data={RENOVATION_FUNDING_SOURCES.map((s) => ({ value: s, label: local(RENOVATION_FUNDING_SOURCE_LABELS[s]) }))} />
        <Select label={t('renovation.fundingSection.partner')} placeholder={t('renovation.fundingSection.noPartner')} clearable searchable value={partnerId} onChange={setPartnerId}
          data={(partners.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))} />
        <NativeSelect label={t('renovation.fundingSection.form')} value={form} onChange={(e) => setForm(e.currentTarget.value as ContributionForm)}
          data={CONTRIBUTION_FORMS.map((f) => ({ value: f, label: local(CONTRIBUTION_FORM_LABELS[f]) }))} />
        <NumberInput label={t('renovation.fundingSection.value')} description={form === 'money' ? undefined : t('renovation.fundingSection.estimated')} min={1} required
          value={value} onChange={setValue} thousandSeparator="." decimalSeparator="," prefix="Rp " allowDecimal={false} />
        <TextInput label={t('renovation.fundingSection.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <TextInput type="date" label={t('renovation.fundingSection.date')} value={contributedOn} onChange={(e) => setContributedOn(e.currentTarget.value)} required />
        {action.error && <Alert color="red">{action.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={action.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

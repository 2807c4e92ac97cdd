import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { DEFAULT_ANSWER_DAYS, MAX_ANSWER_DAYS, REFERRAL_SERVICES, type Program, type ReferralService } from '@sinergi/domain';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../agencies/api.ts';
import { deleteReferralRule, referralsQueryKey, saveReferralRule, useReferralRules } from './api.ts';
import { useReferralLabels } from './labels.ts';

/**
 * A program's referral rules: when one of its families is served, refer it to these agencies. Meant for the program's
 * overview; only the owner agency changes them.
 */
export function ProgramReferralRules({ program }: { program: Pick<Program, 'id' | 'agency' | 'canManage'> }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const queryClient = useQueryClient();
  const rules = useReferralRules(program.id);
  const agencies = useAgencies();
  const [toAgencyId, setToAgencyId] = useState<string | null>(null);
  const [services, setServices] = useState<ReferralService[]>([]);
  const [answerDays, setAnswerDays] = useState<number | string>(DEFAULT_ANSWER_DAYS);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...referralsQueryKey, 'rules', program.id] });
  const save = useMutation({
    mutationFn: () => saveReferralRule(program.id, { toAgencyId: toAgencyId ?? '', services, answerDays: Number(answerDays) }),
    onSuccess: async () => {
      setToAgencyId(null);
      setServices([]);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (ruleId: string) => deleteReferralRule(program.id, ruleId), onSuccess: refresh });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="referral-rules">
      <Title order={2} fz="h4" id="referral-rules">{t('referrals.rules.title')}</Title>
      <Text fz="sm" c="dimmed" mb="sm">{t('referrals.rules.description')}</Text>
      {(rules.data ?? []).length === 0 ? <Text fz="sm">{t('referrals.rules.none')}</Text> : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {(rules.data ?? []).map((rule) => (
              <Table.Tr key={rule.id}>
                <Table.Td>{rule.toAgency.shortName}</Table.Td>
                <Table.Td>{labels.services(rule.services)}</Table.Td>
                <Table.Td>{t('referrals.daysCount', { count: rule.answerDays })}</Table.Td>
                {program.canManage && (
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('referrals.rules.remove', { agency: rule.toAgency.shortName })} loading={remove.isPending} onClick={() => remove.mutate(rule.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {program.canManage && (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('referrals.form.toAgency')}
              value={toAgencyId}
              onChange={setToAgencyId}
              data={(agencies.data ?? []).filter((agency) => agency.id !== program.agency.id).map((agency) => ({ value: agency.id, label: agency.shortName }))}
            />
            <MultiSelect
              label={t('referrals.services')}
              value={services}
              onChange={(values) => setServices(REFERRAL_SERVICES.filter((service) => values.includes(service)))}
              data={REFERRAL_SERVICES.map((service) => ({ value: service, label: labels.service(service) }))}
            />
            <NumberInput label={t('referrals.form.answerDays')} min={1} max={MAX_ANSWER_DAYS} value={answerDays} onChange={setAnswerDays} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="light" disabled={!toAgencyId || services.length === 0} loading={save.isPending} onClick={() => save.mutate()}>{t('referrals.rules.add')}</Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

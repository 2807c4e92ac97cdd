import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@sinergi/domain';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput.tsx';
import type { ParamValue } from '../../components/useListParams.ts';

export interface AuditFilterValues {
  username: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}

export function AuditFilters({ values, onChange }: { values: AuditFilterValues; onChange: (changes: Record<string, ParamValue>) => void }) {
  const { t } = useTranslation();
  const active = Object.values(values).some(Boolean);
  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <SearchInput label={t('audit.username')} value={values.username} onChange={(username) => onChange({ username })} />
        <NativeSelect
          label={t('audit.action')}
          value={values.action}
          onChange={(event) => onChange({ action: event.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`auditActions.${action}`) }))]}
        />
        <NativeSelect
          label={t('audit.entity')}
          value={values.entity}
          onChange={(event) => onChange({ entity: event.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`auditEntities.${entity}`) }))]}
        />
        <SearchInput label={t('audit.entityId')} value={values.entityId} onChange={(entityId) => onChange({ entityId })} />
        <TextInput type="date" label={t('audit.from')} value={values.from} max={values.to || undefined} onChange={(event) => onChange({ from: event.currentTarget.value })} />
        <TextInput type="date" label={t('audit.to')} value={values.to} min={values.from || undefined} onChange={(event) => onChange({ to: event.currentTarget.value })} />
      </SimpleGrid>
      {active && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onChange({ username: null, action: null, entity: null, entityId: null, from: null, to: null })}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

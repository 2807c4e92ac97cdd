import { Accordion, Alert, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import {
  FAMILY_FIELD_LABELS,
  MEMBER_FIELD_LABELS,
  type FamilyField,
  type ImportSheet,
  type ImportTemplateItem,
  type MemberField,
  type SheetKind,
} from '@sinergi/domain';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useLocalized } from './localized.ts';
import { applyTemplate, groupsFor, missingOf, requirementOf, setField, unusedHeaders, withKind, type FieldGroup, type SheetDraft } from './mapping.ts';

const SHEET_KINDS: readonly SheetKind[] = ['family', 'member', 'combined'];

interface SheetMappingCardProps {
  sheet: ImportSheet;
  draft: SheetDraft;
  templates: readonly ImportTemplateItem[];
  /** After a first attempt to continue, unmapped required fields show their error. */
  showErrors: boolean;
  onChange: (draft: SheetDraft) => void;
}

/** One sheet of the file: take it in or leave it out, pick a template, and point each of our fields at a column. */
export function SheetMappingCard({ sheet, draft, templates, showErrors, onChange }: SheetMappingCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const titleId = `sheet-${sheet.name.replace(/\W+/g, '-')}-title`;
  const kind = draft.mapping.sheetKind;
  const missing = missingOf(draft);
  const unused = unusedHeaders(sheet.headers, draft.mapping);
  const templateGroup = (group: string, builtin: boolean) => ({
    group,
    items: templates.filter((tpl) => tpl.builtin === builtin).map((tpl) => ({ value: tpl.id, label: localized(tpl.name) })),
  });
  const templateOptions = [
    { value: '', label: t('imports.mapping.noTemplate') },
    ...[templateGroup(t('imports.mapping.builtinTemplates'), true), templateGroup(t('imports.mapping.savedTemplates'), false)].filter((group) => group.items.length > 0),
  ];
  const chosenTemplate = templates.find((tpl) => tpl.id === draft.templateId);

  const chooseTemplate = (id: string) => {
    const template = templates.find((tpl) => tpl.id === id);
    onChange(template ? applyTemplate(sheet.headers, template) : { ...draft, templateId: null });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} fz="h4" id={titleId}>{t('imports.mapping.sheetTitle', { name: sheet.name })}</Title>
            <Text fz="sm" c="dimmed">{t('imports.mapping.sheetSize', { rows: format.number(sheet.rowsTotal), columns: format.number(sheet.headers.length) })}</Text>
          </div>
          <Switch
            checked={draft.included}
            onChange={(event) => onChange({ ...draft, included: event.currentTarget.checked })}
            label={t('imports.mapping.include')}
          />
        </Group>
        {sheet.readError && (
          <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title={t('imports.mapping.readErrorTitle')}>
            {t('imports.mapping.readError', { reason: localized(sheet.readError) })}
          </Alert>
        )}
        {draft.included && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('imports.mapping.template')}
                description={chosenTemplate ? localized(chosenTemplate.description) : t('imports.mapping.templateHint')}
                data={templateOptions}
                value={draft.templateId ?? ''}
                onChange={(event) => chooseTemplate(event.currentTarget.value)}
              />
              <NativeSelect
                label={t('imports.mapping.sheetKind')}
                description={t(`imports.mapping.kindHints.${kind}`)}
                data={SHEET_KINDS.map((value) => ({ value, label: t(`imports.mapping.kinds.${value}`) }))}
                value={kind}
                onChange={(event) => onChange({ ...draft, mapping: withKind(draft.mapping, event.currentTarget.value as SheetKind) })}
              />
            </SimpleGrid>
            {missing.length > 0 && (
              <Alert color={showErrors ? 'red' : 'yellow'} icon={<IconAlertTriangle aria-hidden />} role={showErrors ? 'alert' : undefined} title={t('imports.mapping.missingTitle')}>
                {t('imports.mapping.missing', { fields: missing.map((key) => requirementLabel(key, localized)).join('; ') })}
              </Alert>
            )}
            <Accordion multiple defaultValue={['familyIdentity', 'memberIdentity']} variant="separated">
              {groupsFor(kind).map((group) => (
                <FieldGroupPanel key={group.key} group={group} sheet={sheet} draft={draft} missing={showErrors ? missing : []} onChange={onChange} />
              ))}
            </Accordion>
            <div>
              <Text fz="sm" fw={600}>{t('imports.mapping.unusedTitle', { count: unused.length })}</Text>
              {unused.length === 0 ? (
                <Text fz="sm" c="dimmed">{t('imports.mapping.allUsed')}</Text>
              ) : (
                <Group gap={4} mt={4}>{unused.map((header) => <Badge key={header} variant="outline" color="gray" tt="none">{header}</Badge>)}</Group>
              )}
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function fieldLabel(side: 'family' | 'member', field: string, localized: ReturnType<typeof useLocalized>): string {
  const labels = side === 'family' ? FAMILY_FIELD_LABELS : MEMBER_FIELD_LABELS;
  const label = (labels as Record<string, { id: string; en: string } | undefined>)[field];
  return label ? localized(label) : field;
}

function requirementLabel(key: string, localized: ReturnType<typeof useLocalized>): string {
  const [side, field] = key.split('.') as ['family' | 'member', string];
  return fieldLabel(side, field, localized);
}

interface FieldGroupPanelProps {
  group: FieldGroup;
  sheet: ImportSheet;
  draft: SheetDraft;
  missing: string[];
  onChange: (draft: SheetDraft) => void;
}

function FieldGroupPanel({ group, sheet, draft, missing, onChange }: FieldGroupPanelProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const kind = draft.mapping.sheetKind;
  const values = draft.mapping[group.side] as Partial<Record<FamilyField | MemberField, string>>;
  const mappedCount = group.fields.filter((field) => values[field]).length;
  const options = [{ value: '', label: t('imports.mapping.notUsed') }, ...sheet.headers.map((header) => ({ value: header, label: header }))];
  return (
    <Accordion.Item value={group.key}>
      <Accordion.Control>
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} fz="sm">{t(`imports.mapping.groups.${group.key}`)}</Text>
          <Text fz="xs" c="dimmed">{t('imports.mapping.mappedCount', { mapped: mappedCount, total: group.fields.length })}</Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {group.fields.map((field) => {
            const requirement = requirementOf(group.side, field, kind);
            const either = requirement === 'family.villageCode';
            const value = values[field] ?? '';
            const error = requirement && missing.includes(requirement) && !value ? t(either ? 'imports.mapping.villageRequired' : 'imports.mapping.required') : undefined;
            return (
              <NativeSelect
                key={field}
                label={fieldLabel(group.side, field, localized)}
                withAsterisk={requirement !== null && !either}
                description={either ? t('imports.mapping.villageEither') : undefined}
                data={options}
                value={value}
                error={error}
                onChange={(event) => onChange({ ...draft, mapping: setField(draft.mapping, group.side, field, event.currentTarget.value || null) })}
              />
            );
          })}
        </SimpleGrid>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { BUSINESS_PACKAGE_RULE, type EligibilityRule, type PreviewCount, type Program } from '@sinergi/domain';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useFormat } from '../../../i18n/format.ts';
import { usePreviewCount, useProgramChoices, useRefreshProgram, useRuleCatalogue, updateProgram } from '../api.ts';
import { useLocalText } from '../local-text.ts';
import { ConditionNode } from './ConditionNode.tsx';
import { RuleEditingContext, type RuleEditing } from './editing-context.ts';
import { PreviewCountPanel } from './PreviewCountPanel.tsx';
import { appendTo, editableRule, removeAt, replaceAt, ROOT_PATH, ruleIssuesOf, unplacedIssues } from './rule-tree.ts';
import { RuleText } from './RuleText.tsx';

/** Counting waits this long after the last change, so that typing "59" counts once, not for "5" and "59". */
export const PREVIEW_DELAY_MS = 400;

/** The eligibility rule of a program: built from pick lists, read back in words, counted live against the registry. */
export function RuleEditor({ program }: { program: Program }) {
  const catalogue = useRuleCatalogue();
  if (catalogue.error) return <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return null;
  return <RuleEditorLoaded key={`${program.id}:${program.ruleVersion}`} program={program} catalogue={catalogue.data} />;
}

function RuleEditorLoaded({ program, catalogue }: { program: Program; catalogue: RuleEditing['catalogue'] }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const isMobile = useIsMobile();
  const refresh = useRefreshProgram(program.id);
  const readOnly = !program.canManage;
  const [rule, setRule] = useState<EligibilityRule>(() => editableRule(program.rule));
  const ruleJson = JSON.stringify(rule);
  const [debouncedJson] = useDebouncedValue(ruleJson, PREVIEW_DELAY_MS);
  const debouncedRule = useMemo(() => JSON.parse(debouncedJson) as EligibilityRule, [debouncedJson]);
  const preview = usePreviewCount(program.id, debouncedRule, debouncedJson);
  const choices = useProgramChoices();
  const programs = useMemo(
    () => (choices.data?.items ?? []).filter((item) => item.id !== program.id).map((item) => ({ value: item.id, label: item.name })),
    [choices.data, program.id],
  );
  const programNames = useMemo(() => Object.fromEntries((choices.data?.items ?? []).map((item) => [item.id, item.name])), [choices.data]);

  const save = useMutation({
    mutationFn: () => updateProgram(program.id, { rule, version: program.version }),
    meta: { inlineError: true },
    onSuccess: async (saved) => {
      notifySuccess(t('programs.rule.saved', { version: saved.ruleVersion }));
      await refresh();
    },
  });
  // The last count of a valid rule stays in view while the rule being typed is incomplete.
  const [lastCount, setLastCount] = useState<PreviewCount | undefined>(undefined);
  if (preview.data && !preview.isPlaceholderData && preview.data !== lastCount) setLastCount(preview.data);
  const previewIssues = ruleIssuesOf(preview.error);
  const issues = save.error ? ruleIssuesOf(save.error) : previewIssues;
  const otherSaveError = save.error && ruleIssuesOf(save.error).length === 0 ? save.error : null;
  const otherPreviewError = preview.error && ruleIssuesOf(preview.error).length === 0 ? preview.error : null;
  const changed = ruleJson !== JSON.stringify(editableRule(program.rule));

  const editing: RuleEditing = {
    rule, catalogue, issues, programs, readOnly,
    replace: (path, next) => { save.reset(); setRule((current) => replaceAt(current, path, next)); },
    remove: (path) => { save.reset(); setRule((current) => removeAt(current, path)); },
    append: (path, condition) => { save.reset(); setRule((current) => appendTo(current, path, condition)); },
  };

  return (
    <RuleEditingContext.Provider value={editing}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">{t('programs.rule.intro')}</Text>
            {unplacedIssues(issues).map((issue, index) => <Alert key={index} color="red" role="alert">{local(issue.message)}</Alert>)}
            {issues.length > 0 && <Text c="red" fz="sm" role="status">{t('programs.rule.issueCount', { n: issues.length })}</Text>}
            {isMobile && (preview.data ?? lastCount) && (
              // On a phone the count panel sits below the rule: a bar that stays in view keeps the count visible while editing.
              <Paper withBorder shadow="sm" p="xs" radius="md" pos="sticky" top={64} style={{ zIndex: 5 }} aria-hidden>
                <Text fw={700}>{t('programs.preview.title')}: {t('programs.preview.families', { n: format.number((preview.data ?? lastCount)?.total ?? 0) })}</Text>
              </Paper>
            )}
            <ConditionNode path={ROOT_PATH} condition={rule.condition} scope="family" onRemove={null} />
            {otherSaveError && <Alert color="red" role="alert">{otherSaveError.message}</Alert>}
            {!readOnly && (
              <Group gap="xs">
                <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>{t('programs.rule.save')}</Button>
                <Button variant="default" disabled={!changed} onClick={() => { save.reset(); setRule(editableRule(program.rule)); }}>
                  {t('programs.rule.undo')}
                </Button>
                <Button variant="subtle" onClick={() => { save.reset(); setRule(BUSINESS_PACKAGE_RULE); }}>{t('programs.rule.example')}</Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm" pos={{ md: 'sticky' }} top={{ md: 72 }}>
            <PreviewCountPanel preview={preview.data ?? lastCount} counting={preview.isFetching || ruleJson !== debouncedJson} invalid={issues.length > 0} />
            {otherPreviewError && <Alert color="red" role="alert">{otherPreviewError.message}</Alert>}
            <RuleText rule={rule} programNames={programNames} />
          </Stack>
        </Grid.Col>
      </Grid>
    </RuleEditingContext.Provider>
  );
}

import { Alert, Button, Grid, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  DEFAULT_GRADUATION_CRITERIA, MAX_TEXT_LENGTH, type EligibilityRule, type GraduationCriteria, type GraduationCriteriaPreview, type RuleCatalogue,
} from '@sinergi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../api/query-client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useProgramChoices, useRuleCatalogue } from '../programs/api.ts';
import { useLocalText } from '../programs/local-text.ts';
import { ConditionNode } from '../programs/rules/ConditionNode.tsx';
import { RuleEditingContext, type RuleEditing } from '../programs/rules/editing-context.ts';
import { PREVIEW_DELAY_MS } from '../programs/rules/RuleEditor.tsx';
import { appendTo, editableRule, removeAt, replaceAt, ROOT_PATH, ruleIssuesOf, unplacedIssues } from '../programs/rules/rule-tree.ts';
import { RuleText } from '../programs/rules/RuleText.tsx';
import { graduationCriteriaKey, saveGraduationCriteria, useGraduationCriteriaPreview } from './api.ts';
import { CriteriaPreviewPanel } from './CriteriaPreviewPanel.tsx';

interface CriteriaEditorProps {
  criteria: GraduationCriteria;
  /** Called after a save or on cancel: the section goes back to reading. */
  onClose: () => void;
}

/** The graduation criteria in the program rule editor: pick lists, the rule in words, a live count of families on their way out meeting it. */
export function CriteriaEditor({ criteria, onClose }: CriteriaEditorProps) {
  const catalogue = useRuleCatalogue();
  if (catalogue.error) return <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return <Skeleton height={240} />;
  return <CriteriaEditorLoaded criteria={criteria} catalogue={catalogue.data} onClose={onClose} />;
}

function CriteriaEditorLoaded({ criteria, catalogue, onClose }: CriteriaEditorProps & { catalogue: RuleCatalogue }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const queryClient = useQueryClient();
  const saved = useMemo(() => editableRule(criteria.rule as EligibilityRule), [criteria.rule]);
  const [rule, setRule] = useState<EligibilityRule>(saved);
  const [note, setNote] = useState('');
  const ruleJson = JSON.stringify(rule);
  const [debouncedJson] = useDebouncedValue(ruleJson, PREVIEW_DELAY_MS);
  const debouncedRule = useMemo(() => JSON.parse(debouncedJson) as EligibilityRule, [debouncedJson]);
  const preview = useGraduationCriteriaPreview(debouncedRule, debouncedJson);
  const choices = useProgramChoices();
  const programs = useMemo(() => (choices.data?.items ?? []).map((item) => ({ value: item.id, label: item.name })), [choices.data]);
  const programNames = useMemo(() => Object.fromEntries(programs.map((item) => [item.value, item.label])), [programs]);

  const save = useMutation({
    mutationFn: () => saveGraduationCriteria({ rule, basedOnVersion: criteria.version, ...(note.trim() ? { note: note.trim() } : {}) }),
    meta: { inlineError: true },
    onSuccess: (next) => {
      queryClient.setQueryData(graduationCriteriaKey, next);
      // Every count's "now" was of the criteria just replaced.
      queryClient.removeQueries({ queryKey: [...graduationCriteriaKey, 'preview'] });
      notifySuccess(t('pathways.criteriaEditor.saved', { version: next.version }));
      onClose();
    },
  });
  // The count of the last complete rule stays in view while a value is still being typed.
  const [lastCount, setLastCount] = useState<GraduationCriteriaPreview | undefined>(undefined);
  if (preview.data && !preview.isPlaceholderData && preview.data !== lastCount) setLastCount(preview.data);
  const saveIssues = ruleIssuesOf(save.error);
  const issues = save.error ? saveIssues : ruleIssuesOf(preview.error);
  const otherSaveError = save.error && saveIssues.length === 0 ? save.error : null;
  const changed = ruleJson !== JSON.stringify(saved);
  const edit = (change: (current: EligibilityRule) => EligibilityRule) => {
    save.reset();
    setRule(change);
  };

  const editing: RuleEditing = {
    rule, catalogue, issues, programs, readOnly: false,
    replace: (path, next) => edit((current) => replaceAt(current, path, next)),
    remove: (path) => edit((current) => removeAt(current, path)),
    append: (path, condition) => edit((current) => appendTo(current, path, condition)),
  };

  return (
    <RuleEditingContext.Provider value={editing}>
      <Grid gap="md" data-testid="criteria-editor">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">{t('pathways.criteriaEditor.intro')}</Text>
            {unplacedIssues(issues).map((issue, index) => <Alert key={index} color="red" role="alert">{local(issue.message)}</Alert>)}
            {issues.length > 0 && <Text c="red" fz="sm" role="status">{t('programs.rule.issueCount', { n: issues.length })}</Text>}
            <ConditionNode path={ROOT_PATH} condition={rule.condition} scope="family" onRemove={null} />
            <TextInput label={t('pathways.criteriaEditor.note')} value={note} maxLength={MAX_TEXT_LENGTH} onChange={(event) => setNote(event.currentTarget.value)} />
            {otherSaveError && <Alert color="red" role="alert">{otherSaveError.message}</Alert>}
            <Group gap="xs">
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>{t('pathways.criteriaEditor.save')}</Button>
              <Button variant="default" onClick={onClose}>{t('pathways.criteriaEditor.cancel')}</Button>
              <Button variant="subtle" onClick={() => edit(() => editableRule(DEFAULT_GRADUATION_CRITERIA))}>{t('pathways.criteriaEditor.useDefault')}</Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <CriteriaPreviewPanel preview={preview.data ?? lastCount} counting={preview.isFetching || ruleJson !== debouncedJson} invalid={issues.length > 0} />
            <Text fz="xs" c="dimmed">{t('pathways.criteriaEditor.countHint')}</Text>
            {preview.error && ruleIssuesOf(preview.error).length === 0 && <Alert color="red" role="alert">{preview.error.message}</Alert>}
            <RuleText rule={rule} programNames={programNames} />
          </Stack>
        </Grid.Col>
      </Grid>
    </RuleEditingContext.Provider>
  );
}

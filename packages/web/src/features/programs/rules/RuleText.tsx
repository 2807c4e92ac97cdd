import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import { describeConditionLines, PROGRAM_KIND_LABELS, type EligibilityRule } from '@sinergi/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../local-text.ts';

/** The rule as the domain phrases it, line by line and indented, so that a reader checks what the editor built. */
export function RuleText({ rule, programNames }: { rule: EligibilityRule; programNames: Record<string, string> }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const lines = useMemo(() => {
    try {
      return describeConditionLines(rule.condition, { programKindLabels: PROGRAM_KIND_LABELS, programNames });
    } catch {
      // A half-built condition (a value still being typed) may not be describable; the issues say what is missing.
      return null;
    }
  }, [rule, programNames]);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="rule-text-title">
      <Stack gap={4}>
        <Title order={3} fz="sm" id="rule-text-title">{t('programs.rule.inWords')}</Title>
        {lines === null ? (
          <Text c="dimmed" fz="sm">{t('programs.rule.notDescribable')}</Text>
        ) : (
          <div data-testid="rule-text">
            {lines.map((line, index) => (
              <Text key={index} fz="sm" pl={line.depth * 16}>{local(line.text)}</Text>
            ))}
          </div>
        )}
        {lines?.length === 0 && <Code>{t('programs.rule.empty')}</Code>}
      </Stack>
    </Paper>
  );
}

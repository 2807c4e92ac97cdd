import { Alert, Badge, Group, Loader, Modal, Paper, Progress, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import type { ExplainNodeJson, ProgramExplanation } from '@sinergi/domain';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useExplanation } from '../api.ts';
import { useLocalText } from '../local-text.ts';

interface ExplanationModalProps {
  programId: string;
  familyId: string | null;
  /** Explain with the rule and date of this run (why the family was listed), else with the current rule today. */
  runId: string | undefined;
  onClose: () => void;
}

/** Why one family qualifies or not, condition by condition, and how its priority score is made up. */
export function ExplanationModal({ programId, familyId, runId, onClose }: ExplanationModalProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const explanation = useExplanation(programId, familyId, runId);
  return (
    <Modal opened={familyId !== null} onClose={onClose} title={t('programs.explain.title')} size="xl" fullScreen={isMobile}>
      {explanation.isPending && <Loader aria-label={t('common.loading')} />}
      {explanation.error && <Alert color="red" role="alert">{explanation.error.message}</Alert>}
      {explanation.data && <Explanation explanation={explanation.data} />}
    </Modal>
  );
}

function Explanation({ explanation }: { explanation: ProgramExplanation }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const format = useFormat();
  const { priority } = explanation;
  return (
    <Stack gap="md" data-testid="explanation">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="h4" data-testid="explanation-head">{explanation.headName ?? '–'}</Title>
        <Badge size="lg" color={explanation.eligible ? 'teal' : 'red'} data-testid="explanation-verdict">
          {explanation.eligible ? t('programs.explain.eligible') : t('programs.explain.notEligible')}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed">{t('programs.explain.basis', { version: explanation.ruleVersion, date: format.date(explanation.referenceDate) })}</Text>
      <Paper withBorder p="sm" radius="md">
        <ExplainTree node={explanation.tree} depth={0} />
      </Paper>
      {priority && (
        <Paper withBorder p="sm" radius="md">
          <Title order={3} fz="h5" mb="xs">{t('programs.explain.priority', { score: format.number(priority.score), max: format.number(priority.maxScore) })}</Title>
          <Table fz="sm" verticalSpacing={4} data-testid="explanation-priority">
            <Table.Tbody>
              {priority.parts.map((part, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{local(part.text)}</Table.Td>
                  <Table.Td w={140}><Progress value={part.maxPoints ? (part.points / part.maxPoints) * 100 : 0} aria-hidden /></Table.Td>
                  <Table.Td ta="right" w={90}>{format.number(part.points)} / {format.number(part.maxPoints)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

/** One verdict per line, indented under its group; a member condition names the member it looked at. */
function ExplainTree({ node, depth }: { node: ExplainNodeJson; depth: number }) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <Stack gap={6} pl={depth === 0 ? 0 : 20}>
      <Group gap="xs" wrap="nowrap" align="flex-start" data-passed={node.passed} data-testid="explain-node">
        <ThemeIcon size="sm" radius="xl" color={node.passed ? 'teal' : 'red'} variant="light" aria-label={node.passed ? t('programs.explain.met') : t('programs.explain.notMet')}>
          {node.passed ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
        </ThemeIcon>
        <div>
          <Text fz="sm">{local(node.text)}</Text>
          {node.member && <Text fz="xs" c="dimmed">{t('programs.explain.member', { name: node.member.name })}</Text>}
        </div>
      </Group>
      {node.children.map((child, index) => <ExplainTree key={index} node={child} depth={depth + 1} />)}
    </Stack>
  );
}

import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ExplainNodeJson } from '@sinergi/domain';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../programs/local-text.ts';

/** The criteria's verdicts, one line per rule, indented under their group. */
export function ExplainList({ node, depth = 0 }: { node: ExplainNodeJson; depth?: number }) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <Stack gap={4} pl={depth === 0 ? 0 : 18}>
      <Group gap="xs" wrap="nowrap" align="flex-start" data-passed={node.passed}>
        <ThemeIcon size="sm" radius="xl" variant="light" color={node.passed ? 'teal' : 'red'} aria-label={node.passed ? t('pathways.met') : t('pathways.notMet')}>
          {node.passed ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
        </ThemeIcon>
        <Text fz="sm">{local(node.text)}</Text>
      </Group>
      {node.children.map((child, index) => <ExplainList key={index} node={child} depth={depth + 1} />)}
    </Stack>
  );
}

import { List, Text } from '@mantine/core';
import type { NodePath } from '@sinergi/domain';
import { useLocalText } from '../local-text.ts';
import { useRuleEditing } from './editing-context.ts';
import { issuesAt } from './rule-tree.ts';

/** The server's objections to this very condition, right under it. */
export function NodeIssues({ path }: { path: NodePath }) {
  const { issues } = useRuleEditing();
  const local = useLocalText();
  const own = issuesAt(issues, path);
  if (own.length === 0) return null;
  return (
    <List size="sm" c="red" role="alert" data-testid="rule-issue" spacing={2}>
      {own.map((issue, index) => <List.Item key={index}><Text fz="sm" c="red">{local(issue.message)}</Text></List.Item>)}
    </List>
  );
}

import { Button, Menu } from '@mantine/core';
import type { Condition, NodePath } from '@sinergi/domain';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRuleEditing } from './editing-context.ts';
import { newComparison, newMemberCondition, newReceivedProgram } from './rule-tree.ts';

/** What can be added to a group: family data, member conditions, a program receipt, or a nested group. */
export function AddConditionMenu({ groupPath, scope }: { groupPath: NodePath; scope: 'family' | 'member' }) {
  const { t } = useTranslation();
  const { catalogue, append, readOnly } = useRuleEditing();
  if (readOnly) return null;
  const firstFamily = catalogue.familyFields[0];
  const firstMember = catalogue.memberFields[0];
  const add = (condition: Condition | null) => condition && append(groupPath, condition);

  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} w="fit-content">{t('programs.rule.add')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {scope === 'family' ? (
          <>
            <Menu.Item onClick={() => add(firstFamily ? newComparison(firstFamily) : null)}>{t('programs.rule.addFamily')}</Menu.Item>
            <Menu.Item onClick={() => add(firstMember ? newMemberCondition('head', firstMember) : null)}>{t('programs.rule.addHead')}</Menu.Item>
            <Menu.Item onClick={() => add(firstMember ? newMemberCondition('anyMember', firstMember) : null)}>{t('programs.rule.addAnyMember')}</Menu.Item>
            <Menu.Item onClick={() => add(firstMember ? newMemberCondition('allMembers', firstMember) : null)}>{t('programs.rule.addAllMembers')}</Menu.Item>
            <Menu.Item onClick={() => add({ kind: 'countMembers', op: '>=', value: 1, ...(firstMember ? { where: newComparison(firstMember) } : {}) })}>
              {t('programs.rule.addCount')}
            </Menu.Item>
            <Menu.Item onClick={() => add(newReceivedProgram(true))}>{t('programs.rule.addReceipt')}</Menu.Item>
            <Menu.Item onClick={() => add({ kind: 'any', conditions: firstFamily ? [newComparison(firstFamily)] : [] })}>{t('programs.rule.addGroup')}</Menu.Item>
          </>
        ) : (
          <>
            <Menu.Item onClick={() => add(firstMember ? newComparison(firstMember) : null)}>{t('programs.rule.addMember')}</Menu.Item>
            <Menu.Item onClick={() => add({ kind: 'any', conditions: firstMember ? [newComparison(firstMember)] : [] })}>{t('programs.rule.addGroup')}</Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

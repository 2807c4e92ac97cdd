import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Program } from '@sinergi/domain';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../api/query-client.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { isRunBusy, startRun, useRefreshProgram, useRuns } from '../api.ts';
import { ExplainFamilySearch } from '../explain/ExplainFamilySearch.tsx';
import { RunFamilies } from './RunFamilies.tsx';
import { RunSummary } from './RunSummary.tsx';

/** Targeting: start a run, follow its progress, read its counts per kecamatan and its ranked list with the waiting list. */
export function TargetingPanel({ program }: { program: Program }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshProgram(program.id);
  const [chosenRunId, setChosenRunId] = useState<string | null>(null);
  const runs = useRuns(program.id);
  const list = runs.data ?? [];
  const busy = list.some(isRunBusy);
  const run = list.find((item) => item.id === chosenRunId) ?? list[0];

  const start = useMutation({
    mutationFn: () => startRun(program.id),
    onSuccess: async (started) => {
      setChosenRunId(started.id);
      if (!isRunBusy(started)) notifySuccess(t('programs.targeting.finished'));
      await refresh();
    },
  });
  const blocked = program.status !== 'active' ? t('programs.targeting.needsActive') : !program.rule || !program.priority ? t('programs.targeting.needsRule') : null;

  return (
    <Stack gap="md">
      {program.canManage && (
        <Group gap="sm" align="center">
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => start.mutate()} loading={start.isPending} disabled={blocked !== null || busy}>
            {t('programs.targeting.start')}
          </Button>
          {blocked && <Text fz="sm" c="dimmed">{blocked}</Text>}
        </Group>
      )}
      {start.error && <Alert color="red" role="alert">{start.error.message}</Alert>}
      {runs.error && <QueryError error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && list.length === 0 && <EmptyState title={t('programs.targeting.noRuns')} message={t('programs.targeting.noRunsHint')} />}
      {list.length > 1 && (
        <NativeSelect
          label={t('programs.targeting.chooseRun')}
          w="fit-content"
          data={list.map((item, index) => ({
            value: item.id,
            label: `${index === 0 ? t('programs.targeting.latest') : `#${String(list.length - index)}`} · ${format.dateTime(item.createdAt)} · ${t('programs.targeting.ruleVersionShort', { version: item.ruleVersion })}`,
          }))}
          value={run?.id ?? ''}
          onChange={(event) => setChosenRunId(event.currentTarget.value)}
        />
      )}
      {run && <RunSummary run={run} />}
      {run?.status === 'done' && <RunFamilies key={run.id} programId={program.id} run={run} />}
      {program.rule && <ExplainFamilySearch />}
    </Stack>
  );
}

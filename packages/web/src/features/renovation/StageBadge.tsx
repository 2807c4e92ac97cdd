import { Badge } from '@mantine/core';
import { RENOVATION_STAGE_LABELS, type RenovationStage } from '@sinergi/domain';
import { STAGE_COLORS, useLocalText } from './labels.ts';

export function StageBadge({ stage }: { stage: RenovationStage }) {
  const local = useLocalText();
  return <Badge color={STAGE_COLORS[stage]} variant="light" data-stage={stage}>{local(RENOVATION_STAGE_LABELS[stage])}</Badge>;
}

import { Badge, Group, Tooltip } from '@mantine/core';
import { PROGRAM_APPROACH_LABELS, type CoverageProgram, type ProgramApproach } from '@sinergi/domain';
import { useLocalText } from '../programs/local-text.ts';

/** One colour per approach, the same in badges and charts. */
export const APPROACH_COLORS: Record<ProgramApproach, string> = { lower_spending: 'blue', raise_income: 'teal', remove_pockets: 'orange' };

/** A combination's programs, coloured by approach, with the owner agency on hover. */
export function ProgramBadges({ programs }: { programs: readonly CoverageProgram[] }) {
  const text = useLocalText();
  return (
    <Group gap={4}>
      {programs.map((program) => (
        <Tooltip key={program.id} label={`${program.agencyShortName} · ${text(PROGRAM_APPROACH_LABELS[program.approach])}`}>
          <Badge variant="light" color={APPROACH_COLORS[program.approach]} tt="none">{program.name}</Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

import type { PathwayStage } from '@sinergi/domain';

/** One colour per stage, the same in the profile, the table and the chart. */
export const STAGE_COLORS: Record<PathwayStage, string> = {
  bantuan: 'orange',
  pemberdayaan: 'blue',
  pengembangan: 'violet',
  mandiri: 'teal',
};

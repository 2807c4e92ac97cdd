import { z } from 'zod';
import { MAX_NAME_LENGTH, Uuid } from './common.ts';

export const AGENCY_KINDS = ['dinsos', 'disnaker', 'disperindagkop', 'pupr_perkim', 'dpmd', 'bappeda', 'other'] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const AgencyInput = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  shortName: z.string().trim().min(2).max(40),
  kind: AgencyKind,
});
export type AgencyInput = z.infer<typeof AgencyInput>;

export const Agency = AgencyInput.extend({ id: Uuid, userCount: z.number().int() });
export type Agency = z.infer<typeof Agency>;

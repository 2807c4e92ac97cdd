import { z } from 'zod';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';

/** LPK training institutes, community forums, companies (CSR), prisons (lapas), banks and cooperatives. */
export const PARTNER_TYPES = ['lpk', 'community_forum', 'company_csr', 'prison', 'bank_cooperative', 'other'] as const;
export const PartnerType = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerType>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const PartnerInput = z.object({
  name: z.string().trim().min(3).max(MAX_NAME_LENGTH),
  type: PartnerType,
  agencyId: Uuid.nullish().transform((v) => v ?? null),
  contactPerson: optionalText(MAX_NAME_LENGTH),
  phone: optionalText(40).refine((v) => v === null || /^[+0-9 ()-]{6,40}$/.test(v), 'nomor telepon tidak valid / invalid phone number'),
  email: optionalText(200).refine((v) => v === null || z.email().safeParse(v).success, 'email tidak valid / invalid e-mail'),
  address: optionalText(MAX_TEXT_LENGTH),
  regionCode: RegionCode.nullish().transform((v) => v ?? null),
  notes: optionalText(MAX_TEXT_LENGTH),
  active: z.boolean().default(true),
});
export type PartnerInput = z.input<typeof PartnerInput>;

export const Partner = z.object({
  id: Uuid,
  name: z.string(),
  type: PartnerType,
  agencyId: z.string().nullable(),
  agencyShortName: z.string().nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
});
export type Partner = z.infer<typeof Partner>;

export const PartnerListQuery = PageQuery.extend({
  /** Part of the name, contact person, phone or e-mail. */
  q: z.string().trim().max(100).optional(),
  type: PartnerType.optional(),
  agencyId: Uuid.optional(),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuery>;

import { z } from 'zod';

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;

export const Uuid = z.uuid();

/** A Kemendagri region code: 35, 35.07, 35.07.13 or 35.07.13.2001. */
export const RegionCode = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah tidak valid / invalid region code');

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** True when counting stopped at `total`: the list holds more ("more than 10,000"). */
    totalCapped: z.boolean().optional(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** True when counting stopped at `total`: the list holds more ("more than 10,000"). */
  totalCapped?: boolean;
}

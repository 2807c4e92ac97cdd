import { z } from 'zod';

export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan'] as const;
export const Region = z.object({ code: z.string(), name: z.string(), kind: z.enum(REGION_KINDS), level: z.number().int() });
export type Region = z.infer<typeof Region>;

/** Region code depth: 1 province, 2 regency, 3 kecamatan, 4 desa/kelurahan. */
export function regionLevel(code: string): number {
  return code.split('.').length;
}

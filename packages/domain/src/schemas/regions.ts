import { z } from 'zod';
import { RegionCode } from './common.ts';

export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan'] as const;
export const Region = z.object({ code: z.string(), name: z.string(), kind: z.enum(REGION_KINDS), level: z.number().int() });
export type Region = z.infer<typeof Region>;

/** One region with the chain above it, root first (province, regency, …). */
export const RegionDetail = Region.extend({ ancestors: z.array(Region) });
export type RegionDetail = z.infer<typeof RegionDetail>;

export const RegionChildrenQuery = z.object({
  /** Defaults to the installation's jurisdiction. */
  parent: RegionCode.optional(),
  /** Only the regions the signed-in user's scope reaches (and the ones on the way to them). */
  scoped: z.stringbool().default(false),
});
export type RegionChildrenQuery = z.infer<typeof RegionChildrenQuery>;

/** Region code depth: 1 province, 2 regency, 3 kecamatan, 4 desa/kelurahan. */
export function regionLevel(code: string): number {
  return code.split('.').length;
}

export const AreaRef = z.object({ code: z.string(), name: z.string() });
export type AreaRef = z.infer<typeof AreaRef>;

/**
 * Where a breakdown by region was made, for drilling down: the area (the jurisdiction unless asked), the regions above
 * it up to the jurisdiction (top first), and the level of the rows (2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan).
 */
export const AreaBreakdown = z.object({
  area: AreaRef.extend({ level: z.number().int() }),
  parents: z.array(AreaRef),
  byAreaLevel: z.number().int(),
});
export type AreaBreakdown = z.infer<typeof AreaBreakdown>;

export const AreaQuery = z.object({
  /** The region to break down: the jurisdiction (default), or a regency / kecamatan below it; rows are one level down. */
  area: RegionCode.optional(),
});

import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { sql } from 'kysely';
import { csvLine, type DatabaseHandle } from '../../db/database.ts';

type RegionKind = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan';

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

// Kemendagri village codes: 1xxx kelurahan (urban), 2xxx desa (rural).
function villageKind(code: string): RegionKind {
  return code.slice(-4).startsWith('1') ? 'kelurahan' : 'desa';
}

/** Loads the whole Kemendagri region tree from idn-area-data once; a second call sees the rows and does nothing. */
export async function loadRegions(handle: DatabaseHandle, onProgress?: (done: number, total: number) => void): Promise<number> {
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM region`.execute(handle.db);
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const rows: string[] = [];
  for (const p of provinces) rows.push(csvLine([p.code, null, 1, 'provinsi', titleCase(p.name)]));
  for (const r of regencies) {
    const isCity = r.name.toUpperCase().startsWith('KOTA');
    rows.push(csvLine([r.code, r.province_code, 2, isCity ? 'kota' : 'kabupaten', titleCase(r.name)]));
  }
  for (const d of districts) rows.push(csvLine([d.code, d.regency_code, 3, 'kecamatan', d.name]));
  for (const v of villages) rows.push(csvLine([v.code, v.district_code, 4, villageKind(v.code), v.name]));
  let done = 0;
  async function* withProgress() {
    for (const row of rows) {
      yield row;
      if (++done % 10_000 === 0) onProgress?.(done, rows.length);
    }
  }
  await handle.copyFrom('region', ['code', 'parent_code', 'level', 'kind', 'name'], withProgress());
  onProgress?.(rows.length, rows.length);
  return rows.length;
}

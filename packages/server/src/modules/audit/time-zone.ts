/**
 * UTC offset of the jurisdiction's local time, so that "from 5 March" means the local day.
 * Indonesia has no daylight saving: WIB +07 (Sumatra, Java, West/Central Kalimantan), WITA +08
 * (Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi), WIT +09 (Maluku, Papua).
 */
export function jurisdictionUtcOffset(jurisdiction: string): '+07:00' | '+08:00' | '+09:00' {
  const province = Number(jurisdiction.slice(0, 2));
  if (province >= 81) return '+09:00';
  if (province >= 63 || (province >= 51 && province <= 53)) return '+08:00';
  return '+07:00';
}

/** The instant a local calendar day starts, e.g. 2026-03-05 in WIB → 2026-03-04T17:00:00Z. */
export function startOfLocalDay(date: string, utcOffset: string): Date {
  return new Date(`${date}T00:00:00${utcOffset}`);
}

/** The instant the local day after `date` starts (an exclusive upper bound for "up to and including"). */
export function endOfLocalDay(date: string, utcOffset: string): Date {
  const start = startOfLocalDay(date, utcOffset);
  return new Date(start.getTime() + 24 * 3_600_000);
}

const DAY_MS = 86_400_000;

export function epochDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

const isoCache = new Map<number, string>();

export function isoOfEpochDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/**
 * Hands out the 4-digit serials of NIK and No KK: unique per (kecamatan, date, sex) without remembering every number,
 * one small counter array per kecamatan. `start` lifts all serials above those already in the registry (append mode).
 */
export class SerialAllocator {
  private readonly counters = new Map<string, Uint16Array>();
  private readonly span: number;

  constructor(
    private readonly firstDay: number,
    lastDay: number,
    private readonly start = 0,
  ) {
    this.span = lastDay - firstDay + 1;
  }

  next(kecamatanCode: string, day: number, variant: 0 | 1 = 0): number {
    if (day < this.firstDay || day >= this.firstDay + this.span) throw new RangeError(`date outside the serial range: ${isoOfEpochDay(day)}`);
    let counters = this.counters.get(kecamatanCode);
    if (!counters) {
      counters = new Uint16Array(this.span * 2);
      this.counters.set(kecamatanCode, counters);
    }
    const index = (day - this.firstDay) * 2 + variant;
    const used = (counters[index] ?? 0) + 1;
    const serial = this.start + used;
    if (serial > 9999) throw new RangeError(`no serial left for ${kecamatanCode} on ${isoOfEpochDay(day)}`);
    counters[index] = used;
    return serial;
  }
}

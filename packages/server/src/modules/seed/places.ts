import { deriveSeed, Random } from './prng.ts';

// Hamlet (dusun) names common across East Java; "Krajan" is the customary name of a village's central hamlet.
const DUSUN_NAMES = [
  'Krajan', 'Sumberejo', 'Karangrejo', 'Sidomulyo', 'Wonorejo', 'Ngadirejo', 'Sukorejo', 'Tegalrejo', 'Kedungrejo', 'Sumbersari', 'Kebonsari',
  'Purworejo', 'Sidodadi', 'Sumberagung', 'Krajan Lor', 'Krajan Kidul', 'Tlogosari', 'Sumbermanjing', 'Gondang', 'Jambuwer', 'Bendo', 'Ngebruk',
  'Sawahan', 'Tambakrejo', 'Kampung Baru', 'Sumberwaras', 'Banaran', 'Jatirejo', 'Karanganyar', 'Ngroto', 'Precet', 'Sengon',
];
const TOWN_STREETS = [
  'Jl. Mawar', 'Jl. Melati', 'Jl. Kenanga', 'Jl. Anggrek', 'Jl. Diponegoro', 'Jl. Panglima Sudirman', 'Jl. Ahmad Yani', 'Jl. Gajah Mada',
  'Jl. Hayam Wuruk', 'Jl. Kartini', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Veteran', 'Jl. Semeru', 'Jl. Bromo', 'Jl. Arjuno', 'Jl. Kawi',
  'Jl. Sultan Agung', 'Jl. Trunojoyo', 'Jl. Cempaka', 'Gg. Flamboyan', 'Gg. Dahlia', 'Jl. Pemuda', 'Jl. Sukarno-Hatta',
];

export interface VillageLayout {
  /** Hamlets of a rural desa; empty for an urban kelurahan, which has streets instead. */
  dusun: readonly string[];
  streets: readonly string[];
  rwCount: number;
}

/** A stable layout per village code (independent of how many families are generated or in what order). */
export function villageLayout(seed: number, villageCode: string, villageName: string, urban: boolean): VillageLayout {
  const rng = new Random(deriveSeed(seed, `layout:${villageCode}`));
  if (urban) {
    const streets = new Set<string>();
    const count = rng.int(5, 10);
    while (streets.size < count) streets.add(rng.pick(TOWN_STREETS));
    return { dusun: [], streets: [...streets], rwCount: rng.int(4, 12) };
  }
  const dusun = new Set<string>(rng.chance(0.7) ? ['Krajan'] : []);
  const count = rng.int(2, 6);
  while (dusun.size < count) dusun.add(rng.pick(DUSUN_NAMES));
  const streets = [`Jl. Raya ${villageName}`, ...[...dusun].map((d) => `Jl. ${d}`)];
  return { dusun: [...dusun], streets, rwCount: rng.int(2, 10) };
}

export interface Address {
  address: string;
  rt: string;
  rw: string;
  dusun: string | null;
}

export function pickAddress(rng: Random, layout: VillageLayout): Address {
  const rw = rng.int(1, layout.rwCount);
  const rt = rng.int(1, 8);
  const number = rng.int(1, 120);
  const dusunIndex = layout.dusun.length ? Math.min(layout.dusun.length - 1, Math.floor(((rw - 1) / layout.rwCount) * layout.dusun.length)) : -1;
  const dusun = dusunIndex >= 0 ? (layout.dusun[dusunIndex] ?? null) : null;
  const street = dusun !== null && rng.chance(0.5) ? `Jl. ${dusun}` : rng.pick(layout.streets);
  return { address: `${street} No. ${number}`, rt: String(rt).padStart(3, '0'), rw: String(rw).padStart(3, '0'), dusun };
}

import { getVillages } from 'idn-area-data';
import { planVillages } from '/work/main/packages/server/src/modules/seed/village-plan.ts';
import { generateFamilies } from '/work/main/packages/server/src/modules/seed/generate-population.ts';
import { addToBatch, emptyBatch } from '/work/main/packages/server/src/modules/seed/rows.ts';
const vs = (await getVillages()).filter((v) => v.code.startsWith('35.07.')).map((v) => ({ code: v.code, name: v.name, kind: v.code.slice(-4).startsWith('1') ? 'kelurahan' as const : 'desa' as const }));
const plan = planVillages(vs, 2026);
const c0 = process.cpuUsage();
let p = 0;
let b = emptyBatch();
for (const f of generateFamilies(100000, { plan, seed: 2026, referenceDate: '2026-11-23' })) { p += f.members.length; if (process.argv[2] === 'csv') { addToBatch(b, f); if (b.families.length >= 5000) b = emptyBatch(); } }
const c = process.cpuUsage(c0);
console.log('cpu ms', Math.round((c.user + c.system) / 1000), p);

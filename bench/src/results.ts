import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseKind } from '../../packages/server/src/db/database.ts';
import type { BenchOutcome, BenchResult } from './types.ts';

export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

export function writeResult(result: BenchResult): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/**
 * A benchmark that measured only some databases (`--kinds`): the other databases' measurements, ratios, table rows
 * and parameters from the latest results file are kept beside the new ones. Their keys and rows start with the kind.
 */
export function withEarlierKinds(name: string, outcome: BenchOutcome, ran: readonly DatabaseKind[]): BenchOutcome {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const others = (['embedded', 'postgres'] as const).filter((k) => !ran.includes(k));
  if (others.length === 0 || !fs.existsSync(file)) return outcome;
  const earlier = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult;
  const kept = (key: string) => others.some((k) => key.startsWith(k));
  const pick = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([key]) => kept(key)));
  const rows = [...earlier.table.rows.filter((row) => others.includes(row[0] as DatabaseKind)), ...outcome.table.rows];
  const order = (row: (string | number)[]) => (row[0] === 'embedded' ? 0 : 1);
  return {
    ...outcome,
    parameters: {
      ...outcome.parameters,
      ...pick(earlier.parameters),
      ...Object.fromEntries(others.map((k) => [`${k}MeasuredAt`, earlier.parameters[`${k}MeasuredAt`] ?? earlier.date])),
      ...Object.fromEntries(ran.map((k) => [`${k}MeasuredAt`, new Date().toISOString()])),
    },
    measurements: { ...pick(earlier.measurements), ...outcome.measurements },
    ratios: { ...pick(earlier.ratios), ...outcome.ratios },
    table: { ...outcome.table, rows: rows.sort((a, b) => order(a) - order(b)) },
  };
}

/** SUMMARY.md from every result file present, so that running one benchmark keeps the others' latest results. */
export function writeSummary(): string {
  const results = fs
    .readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as BenchResult);
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; each section comes from `bench/results/<name>.json`. Ratios compare a measurement with the',
    'physical limit measured in the same run on the same machine (1.0 = at the limit, 2.0 = twice the limit).',
    '',
  ];
  for (const r of results) {
    const m = r.machine;
    lines.push(`## ${r.title} (\`${r.name}\`)`, '');
    const load = m.loadAverage1m === undefined ? '' : ` · load average ${String(m.loadAverage1m)} at start`;
    lines.push(`${r.date} · ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB · Node ${m.node}${m.postgres ? ` · PostgreSQL ${m.postgres}` : ''}${load}`, '');
    lines.push(`Parameters: ${Object.entries(r.parameters).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`, '');
    lines.push(`| ${r.table.headers.join(' | ')} |`, `| ${r.table.headers.map(() => '---').join(' | ')} |`);
    for (const row of r.table.rows) lines.push(`| ${row.map(String).join(' | ')} |`);
    lines.push('');
    for (const note of r.notes) lines.push(`- ${note}`);
    if (r.notes.length) lines.push('');
  }
  const file = path.join(RESULTS_DIR, 'SUMMARY.md');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

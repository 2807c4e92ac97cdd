import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ColumnMappingInput, ImportMappingBody, matchTemplate, suggestMapping, type ColumnMapping, type ImportBatch } from '@sinergi/domain';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { formatCount } from '../../../cli/options.ts';
import { CliError, note, print } from '../../../cli/output.ts';
import { withDatabase, type CommandContext } from '../../../cli/run.ts';
import type { DB } from '../../../db/schema/index.ts';
import { findBatch } from './batch-queries.ts';
import type { SheetInfo } from './batch-state.ts';
import { dryRun } from './dry-run.ts';
import { inspectFiles } from './inspect.ts';
import { writeReport } from './report.ts';
import { ImportRunner } from './runner.ts';
import { batchFor, createBatch, getBatch, setMapping, type Actor } from './service.ts';
import { storeUpload } from './storage.ts';
import { templatesFor } from './templates.ts';

interface ImportOptions {
  template?: string;
  mapping?: string;
  resume?: string;
  dryRun?: boolean;
  user: string;
  report?: string;
}

/** `import <file...>`: the same engine as the web wizard, with a progress bar and a final table. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .summary('impor data DTSEN/DTKS dari CSV/XLSX / import DTSEN/DTKS data from CSV/XLSX')
    .description(
      'Impor keluarga dan anggota dari berkas CSV/XLSX (satu berkas dengan dua lembar, atau dua berkas); baris yang ditolak dicatat dengan alasannya\n' +
        'Import families and members from CSV/XLSX (one file with two sheets, or two files); rejected rows are recorded with their reason',
    )
    .argument('[file...]', 'berkas CSV/XLSX / CSV/XLSX files')
    .option('--template <id>', 'templat pemetaan kolom (bawaan: yang paling cocok) / column mapping template (default: best match)')
    .option('--mapping <json>', 'berkas JSON pemetaan kolom / JSON file with the column mapping')
    .option('--resume <batchId>', 'lanjutkan impor yang terhenti / resume a stopped import')
    .option('--dry-run', 'periksa saja, tanpa menyimpan / check only, store nothing')
    .option('--user <username>', 'akun yang mengimpor / account doing the import', 'admin')
    .option('--report <file>', 'tulis baris yang ditolak ke .xlsx/.csv / write rejected rows to .xlsx/.csv')
    .addHelpText('after', '\nContoh / example:\n  npm run cli -- import dtsen-2026q1.xlsx --report ditolak.xlsx\n  npm run cli -- import --resume 3f2c…')
    .action((files: string[], options: ImportOptions) => withDatabase((context) => runImportCommand(context, files, options)));
}

async function actorFor(db: Kysely<DB>, username: string): Promise<Actor> {
  const user = await db.selectFrom('app_user').select(['id', 'username', 'agency_id', 'scope_codes']).where('username', '=', username).executeTakeFirst();
  if (!user) {
    throw new CliError(`Akun "${username}" tidak ada; pilih akun dengan --user.`, `There is no account "${username}"; choose one with --user.`);
  }
  return { id: user.id, username: user.username, agencyId: user.agency_id, scopeCodes: user.scope_codes };
}

async function runImportCommand({ config, database, progress }: CommandContext, files: string[], options: ImportOptions): Promise<void> {
  const actor = await actorFor(database.db, options.user);
  let batchId = options.resume;
  if (!batchId) {
    if (files.length === 0) throw new CliError('Sebutkan berkas yang akan diimpor.', 'Name the files to import.');
    for (const file of files) if (!fs.existsSync(file)) throw new CliError(`Berkas tidak ada: ${file}`, `No such file: ${file}`);
    if (options.dryRun) return dryRunCommand({ config, database, progress }, actor, files, options);
    const uploads = (async function* () {
      for (const file of files) yield { fileName: path.basename(file), stream: fs.createReadStream(file) };
    })();
    const batch = await createBatch(database.db, config, actor, uploads);
    await setMapping(database.db, actor, batch.id, { sheets: await chooseMappings(database.db, actor, batch.sheets, options), templateId: options.template ?? null });
    batchId = batch.id;
    note(`Batch impor / import batch: ${batchId}`);
  } else {
    await batchFor(database.db, actor, batchId);
  }
  const runner = new ImportRunner({ handle: database, dataDir: config.dataDir, jurisdiction: config.jurisdiction });
  const before = await findBatch(database.db, batchId);
  const bar = progress.start('Impor / import', before?.rows_total ?? 0);
  bar.update(before?.rows_processed ?? 0);
  runner.on('progress', (p) => bar.update(p.rowsProcessed, p.rowsTotal));
  const stop = () => void runner.stopAll();
  process.once('SIGINT', stop);
  try {
    if (!(await runner.launch(batchId, options.resume ? ['paused', 'failed'] : ['mapped']))) {
      throw new CliError(`Batch ${batchId} tidak dapat dijalankan (status: ${before?.status ?? '?'}).`, `Batch ${batchId} cannot run (status: ${before?.status ?? '?'}).`);
    }
    await runner.wait(batchId);
  } finally {
    process.removeListener('SIGINT', stop);
    bar.stop();
  }
  const batch = await getBatch(database.db, actor, batchId);
  printSummary(batch);
  if (options.report) await writeReportFile(database.db, batchId, options.report);
  if (batch.status !== 'done') process.exitCode = 1;
}

/** --mapping (one ColumnMapping, or {sheets: …}), else --template, else the best template for each sheet. */
interface SheetChoice {
  name: string;
  headers: string[];
  suggestion: { mapping: ColumnMapping };
}

async function chooseMappings(db: Kysely<DB>, actor: Actor, sheets: SheetChoice[], options: ImportOptions): Promise<Record<string, ColumnMapping | null>> {
  if (options.mapping) {
    const json: unknown = JSON.parse(fs.readFileSync(options.mapping, 'utf8'));
    const single = ColumnMappingInput.safeParse(json);
    if (single.success) return Object.fromEntries(sheets.map((s) => [s.name, single.data]));
    return ImportMappingBody.parse(json).sheets;
  }
  if (options.template) {
    const template = (await templatesFor(db, actor.agencyId)).find((t) => t.id === options.template);
    if (!template) throw new CliError(`Templat tidak dikenal: ${options.template}`, `Unknown template: ${options.template}`);
    return Object.fromEntries(sheets.map((s) => [s.name, matchTemplate(s.headers, template).mapping]));
  }
  return Object.fromEntries(sheets.map((s) => [s.name, s.suggestion.mapping]));
}

function printSummary(batch: ImportBatch): void {
  const cell = (n: number) => formatCount(n).padStart(12);
  print(`Status: ${batch.status}  (${formatCount(batch.rowsProcessed)} baris / rows)`);
  if (batch.error) print(`${batch.error.id}\n${batch.error.en}`);
  print(`${''.padEnd(22)}${'ditambah'.padStart(12)}${'diperbarui'.padStart(12)}${'tetap'.padStart(12)}${'ditolak'.padStart(12)}`);
  print(`${''.padEnd(22)}${'added'.padStart(12)}${'updated'.padStart(12)}${'unchanged'.padStart(12)}${'rejected'.padStart(12)}`);
  for (const [label, c] of [['keluarga / families', batch.counts.families], ['anggota / members', batch.counts.members]] as const) {
    print(`${label.padEnd(22)}${cell(c.added)}${cell(c.updated)}${cell(c.unchanged)}${cell(c.rejected)}`);
  }
  if (batch.status === 'paused' || batch.status === 'failed') print(`Lanjutkan / resume: npm run cli -- import --resume ${batch.id}`);
}

async function writeReportFile(db: Kysely<DB>, batchId: string, file: string): Promise<void> {
  const batch = await findBatch(db, batchId);
  if (!batch) return;
  const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const output = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => output.on('finish', () => resolve()).on('error', reject));
  const rows = await writeReport(db, batch, { format, outcome: 'rejected', unmasked: true }, output);
  await finished;
  print(`Laporan / report: ${file} (${formatCount(rows)} baris ditolak / rejected rows)`);
}

async function dryRunCommand({ config, database, progress }: CommandContext, actor: Actor, files: string[], options: ImportOptions): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-dry-run-'));
  try {
    const stored = [];
    for (const [i, file] of files.entries()) stored.push(await storeUpload(scratch, 'dry-run', i, path.basename(file), fs.createReadStream(file)));
    const sheets: SheetInfo[] = await inspectFiles(scratch, stored);
    const templates = await templatesFor(database.db, actor.agencyId);
    const view = sheets.map((s) => ({ name: s.name, headers: s.headers, suggestion: { mapping: suggestMapping(s.headers, templates).mapping } }));
    const mappings = await chooseMappings(database.db, actor, view, options);
    const bar = progress.start('Periksa / check', sheets.reduce((sum, s) => sum + s.rowsTotal, 0));
    const result = await dryRun({ db: database.db, dataDir: scratch, files: stored, sheets, mappings, jurisdiction: config.jurisdiction, scopeCodes: actor.scopeCodes, onRows: (n) => bar.update(n) });
    bar.stop();
    print(`Uji coba, tidak ada yang disimpan / dry run, nothing stored: ${formatCount(result.rows)} baris / rows`);
    print(`keluarga / families: ${formatCount(result.families.accepted)} diterima / accepted, ${formatCount(result.families.rejected)} ditolak / rejected`);
    print(`anggota / members:   ${formatCount(result.members.accepted)} diterima / accepted, ${formatCount(result.members.rejected)} ditolak / rejected`);
    for (const issue of result.issues) print(`  ${issue.severity === 'error' ? 'galat' : 'catatan'} ${issue.code} ×${formatCount(issue.count)}: ${issue.example}`);
    if (result.readError) print(result.readError);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

import { Option, type Command } from 'commander';
import { AGENCY_KINDS, AgencyInput } from '@sinergi/domain';
import { createAgency } from '../../modules/agencies/service.ts';
import { listAgencies } from '../../modules/agencies/queries.ts';
import { print } from '../output.ts';
import { withDatabase } from '../run.ts';

interface CreateOptions {
  name: string;
  shortName: string;
  kind: AgencyInput['kind'];
}

/** A real installation (DEMO_DATA=false) starts without agencies; its first admin account needs one. */
export function registerAgencies(program: Command): void {
  const agencies = program
    .command('agencies')
    .summary('kelola dinas (OPD): create, list / manage agencies')
    .description('Kelola dinas (OPD) / manage agencies (OPD)');

  agencies
    .command('create')
    .description('Daftarkan dinas (OPD) / register an agency')
    .requiredOption('--name <name>', 'nama lengkap / full name, e.g. "Dinas Sosial Kabupaten Malang"')
    .requiredOption('--short-name <short name>', 'singkatan, dipakai di users create --agency / short name, used by users create --agency')
    .addOption(new Option('--kind <kind>', 'jenis / kind').choices(AGENCY_KINDS).makeOptionMandatory())
    .addHelpText('after', '\nContoh / example:\n  npm run cli -- agencies create --name "Badan Perencanaan Pembangunan Daerah" --short-name Bappeda --kind bappeda')
    .action((options: CreateOptions) =>
      withDatabase(async ({ database }) => {
        const agency = await createAgency(database.db, null, AgencyInput.parse({ name: options.name, shortName: options.shortName, kind: options.kind }));
        print(`Dinas dibuat / agency created: ${agency.shortName} — ${agency.name} (${agency.kind})`);
      }),
    );

  agencies
    .command('list')
    .description('Tampilkan semua dinas / list all agencies')
    .action(() =>
      withDatabase(async ({ database }) => {
        const all = await listAgencies(database.db);
        if (all.length === 0) print('Belum ada dinas / no agencies yet.');
        const width = Math.max(0, ...all.map((a) => a.shortName.length));
        for (const a of all) print(`${a.shortName.padEnd(width)}  ${a.kind.padEnd(14)}  ${String(a.userCount).padStart(4)} akun/accounts  ${a.name}`);
      }),
    );
}

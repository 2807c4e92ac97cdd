import crypto from 'node:crypto';
import { Option, type Command } from 'commander';
import { ROLES, type Role, type UserSummary } from '@sinergi/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.ts';
import { createUser, disableUser, enableUser, findUserByUsername, listUsers, resetPassword } from '../../modules/users/service.ts';
import { codeList } from '../options.ts';
import { CliError, print } from '../output.ts';
import { withDatabase } from '../run.ts';

// No 0/O, 1/l/I: the password is read off a screen and typed by someone else.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random temporary password, e.g. "kp7w-m3xq-9trz" (about 70 bits). */
export function generatePassword(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 5 }, () => PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

async function agencyIdByShortName(db: Kysely<DB>, shortName: string): Promise<string> {
  const agencies = await db.selectFrom('agency').select(['id', 'short_name']).orderBy('short_name').execute();
  const match = agencies.find((a) => a.short_name.toLowerCase() === shortName.trim().toLowerCase());
  if (match) return match.id;
  const known = agencies.map((a) => a.short_name).join(', ') || '-';
  throw new CliError(`Dinas (OPD) "${shortName}" tidak dikenal. Yang ada: ${known}.`, `Unknown agency "${shortName}". Known: ${known}.`);
}

async function userByUsername(db: Kysely<DB>, username: string): Promise<UserSummary> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new CliError(`Pengguna "${username}" tidak ditemukan.`, `User "${username}" not found.`);
  return user;
}

function printPassword(password: string, generated: boolean): void {
  if (generated) print(`Kata sandi sementara / temporary password: ${password}`);
  print('Pengguna wajib menggantinya saat masuk pertama / the user must change it at first sign-in.');
}

interface CreateOptions {
  username: string;
  name: string;
  role: Role;
  agency: string;
  scope?: string[];
  password?: string;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').summary('kelola akun: create, disable, enable, reset, list / manage accounts').description('Kelola akun pengguna / manage user accounts');

  users
    .command('create')
    .description('Buat akun baru / create an account')
    .requiredOption('--username <username>', 'nama pengguna untuk masuk / sign-in name')
    .requiredOption('--name <full name>', 'nama lengkap / full name')
    .addOption(new Option('--role <role>', 'peran / role').choices(ROLES).makeOptionMandatory())
    .requiredOption('--agency <short name>', 'singkatan dinas (OPD), mis. Dinsos / agency short name, e.g. Dinsos')
    .option('--scope <codes>', 'kode kecamatan/desa dipisah koma; kosong = seluruh wilayah / kecamatan or village codes, comma-separated; none = whole jurisdiction', codeList)
    .option('--password <password>', 'kata sandi awal; tanpa ini dibuatkan / initial password; generated when omitted')
    .addHelpText('after', '\nContoh / example:\n  npm run cli -- users create --username budi.dinsos --name "Budi Santoso" --role operator --agency Dinsos --scope 35.07.13')
    .action((options: CreateOptions) =>
      withDatabase(async ({ config, database }) => {
        const password = options.password ?? generatePassword();
        const agencyId = await agencyIdByShortName(database.db, options.agency);
        const user = await createUser(
          database.db,
          { username: options.username, fullName: options.name, role: options.role, agencyId, scopeCodes: options.scope ?? [], password },
          { jurisdiction: config.jurisdiction },
        );
        print(`Akun dibuat / account created: ${user.username} (${user.role}, ${user.agencyShortName}, ${scopeText(user)})`);
        printPassword(password, options.password === undefined);
      }),
    );

  const switches = [
    { name: 'disable', change: disableUser, done: 'Akun dinonaktifkan / account disabled',
      description: 'Nonaktifkan akun dan akhiri sesinya / disable an account and end its sessions' },
    { name: 'enable', change: enableUser, done: 'Akun aktif / account enabled',
      description: 'Aktifkan kembali akun (juga membuka kunci) / re-enable an account (also lifts a lock)' },
  ];
  for (const { name, change, done, description } of switches) {
    users
      .command(`${name} <username>`)
      .description(description)
      .action((username: string) =>
        withDatabase(async ({ database }) => {
          const user = await change(database.db, (await userByUsername(database.db, username)).id);
          print(`${done}: ${user.username}`);
        }),
      );
  }

  users
    .command('reset <username>')
    .description('Atur kata sandi sementara dan akhiri sesinya / set a temporary password and end its sessions')
    .option('--password <password>', 'kata sandi baru; tanpa ini dibuatkan / new password; generated when omitted')
    .action((username: string, options: { password?: string }) =>
      withDatabase(async ({ database }) => {
        const user = await userByUsername(database.db, username);
        const password = options.password ?? generatePassword();
        await resetPassword(database.db, user.id, password);
        print(`Kata sandi diatur ulang / password reset: ${user.username}`);
        printPassword(password, options.password === undefined);
      }),
    );

  users
    .command('list')
    .description('Tampilkan semua akun / list all accounts')
    .action(() =>
      withDatabase(async ({ database }) => {
        printUserTable(await allUsers(database.db));
      }),
    );
}

async function allUsers(db: Kysely<DB>): Promise<UserSummary[]> {
  const all: UserSummary[] = [];
  for (let page = 1; ; page++) {
    const result = await listUsers(db, { page, pageSize: 200 });
    all.push(...result.items);
    if (all.length >= result.total || result.items.length === 0) return all;
  }
}

function scopeText(user: UserSummary): string {
  return user.scopeCodes.length === 0 ? 'seluruh wilayah / whole jurisdiction' : user.scopeNames.join(', ');
}

function printUserTable(users: UserSummary[]): void {
  if (users.length === 0) {
    print('Belum ada akun / no accounts yet.');
    return;
  }
  const rows = users.map((u) => [
    u.username,
    u.fullName,
    u.role,
    u.agencyShortName,
    u.disabled ? 'nonaktif/disabled' : 'aktif/active',
    u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace('T', ' ') : '-',
    scopeText(u),
  ]);
  const header = ['PENGGUNA/USER', 'NAMA/NAME', 'PERAN/ROLE', 'DINAS/AGENCY', 'STATUS', 'MASUK/LAST LOGIN', 'WILAYAH/SCOPE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows]) print(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
  print(`\n${users.length} akun / accounts`);
}

import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './db/open-configured.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/seed/demo-users.ts';
import { terminalProgress } from './progress.ts';
import { prepareDatabase } from './startup.ts';

const config = loadConfig();
const progress = terminalProgress();
const database = await openConfiguredDatabase(config);
await prepareDatabase(database, config, progress);
const app = await buildApp({ config, database });
await app.listen({ port: config.port, host: config.host });

const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const address = `http://${shownHost}:${String(config.port)}`;
const lines = [
  '',
  `Sinergi ${config.version} berjalan di / is running at: ${address}`,
  `Basis data / database: ${database.kind === 'embedded' ? `embedded (${config.dataDir})` : 'PostgreSQL'}`,
  `Dokumentasi API / API docs: ${address}/api/docs`,
];
if (config.demoData) {
  lines.push(`Akun demo / demo logins (kata sandi / password: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(24)} ${u.description}`);
}
process.stdout.write(lines.join('\n') + '\n\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}

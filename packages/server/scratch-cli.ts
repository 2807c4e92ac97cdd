import { Command } from 'commander';
import { registerImportCommand } from './src/modules/registry/import/cli.ts';
import { describeError } from './src/cli/output.ts';
const program = new Command('sinergi');
registerImportCommand(program);
try { await program.parseAsync(process.argv); } catch (e) { console.error(describeError(e, true).join('\n')); process.exitCode = 1; }

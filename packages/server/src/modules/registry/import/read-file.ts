import path from 'node:path';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { SheetReading, StoredFile } from './read-types.ts';

/** The sheets of one stored file, in file order; a CSV file is one sheet named after the file. */
export function readSheets(dataDir: string, file: StoredFile): AsyncGenerator<SheetReading> {
  const absolute = path.join(dataDir, file.path);
  return file.format === 'csv' ? readCsv(absolute, file.name, file.encoding ?? 'utf-8') : readXlsx(absolute);
}

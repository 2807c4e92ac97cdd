import { IMPORT_FILE_EXTENSIONS, MAX_IMPORT_FILE_MB } from '@sinergi/domain';

/** The server reads at most this many files per batch (a families file and a members file, or a few more). */
export const MAX_IMPORT_FILES = 4;
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_FILE_MB * 1024 * 1024;
export const IMPORT_ACCEPT = [...IMPORT_FILE_EXTENSIONS, '.xls'].join(',');

export type FileProblem =
  | { kind: 'tooMany'; max: number }
  | { kind: 'xls'; file: string }
  | { kind: 'type'; file: string }
  | { kind: 'empty'; file: string }
  | { kind: 'size'; file: string; maxMb: number };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * What the server would refuse, found before a long upload starts: too many files, old .xls workbooks,
 * other types, empty files and files over the size limit.
 */
export function checkImportFiles(files: readonly Pick<File, 'name' | 'size'>[]): FileProblem[] {
  const problems: FileProblem[] = [];
  if (files.length > MAX_IMPORT_FILES) problems.push({ kind: 'tooMany', max: MAX_IMPORT_FILES });
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (extension === '.xls') problems.push({ kind: 'xls', file: file.name });
    else if (!(IMPORT_FILE_EXTENSIONS as readonly string[]).includes(extension)) problems.push({ kind: 'type', file: file.name });
    else if (file.size === 0) problems.push({ kind: 'empty', file: file.name });
    else if (file.size > MAX_IMPORT_FILE_BYTES) problems.push({ kind: 'size', file: file.name, maxMb: MAX_IMPORT_FILE_MB });
  }
  return problems;
}

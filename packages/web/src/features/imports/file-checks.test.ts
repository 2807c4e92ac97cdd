import { describe, expect, it } from 'vitest';
import { checkImportFiles, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES } from './file-checks.ts';

const file = (name: string, size = 1000) => ({ name, size });

describe('checkImportFiles', () => {
  it('accepts CSV, XLSX, TXT and TSV files whatever the case of their extension', () => {
    expect(checkImportFiles([file('dtsen.xlsx'), file('ANGGOTA.CSV'), file('data.tsv'), file('data.txt')])).toEqual([]);
  });

  it('names each refused file with its reason', () => {
    expect(checkImportFiles([file('lama.xls'), file('surat.pdf'), file('kosong.csv', 0), file('besar.xlsx', MAX_IMPORT_FILE_BYTES + 1)])).toEqual([
      { kind: 'xls', file: 'lama.xls' },
      { kind: 'type', file: 'surat.pdf' },
      { kind: 'empty', file: 'kosong.csv' },
      { kind: 'size', file: 'besar.xlsx', maxMb: MAX_IMPORT_FILE_BYTES / 1024 / 1024 },
    ]);
    expect(checkImportFiles([file('tanpa-titik')])).toEqual([{ kind: 'type', file: 'tanpa-titik' }]);
  });

  it('accepts a file of exactly the size limit and refuses more files than the server reads', () => {
    expect(checkImportFiles([file('pas.xlsx', MAX_IMPORT_FILE_BYTES)])).toEqual([]);
    const many = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => file(`f${String(i)}.csv`));
    expect(checkImportFiles(many)).toEqual([{ kind: 'tooMany', max: MAX_IMPORT_FILES }]);
  });
});

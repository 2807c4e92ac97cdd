import type { RowIssue } from '@sinergi/domain';

/**
 * Problems only the engine can see (the registry, the rest of the file, the operator's region), in the same shape
 * as the normaliser's issues so that the preview and the report treat them alike.
 */
export const ENGINE_ISSUES = {
  incomplete_row: {
    severity: 'error',
    id: 'Baris ini hanya berisi {cells} dari {headers} kolom; berkas mungkin terpotong.',
    en: 'This row holds only {cells} of {headers} columns; the file may be truncated.',
  },
  unknown_village: {
    severity: 'error',
    id: 'Kode desa/kelurahan {value} tidak ada dalam daftar wilayah Kemendagri.',
    en: 'Village code {value} is not in the Kemendagri region list.',
  },
  out_of_scope: {
    severity: 'error',
    id: 'Desa/kelurahan {value} di luar wilayah tugas Anda.',
    en: 'Village {value} is outside your assigned region.',
  },
  duplicate_nik_in_file: {
    severity: 'error',
    id: 'NIK {value} sudah ada di baris {row} (lembar {sheet}) berkas ini; baris ini tidak diimpor.',
    en: 'NIK {value} already appears on row {row} (sheet {sheet}) of this file; this row was not imported.',
  },
  duplicate_kk_in_file: {
    severity: 'error',
    id: 'No KK {value} sudah ada di baris {row} (lembar {sheet}) berkas ini; baris ini tidak diimpor.',
    en: 'No KK {value} already appears on row {row} (sheet {sheet}) of this file; this row was not imported.',
  },
  family_not_found: {
    severity: 'error',
    id: 'Keluarga dengan No KK {value} tidak ada di registri maupun di lembar keluarga berkas ini.',
    en: 'No family with No KK {value} exists in the registry or in this file’s family sheet.',
  },
  family_rejected_in_file: {
    severity: 'error',
    id: 'Keluarga dengan No KK {value} ditolak di baris {row} (lembar {sheet}); anggota ini ikut ditolak. Lihat alasan pada baris tersebut.',
    en: 'The family with No KK {value} was rejected on row {row} (sheet {sheet}); this member is rejected with it. See the reason on that row.',
  },
  family_rejected: {
    severity: 'error',
    id: 'Data keluarga (No KK {value}) pada baris ini ditolak, sehingga anggota tidak dapat diimpor.',
    en: 'The family data (No KK {value}) on this row was rejected, so the member cannot be imported.',
  },
  member_moved: {
    severity: 'warning',
    id: 'NIK {value} sebelumnya terdaftar di KK {from}; kini dipindahkan ke KK {to} (riwayat keanggotaan disimpan).',
    en: 'NIK {value} was registered in family card {from}; it now moves to {to} (membership history is kept).',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; id: string; en: string }>;

export type EngineIssueCode = keyof typeof ENGINE_ISSUES;

export function engineIssue(code: EngineIssueCode, field: string, params: Record<string, string | number>): RowIssue {
  const template = ENGINE_ISSUES[code];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined ? whole : String(params[key])));
  const issue: RowIssue = { field, code, severity: template.severity, message: { id: fill(template.id), en: fill(template.en) } };
  if (params.value !== undefined) issue.value = String(params.value);
  return issue;
}

import { buildNik } from '@sinergi/domain';
import { FAMILY_HEADER, familyRow, MEMBER_HEADER, memberRow, syntheticFamilies, writeXlsx, type CellValue, type SyntheticFamily } from './test-files.ts';

/**
 * A DTSEN workbook as operators really receive it (two sheets): numbers where text belongs, labels instead of codes,
 * mixed date formats, blank lines, an extra column, and rows that must be rejected, each for a known reason.
 * `expected` is derived from the same data, so the tests assert exact counts without hard-coding them.
 */
export interface MessyWorkbook {
  families: SyntheticFamily[];
  expected: {
    families: { added: number; rejected: number; rows: number };
    members: { added: number; rejected: number; rows: number };
    /** Issue code of each rejected row, by sheet and row number. */
    rejections: { sheet: string; row: number; code: string }[];
  };
}

const SCIENTIFIC = '3.50713E+15';

/** Writes the workbook to `path`; `villages` should span two kecamatan (for the scope test). */
export async function writeMessyWorkbook(path: string, villages: readonly string[], seed = 11): Promise<MessyWorkbook> {
  const families = [...syntheticFamilies(8, villages, seed)];
  // Family 1 is written with labels ("Tanah", "Genteng") where the others have codes: 8 and 2.
  families[1] = { ...families[1]!, floorType: 8, roofType: 2 };
  const rejections: MessyWorkbook['expected']['rejections'] = [];
  const familyRows: CellValue[][] = [[...FAMILY_HEADER, 'catatan']];
  const push = (rows: CellValue[][], row: CellValue[], rejectCode?: string, sheet = 'keluarga') => {
    rows.push(row);
    if (rejectCode) rejections.push({ sheet, row: rows.length, code: rejectCode });
  };
  families.forEach((family, i) => {
    const row = [...familyRow(family), 'ok'];
    if (i === 0) row[0] = Number(family.noKk); // No KK typed as a number
    if (i === 1) [row[11], row[12]] = ['Tanah', 'Genteng']; // labels instead of codes
    if (i === 4) row[10] = ` ${String(family.desil)} `;
    push(familyRows, row);
    if (i === 2) familyRows.push([]); // a blank line
  });
  const unknownVillage = { ...families[0]!, noKk: bump(families[0]!.noKk, 50), members: [] };
  const badVillage = familyRow(unknownVillage);
  badVillage[4] = '9999';
  push(familyRows, [...badVillage, 'desa salah'], 'unknown_village');
  const outside = familyRow({ ...families[1], noKk: bump(families[1].noKk, 51) });
  outside[2] = '08';
  push(familyRows, [...outside, 'kabupaten lain'], 'village_outside_jurisdiction');
  push(familyRows, [...familyRow({ ...families[1], address: 'Alamat lain' }), 'ganda'], 'duplicate_kk_in_file');
  const scientific = familyRow(families[2]!);
  scientific[0] = SCIENTIFIC;
  push(familyRows, [...scientific, 'notasi ilmiah'], 'id_scientific_notation');

  const memberRows: CellValue[][] = [[...MEMBER_HEADER, 'keterangan']];
  let index = 0;
  for (const family of families) {
    for (const member of family.members) {
      const row = [...memberRow(family, member, (['dmy', 'iso', 'date'] as const)[index % 3]), ''];
      if (index % 4 === 0) row[0] = Number(member.nik); // NIK typed as a number: read back exactly
      if (index % 5 === 1) row[4] = member.sex === 'L' ? 'Laki-laki' : 'Perempuan';
      push(memberRows, row, undefined, 'anggota');
      if (index === 2) memberRows.push([null, null, null]); // a blank line of empty cells
      index++;
    }
  }
  const first = families[0]!.members[0]!;
  push(memberRows, [...memberRow(families[0]!, first), 'ganda'], 'duplicate_nik_in_file', 'anggota');
  const moved = families[1].members[0]!;
  push(memberRows, [...memberRow(families[2]!, moved), 'NIK di KK lain'], 'duplicate_nik_in_file', 'anggota');
  const orphan = { ...first, nik: buildNik(unknownVillage.villageCode.slice(0, 8), '1980-01-01', 'L', 9001) };
  push(memberRows, [...memberRow(unknownVillage, orphan), 'KK ditolak'], 'family_rejected_in_file', 'anggota');
  push(memberRows, [SCIENTIFIC, families[3]!.noKk, 'Sri Rahayu', '01/01/1990', 'P', 3, 'notasi ilmiah'], 'id_scientific_notation', 'anggota');
  // Birth date differs from the one inside the NIK: a warning, the member is still imported.
  const mismatch = { nik: buildNik(families[2]!.villageCode.slice(0, 8), '1990-05-05', 'P', 9002), name: 'Wulan Sari', birthDate: '1991-05-05', sex: 'P' as const, relation: 3 };
  push(memberRows, [...memberRow(families[2]!, mismatch), 'beda tanggal'], undefined, 'anggota');

  await writeXlsx(path, [
    { name: 'keluarga', rows: familyRows },
    { name: 'anggota', rows: memberRows },
  ]);
  const memberCount = families.reduce((sum, f) => sum + f.members.length, 0) + 1;
  const familyRejected = rejections.filter((r) => r.sheet === 'keluarga').length;
  const memberRejected = rejections.length - familyRejected;
  return {
    families,
    expected: {
      families: { added: families.length, rejected: familyRejected, rows: families.length + familyRejected },
      members: { added: memberCount, rejected: memberRejected, rows: memberCount + memberRejected },
      rejections,
    },
  };
}

/** Another valid No KK: same office and date, a different serial. */
function bump(noKk: string, by: number): string {
  return noKk.slice(0, 12) + String(((Number(noKk.slice(12)) + by) % 9999) + 1).padStart(4, '0');
}

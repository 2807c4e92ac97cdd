import type { CodeList } from './code-list.ts';

/** Special statuses of a member; criminal records (warga binaan) are specific personal data under UU PDP. */
export const SPECIAL_STATUSES: CodeList<string> = [
  { code: 'warga_binaan', id: 'Warga binaan lembaga pemasyarakatan', en: 'Prison inmate' },
  { code: 'hamil', id: 'Sedang hamil', en: 'Pregnant' },
  { code: 'pekerja_migran', id: 'Pekerja migran di luar negeri', en: 'Migrant worker abroad' },
  { code: 'lansia_tunggal', id: 'Lanjut usia tinggal sendiri', en: 'Elderly person living alone' },
];

import type { CodeList } from './code-list.ts';

/** The ten DTSEN functional-difficulty items; a member's `disabilities` lists the codes with a difficulty. */
export const DISABILITY_ITEMS: CodeList<string> = [
  { code: 'penglihatan', id: 'Penglihatan', en: 'Seeing' },
  { code: 'pendengaran', id: 'Pendengaran', en: 'Hearing' },
  { code: 'berjalan_atau_naik_tangga', id: 'Berjalan atau naik tangga', en: 'Walking or climbing stairs' },
  { code: 'menggunakan_tangan_jari', id: 'Menggunakan tangan/jari', en: 'Using hands/fingers' },
  { code: 'belajar_kemampuan_intelektual', id: 'Belajar/kemampuan intelektual', en: 'Learning/intellectual ability' },
  { code: 'pengendalian_perilaku', id: 'Pengendalian perilaku', en: 'Controlling behaviour' },
  { code: 'berbicara_komunikasi', id: 'Berbicara/komunikasi', en: 'Speaking/communicating' },
  { code: 'mengurus_diri', id: 'Mengurus diri sendiri', en: 'Self-care' },
  { code: 'mengingat_berkonsentrasi', id: 'Mengingat/berkonsentrasi', en: 'Remembering/concentrating' },
  { code: 'kesedihan_depresi', id: 'Kesedihan/depresi', en: 'Sadness/depression' },
];

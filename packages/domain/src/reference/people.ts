import type { CodeList } from './code-list.ts';

// Individual variables as coded in the Regsosek 2022 / DTSEN member form; DTKS/BDT files use the same relation codes 1–8.

export const SEXES: CodeList<'L' | 'P'> = [
  { code: 'L', id: 'Laki-laki', en: 'Male' },
  { code: 'P', id: 'Perempuan', en: 'Female' },
];

/** Hubungan dengan kepala keluarga. */
export const RELATIONS: CodeList = [
  { code: 1, id: 'Kepala keluarga', en: 'Head of family' },
  { code: 2, id: 'Istri/suami', en: 'Wife/husband' },
  { code: 3, id: 'Anak', en: 'Child' },
  { code: 4, id: 'Menantu', en: 'Child-in-law' },
  { code: 5, id: 'Cucu', en: 'Grandchild' },
  { code: 6, id: 'Orang tua/mertua', en: 'Parent/parent-in-law' },
  { code: 7, id: 'Pembantu/sopir', en: 'Domestic worker/driver' },
  { code: 8, id: 'Lainnya', en: 'Other' },
];
export const RELATION = { head: 1, spouse: 2, child: 3, childInLaw: 4, grandchild: 5, parent: 6, domesticWorker: 7, other: 8 } as const;

export const MARITAL_STATUSES: CodeList = [
  { code: 1, id: 'Belum kawin', en: 'Never married' },
  { code: 2, id: 'Kawin/nikah', en: 'Married' },
  { code: 3, id: 'Cerai hidup', en: 'Divorced' },
  { code: 4, id: 'Cerai mati', en: 'Widowed' },
];
export const MARITAL = { single: 1, married: 2, divorced: 3, widowed: 4 } as const;

/** Partisipasi sekolah, asked of members aged 5 and over. */
export const SCHOOLING: CodeList = [
  { code: 1, id: 'Tidak/belum pernah sekolah', en: 'Never attended school' },
  { code: 2, id: 'Masih sekolah', en: 'Currently in school' },
  { code: 3, id: 'Tidak bersekolah lagi', en: 'No longer in school' },
];
export const SCHOOLING_STATUS = { never: 1, attending: 2, left: 3 } as const;

/** Ijazah tertinggi yang dimiliki (highest certificate held). */
export const EDUCATION_LEVELS: CodeList = [
  { code: 0, id: 'Tidak punya ijazah', en: 'No certificate' },
  { code: 1, id: 'SD/sederajat', en: 'Primary school' },
  { code: 2, id: 'SMP/sederajat', en: 'Junior secondary' },
  { code: 3, id: 'SMA/SMK/sederajat', en: 'Senior secondary' },
  { code: 4, id: 'D1/D2/D3', en: 'Diploma (D1–D3)' },
  { code: 5, id: 'D4/S1', en: 'Bachelor (D4/S1)' },
  { code: 6, id: 'S2/S3', en: 'Master/doctorate' },
];

/** Status/kedudukan dalam pekerjaan utama; 0 = did not work in the past week. */
export const WORK_STATUSES: CodeList = [
  { code: 0, id: 'Tidak bekerja', en: 'Not working' },
  { code: 1, id: 'Berusaha sendiri', en: 'Own-account worker' },
  { code: 2, id: 'Berusaha dibantu buruh tidak tetap/tidak dibayar', en: 'Employer with temporary/unpaid workers' },
  { code: 3, id: 'Berusaha dibantu buruh tetap/dibayar', en: 'Employer with permanent/paid workers' },
  { code: 4, id: 'Buruh/karyawan/pegawai swasta', en: 'Private employee' },
  { code: 5, id: 'PNS/TNI/Polri/BUMN/BUMD/pejabat negara', en: 'Civil servant/military/police/state enterprise' },
  { code: 6, id: 'Pekerja bebas pertanian', en: 'Casual agricultural worker' },
  { code: 7, id: 'Pekerja bebas nonpertanian', en: 'Casual non-agricultural worker' },
  { code: 8, id: 'Pekerja keluarga/tidak dibayar', en: 'Unpaid family worker' },
];
export const WORK_STATUS = {
  none: 0, ownAccount: 1, employerTemporary: 2, employerPermanent: 3, employee: 4, civilServant: 5, casualFarm: 6, casualNonFarm: 7, familyWorker: 8,
} as const;

/** Lapangan usaha of the main job, grouped from KBLI sections. */
export const WORK_SECTORS: CodeList<string> = [
  { code: 'pertanian_tanaman_pangan', id: 'Pertanian tanaman padi dan palawija', en: 'Rice and secondary food crops' },
  { code: 'hortikultura', id: 'Hortikultura', en: 'Horticulture' },
  { code: 'perkebunan', id: 'Perkebunan', en: 'Plantation crops' },
  { code: 'perikanan', id: 'Perikanan', en: 'Fisheries' },
  { code: 'peternakan', id: 'Peternakan', en: 'Livestock' },
  { code: 'kehutanan', id: 'Kehutanan dan pertanian lainnya', en: 'Forestry and other agriculture' },
  { code: 'pertambangan', id: 'Pertambangan dan penggalian', en: 'Mining and quarrying' },
  { code: 'industri_pengolahan', id: 'Industri pengolahan', en: 'Manufacturing' },
  { code: 'konstruksi', id: 'Konstruksi', en: 'Construction' },
  { code: 'perdagangan', id: 'Perdagangan besar dan eceran', en: 'Wholesale and retail trade' },
  { code: 'transportasi', id: 'Pengangkutan dan pergudangan', en: 'Transport and storage' },
  { code: 'akomodasi_makan_minum', id: 'Penyediaan akomodasi dan makan minum', en: 'Accommodation and food service' },
  { code: 'informasi_komunikasi', id: 'Informasi dan komunikasi', en: 'Information and communication' },
  { code: 'keuangan', id: 'Jasa keuangan dan asuransi', en: 'Finance and insurance' },
  { code: 'pemerintahan', id: 'Administrasi pemerintahan, pertahanan dan jaminan sosial', en: 'Public administration and defence' },
  { code: 'pendidikan', id: 'Jasa pendidikan', en: 'Education' },
  { code: 'kesehatan', id: 'Jasa kesehatan dan kegiatan sosial', en: 'Health and social work' },
  { code: 'jasa_lainnya', id: 'Jasa lainnya', en: 'Other services' },
];

/** Penyakit kronis/menahun. */
export const CHRONIC_ILLNESSES: CodeList<string> = [
  { code: 'hipertensi', id: 'Hipertensi (darah tinggi)', en: 'Hypertension' },
  { code: 'rematik', id: 'Rematik', en: 'Rheumatism' },
  { code: 'asma', id: 'Asma', en: 'Asthma' },
  { code: 'jantung', id: 'Masalah jantung', en: 'Heart disease' },
  { code: 'diabetes', id: 'Diabetes (kencing manis)', en: 'Diabetes' },
  { code: 'tbc', id: 'Tuberkulosis (TBC)', en: 'Tuberculosis' },
  { code: 'stroke', id: 'Stroke', en: 'Stroke' },
  { code: 'kanker', id: 'Kanker atau tumor ganas', en: 'Cancer or malignant tumour' },
  { code: 'gagal_ginjal', id: 'Gagal ginjal', en: 'Kidney failure' },
  { code: 'lainnya', id: 'Lainnya', en: 'Other' },
];

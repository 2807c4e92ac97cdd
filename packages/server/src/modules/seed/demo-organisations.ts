import type { AgencyKind, PartnerType } from '@sinergi/domain';

/** The six agencies of the demo; the jurisdiction's name is appended ("Dinas Sosial Kabupaten Malang"). */
export const DEMO_AGENCIES: readonly { kind: Exclude<AgencyKind, 'other'>; name: string; shortName: string }[] = [
  { kind: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos' },
  { kind: 'disnaker', name: 'Dinas Tenaga Kerja', shortName: 'Disnaker' },
  { kind: 'disperindagkop', name: 'Dinas Perindustrian, Perdagangan dan Koperasi', shortName: 'Disperindagkop' },
  { kind: 'pupr_perkim', name: 'Dinas Perumahan dan Kawasan Permukiman', shortName: 'Disperkim' },
  { kind: 'dpmd', name: 'Dinas Pemberdayaan Masyarakat dan Desa', shortName: 'DPMD' },
  { kind: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda' },
];

export interface DemoPartner {
  name: string;
  type: PartnerType;
  agencyKind: Exclude<AgencyKind, 'other'>;
  contactPerson: string;
  phone: string;
  email: string | null;
  address: string;
  /** 'kecamatan': the demo field kecamatan; 'jurisdiction': the installation's region; null: outside it. */
  place: 'kecamatan' | 'jurisdiction' | null;
  notes: string;
}

// Contacts are fictional (555 numbers, example.org); the prison and the PSMTI forum exist in Malang.
export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    name: 'LPK Mitra Karya Mandiri', type: 'lpk', agencyKind: 'disnaker', contactPerson: 'Rina Kusumawati', phone: '(0341) 555-0101',
    email: 'pelatihan@lpk-mitrakarya.example.org', address: 'Jl. Panglima Sudirman No. 45', place: 'kecamatan',
    notes: 'Pelatihan menjahit, tata boga dan servis sepeda motor; menerima peserta penyandang disabilitas. (Data contoh)',
  },
  {
    name: 'Lapas Perempuan Kelas IIA Malang', type: 'prison', agencyKind: 'disnaker', contactPerson: 'Seksi Kegiatan Kerja', phone: '(0341) 555-0102',
    email: null, address: 'Jl. Kebonsari, Sukun, Kota Malang', place: null,
    notes: 'Pelatihan keterampilan bagi warga binaan perempuan menjelang bebas. (Data contoh)',
  },
  {
    name: 'Paguyuban Sosial Marga Tionghoa Indonesia (PSMTI) Malang', type: 'community_forum', agencyKind: 'dinsos', contactPerson: 'Hendra Gunawan',
    phone: '(0341) 555-0103', email: 'sekretariat@psmti-malang.example.org', address: 'Malang', place: 'jurisdiction',
    notes: 'Bakti sosial, bantuan sembako dan gotong royong bedah rumah. (Data contoh)',
  },
  {
    name: 'PT Sinar Tani Nusantara (CSR)', type: 'company_csr', agencyKind: 'pupr_perkim', contactPerson: 'Andreas Wijaya', phone: '(0341) 555-0104',
    email: 'csr@sinartani.example.org', address: 'Kawasan Industri, Malang', place: 'jurisdiction',
    notes: 'Dana CSR untuk renovasi rumah tidak layak huni dan sanitasi. (Data contoh)',
  },
  {
    name: 'Koperasi Simpan Pinjam Sejahtera Bersama', type: 'bank_cooperative', agencyKind: 'disperindagkop', contactPerson: 'Bambang Prasetyo',
    phone: '(0341) 555-0105', email: 'info@ksp-sejahtera.example.org', address: 'Jl. Ahmad Yani No. 12', place: 'kecamatan',
    notes: 'Akses permodalan usaha mikro bagi keluarga penerima pemberdayaan. (Data contoh)',
  },
  {
    name: 'CV Konveksi Arjuna Malang', type: 'company_csr', agencyKind: 'disnaker', contactPerson: 'Yuliana Hartati', phone: '(0341) 555-0106',
    email: null, address: 'Jl. Raya Pakisaji No. 8', place: 'kecamatan',
    notes: 'Konveksi seragam; menerima lulusan pelatihan menjahit, termasuk mantan warga binaan. (Data contoh)',
  },
];

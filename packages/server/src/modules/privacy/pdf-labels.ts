import {
  ASSETS,
  BUSINESS_SECTORS,
  BUSINESS_STATUS_LABELS,
  CHRONIC_ILLNESSES,
  COOKING_FUELS,
  DISABILITY_ITEMS,
  EDUCATION_LEVELS,
  FAMILY_FIELD_LABELS,
  FLOOR_TYPES,
  HOUSE_OWNERSHIP,
  LIGHTING_SOURCES,
  MARITAL_STATUSES,
  MEMBER_FIELD_LABELS,
  PPKS_CATEGORIES,
  RELATIONS,
  ROOF_TYPES,
  SCHOOLING,
  SEXES,
  SPECIAL_STATUSES,
  TOILET_FACILITIES,
  WALL_TYPES,
  WATER_SOURCES,
  WORK_SECTORS,
  WORK_STATUSES,
  labelOf,
  type CodeList,
} from '@sinergi/domain';

/** Indonesian wording of the access-request PDF: field names, coded values, dates. */

const EXTRA_LABELS: Record<string, string> = {
  id: 'ID data',
  familyId: 'ID keluarga',
  status: 'Status',
  version: 'Versi data',
  createdAt: 'Dicatat pada',
  updatedAt: 'Terakhir diubah',
  villageName: 'Desa/kelurahan',
  kecamatanName: 'Kecamatan',
  kecamatanCode: 'Kode kecamatan',
  desil: 'Desil',
  house: 'Kondisi rumah',
  dataSource: 'Sumber data',
  unmasked: 'Tampil lengkap',
  ownership: 'Status kepemilikan rumah',
  mergedInto: 'Digabungkan ke',
  mergedFrom: 'Digabungkan dari NIK',
};

export function fieldLabel(field: string): string {
  const known = (MEMBER_FIELD_LABELS as Record<string, { id: string }>)[field] ?? (FAMILY_FIELD_LABELS as Record<string, { id: string }>)[field];
  return known?.id ?? EXTRA_LABELS[field] ?? field;
}

const CODE_LISTS: Record<string, CodeList<string | number>> = {
  sex: SEXES,
  relation: RELATIONS,
  maritalStatus: MARITAL_STATUSES,
  schooling: SCHOOLING,
  education: EDUCATION_LEVELS,
  workStatus: WORK_STATUSES,
  workSector: WORK_SECTORS,
  chronicIllness: CHRONIC_ILLNESSES,
  disabilities: DISABILITY_ITEMS,
  ppks: PPKS_CATEGORIES,
  specialStatus: SPECIAL_STATUSES,
  houseOwnership: HOUSE_OWNERSHIP,
  ownership: HOUSE_OWNERSHIP,
  floorType: FLOOR_TYPES,
  wallType: WALL_TYPES,
  roofType: ROOF_TYPES,
  waterSource: WATER_SOURCES,
  lighting: LIGHTING_SOURCES,
  cookingFuel: COOKING_FUELS,
  toilet: TOILET_FACILITIES,
  assets: ASSETS,
  businessStatus: BUSINESS_STATUS_LABELS,
  businessSector: BUSINESS_SECTORS,
};

const MEMBER_STATUS: Record<string, string> = { active: 'Aktif', deceased: 'Meninggal dunia', left: 'Keluar dari keluarga' };

/** A value as a reader understands it: code lists as labels, lists joined, dates in Indonesian, blanks as a dash. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((item) => formatValue(field, item)).join(', ');
  const list = CODE_LISTS[field];
  if (list && (typeof value === 'string' || typeof value === 'number')) return labelOf(list, value, 'id') ?? String(value);
  if (field === 'status' && typeof value === 'string') return MEMBER_STATUS[value] ?? value;
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(key)}: ${formatValue(key, inner)}`)
      .join('; ');
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

const DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function formatDate(isoDate: string): string {
  return DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(iso: string | null): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '–';
}

/** {field: [old, new]} as "Nama: Siti → Sity; …". */
export function formatChanges(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([field, pair]) => {
      if (Array.isArray(pair) && pair.length === 2) return `${fieldLabel(field)}: ${formatValue(field, pair[0])} → ${formatValue(field, pair[1])}`;
      return `${fieldLabel(field)}: ${formatValue(field, pair)}`;
    })
    .join('; ');
}

export const ACTION_LABELS: Record<string, string> = {
  view: 'Melihat',
  unmask: 'Membuka data lengkap (NIK/tanggal lahir)',
  export: 'Mengekspor',
  create: 'Mencatat',
  update: 'Mengubah',
  delete: 'Menghapus',
};

export const ENTITY_LABELS: Record<string, string> = {
  person: 'Data pribadi',
  member: 'Data anggota keluarga',
  family: 'Data keluarga',
  correction_request: 'Permohonan perbaikan',
  duplicate_candidate: 'Pemeriksaan data ganda',
  renovation_house: 'Data rumah (bedah rumah)',
  renovation_photo: 'Foto rumah',
  distribution_proof: 'Bukti penyerahan bantuan',
};

export const SOURCE_LABELS: Record<string, string> = { import: 'Impor data', edit: 'Perubahan oleh petugas', merge: 'Penggabungan data ganda' };
export const OUTCOME_LABELS: Record<string, string> = { added: 'Ditambahkan', updated: 'Diperbarui', unchanged: 'Tidak berubah', rejected: 'Ditolak' };
export const DUPLICATE_LABELS: Record<string, string> = { open: 'Belum diputuskan', merged: 'Digabungkan', distinct: 'Orang berbeda' };
export const APPLY_LABELS: Record<string, string> = {
  nothing_to_apply: 'Tidak ada data yang perlu diubah',
  applied: 'Perubahan sudah diterapkan',
  operator_must_apply: 'Perubahan harus diterapkan oleh operator',
};

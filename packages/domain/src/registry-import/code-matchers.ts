import {
  ASSETS, BUSINESS_SECTORS, CHRONIC_ILLNESSES, COOKING_FUELS, DISABILITY_ITEMS, EDUCATION_LEVELS, FLOOR_TYPES, HOUSE_OWNERSHIP,
  LIGHTING_SOURCES, MARITAL_STATUSES, PPKS_CATEGORIES, RELATIONS, ROOF_TYPES, SCHOOLING, SPECIAL_STATUSES, TOILET_FACILITIES,
  WALL_TYPES, WATER_SOURCES, WORK_SECTORS, WORK_STATUSES,
} from '../reference/index.ts';
import { codeMatcher } from './value-codes.ts';

// Words real files use for an answer that the reference labels do not contain (regional and older DTKS/BDT wording).

export const HOUSE_MATCHERS = {
  houseOwnership: codeMatcher(HOUSE_OWNERSHIP, { 3: ['menumpang', 'numpang'], 4: ['rumah dinas'] }),
  floorType: codeMatcher(FLOOR_TYPES, { 6: ['plester', 'plesteran semen'], 8: ['lantai tanah'] }),
  wallType: codeMatcher(WALL_TYPES, { 1: ['batu bata', 'bata', 'bata merah'], 4: ['gedek', 'gedhek', 'bilik'] }),
  roofType: codeMatcher(ROOF_TYPES, { 2: ['genting'], 7: ['daun', 'alang alang'] }),
  waterSource: codeMatcher(WATER_SOURCES, { 2: ['galon isi ulang'], 3: ['pdam', 'ledeng', 'air ledeng', 'pam'], 9: ['sungai'] }),
  lighting: codeMatcher(LIGHTING_SOURCES, { 4: ['tidak ada listrik', 'pelita', 'lampu minyak'] }),
  cookingFuel: codeMatcher(COOKING_FUELS, { 4: ['gas 3 kg', 'gas melon'], 10: ['kayu'] }),
  toilet: codeMatcher(TOILET_FACILITIES, { 1: ['milik sendiri', 'sendiri'], 6: ['tidak ada', 'tidak punya'] }),
} as const;

export const ASSET_MATCHER = codeMatcher(ASSETS, {
  sepeda_motor: ['motor'],
  televisi: ['tv'],
  smartphone: ['hp', 'handphone'],
  lemari_es: ['kulkas'],
});

export const BUSINESS_SECTOR_MATCHER = codeMatcher(BUSINESS_SECTORS);

export const MEMBER_MATCHERS = {
  relation: codeMatcher(RELATIONS, {
    1: ['kepala rumah tangga', 'krt', 'kepala'],
    2: ['istri', 'suami'],
    7: ['pembantu rumah tangga', 'pembantu ruta', 'sopir'],
    8: ['famili lain', 'lain lain'],
  }),
  maritalStatus: codeMatcher(MARITAL_STATUSES, { 1: ['lajang'], 2: ['kawin tercatat', 'kawin belum tercatat', 'menikah'] }),
  schooling: codeMatcher(SCHOOLING, {
    1: ['tidak pernah sekolah', 'belum sekolah', 'belum pernah sekolah'],
    2: ['masih', 'sedang sekolah'],
    3: ['tidak sekolah lagi', 'putus sekolah', 'lulus'],
  }),
  education: codeMatcher(EDUCATION_LEVELS, {
    0: ['tidak punya', 'tidak ada ijazah', 'belum tamat sd'],
    1: ['sd', 'mi', 'paket a', 'tamat sd'],
    2: ['smp', 'mts', 'sltp', 'paket b'],
    3: ['sma', 'smk', 'slta', 'paket c'],
    4: ['diploma'],
    5: ['sarjana'],
  }),
  workStatus: codeMatcher(WORK_STATUSES, { 0: ['tidak', 'belum bekerja', 'menganggur'], 4: ['buruh', 'karyawan'], 5: ['pns', 'asn', 'tni', 'polri'] }),
  workSector: codeMatcher(WORK_SECTORS, { pertanian_tanaman_pangan: ['pertanian', 'petani'], perdagangan: ['dagang', 'pedagang'] }),
  chronicIllness: codeMatcher(CHRONIC_ILLNESSES, { tbc: ['tb', 'tuberkulosis'], jantung: ['penyakit jantung'], stroke: ['strok'] }),
  ppks: codeMatcher(PPKS_CATEGORIES, {
    lanjut_usia_terlantar: ['lansia terlantar'],
    bekas_warga_binaan_lapas: ['mantan narapidana', 'mantan napi', 'bwbp'],
    komunitas_adat_terpencil: ['kat'],
    penyandang_disabilitas: ['disabilitas'],
  }),
  specialStatus: codeMatcher(SPECIAL_STATUSES, {
    warga_binaan: ['narapidana', 'napi', 'warga binaan', 'wbp'],
    pekerja_migran: ['tki', 'tkw', 'pmi'],
    lansia_tunggal: ['lansia sendiri', 'lansia tinggal sendiri'],
  }),
  // DTKS/BDT `Jenis_cacat` and free text name impairments the old way (tuna netra …); they map onto DTSEN's items.
  disabilities: codeMatcher(DISABILITY_ITEMS, {
    penglihatan: ['tuna netra', 'tunanetra', 'netra', 'buta', 'low vision'],
    pendengaran: ['tuna rungu', 'tunarungu', 'rungu', 'tuli'],
    berbicara_komunikasi: ['tuna wicara', 'tunawicara', 'wicara', 'bisu'],
    berjalan_atau_naik_tangga: ['tuna daksa', 'tunadaksa', 'daksa', 'cacat tubuh', 'cacat fisik', 'disabilitas fisik', 'lumpuh'],
    belajar_kemampuan_intelektual: ['tuna grahita', 'tunagrahita', 'grahita', 'retardasi mental', 'disabilitas intelektual'],
  }),
} as const;

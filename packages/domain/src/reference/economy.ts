import type { CodeList } from './code-list.ts';

/** Kepemilikan aset: a family's `assets` lists the codes it owns (movable goods, property, livestock). */
export const ASSETS: CodeList<string> = [
  { code: 'tabung_gas_5kg', id: 'Tabung gas 5,5 kg atau lebih', en: 'Gas cylinder 5.5 kg or more' },
  { code: 'lemari_es', id: 'Lemari es/kulkas', en: 'Refrigerator' },
  { code: 'ac', id: 'AC', en: 'Air conditioner' },
  { code: 'pemanas_air', id: 'Pemanas air (water heater)', en: 'Water heater' },
  { code: 'telepon_rumah', id: 'Telepon rumah', en: 'Landline telephone' },
  { code: 'televisi', id: 'Televisi layar datar (min. 30 inci)', en: 'Flat-screen TV (30 inch or more)' },
  { code: 'emas', id: 'Emas/perhiasan (min. 10 gram)', en: 'Gold/jewellery (10 g or more)' },
  { code: 'komputer', id: 'Komputer/laptop/tablet', en: 'Computer/laptop/tablet' },
  { code: 'smartphone', id: 'Telepon seluler/smartphone', en: 'Mobile phone/smartphone' },
  { code: 'sepeda', id: 'Sepeda', en: 'Bicycle' },
  { code: 'sepeda_motor', id: 'Sepeda motor', en: 'Motorcycle' },
  { code: 'mobil', id: 'Mobil', en: 'Car' },
  { code: 'perahu', id: 'Perahu', en: 'Boat' },
  { code: 'perahu_motor', id: 'Kapal/perahu motor', en: 'Motor boat' },
  { code: 'lahan', id: 'Lahan (selain yang ditempati)', en: 'Land (other than the house plot)' },
  { code: 'rumah_lain', id: 'Rumah di tempat lain', en: 'House elsewhere' },
  { code: 'sapi', id: 'Sapi', en: 'Cattle' },
  { code: 'kerbau', id: 'Kerbau', en: 'Water buffalo' },
  { code: 'kuda', id: 'Kuda', en: 'Horse' },
  { code: 'babi', id: 'Babi', en: 'Pig' },
  { code: 'kambing_domba', id: 'Kambing/domba', en: 'Goat/sheep' },
  { code: 'unggas', id: 'Ayam/itik/unggas', en: 'Poultry' },
];

/** Sectors of a family's own small business (usaha mikro), as agencies group them for empowerment programs. */
export const BUSINESS_SECTORS: CodeList<string> = [
  { code: 'warung_kelontong', id: 'Warung kelontong/toko', en: 'Grocery stall/shop' },
  { code: 'makanan_minuman', id: 'Makanan dan minuman (warung makan, jajanan, katering)', en: 'Food and drink (food stall, snacks, catering)' },
  { code: 'olahan_pangan', id: 'Olahan pangan (keripik, tempe, kue)', en: 'Food processing (chips, tempeh, cakes)' },
  { code: 'pertanian', id: 'Pertanian dan hortikultura', en: 'Farming and horticulture' },
  { code: 'peternakan', id: 'Peternakan', en: 'Livestock' },
  { code: 'perikanan', id: 'Perikanan', en: 'Fisheries' },
  { code: 'jahit_konveksi', id: 'Jahit dan konveksi', en: 'Tailoring and garments' },
  { code: 'kerajinan', id: 'Kerajinan tangan', en: 'Handicrafts' },
  { code: 'bengkel_servis', id: 'Bengkel dan servis', en: 'Repair shop and servicing' },
  { code: 'jasa_transportasi', id: 'Jasa transportasi (ojek, angkutan)', en: 'Transport services (motorbike taxi, haulage)' },
  { code: 'jasa_lainnya', id: 'Jasa lainnya (salon, laundry, pangkas rambut)', en: 'Other services (salon, laundry, barber)' },
  { code: 'perdagangan_keliling', id: 'Pedagang keliling/pasar', en: 'Street or market vendor' },
];

export const BUSINESS_STATUS_LABELS: CodeList<'none' | 'active' | 'stalled'> = [
  { code: 'none', id: 'Tidak punya usaha', en: 'No business' },
  { code: 'active', id: 'Usaha berjalan', en: 'Business running' },
  { code: 'stalled', id: 'Usaha macet', en: 'Business stalled' },
];

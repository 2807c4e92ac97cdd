import type { Sex } from '@sinergi/domain';
import type { Random } from './prng.ts';

export type NamingTradition = 'javanese' | 'madurese' | 'chinese';

interface NamePool {
  single: readonly string[];
  first: readonly string[];
  last: readonly string[];
}

// Naming fashions change by generation: elders mostly carry one Javanese name, the young two names.
const OLDER: Record<Sex, NamePool> = {
  L: {
    single: ['Sutrisno', 'Slamet', 'Suparman', 'Sugeng', 'Sukirno', 'Paimin', 'Sumarno', 'Mulyono', 'Kasiman', 'Suyanto', 'Poniman', 'Ngadiman',
      'Sukardi', 'Tukiman', 'Karsono', 'Wagiman', 'Jumadi', 'Suwito', 'Parno', 'Darmaji', 'Samsul', 'Sarjono', 'Rusdi', 'Misdi', 'Kusnadi', 'Sunardi'],
    first: ['Ahmad', 'Moch.', 'Abdul', 'Haji', 'Imam'],
    last: ['Sholeh', 'Salim', 'Mansur', 'Fadhil', 'Rosyid', 'Hasyim'],
  },
  P: {
    single: ['Suwarni', 'Sumiati', 'Tumini', 'Ngatini', 'Wartini', 'Sarmi', 'Painem', 'Sulastri', 'Suminah', 'Katini', 'Sutinah', 'Parmi', 'Rukmini',
      'Sumarni', 'Tukinah', 'Jumiati', 'Kasiyem', 'Poniyem', 'Sriatun', 'Juwariyah', 'Sunarti', 'Mariyem'],
    first: ['Siti', 'Sri', 'Nur'],
    last: ['Aminah', 'Maryam', 'Khotijah', 'Rahayu', 'Muslimah', 'Asiyah'],
  },
};
const MIDDLE: Record<Sex, NamePool> = {
  L: {
    single: ['Hariyanto', 'Sugianto', 'Supriyadi', 'Didik', 'Purnomo', 'Suwandi', 'Mujiono', 'Sulistyo'],
    first: ['Agus', 'Budi', 'Joko', 'Heru', 'Eko', 'Bambang', 'Hadi', 'Wahyu', 'Dwi', 'Teguh', 'Rudi', 'Yusuf', 'Imam', 'Ahmad', 'Moch.',
      'Nur', 'Arif', 'Hendra', 'Anton', 'Dedi', 'Rahmat', 'Fauzi', 'Tri', 'Andi'],
    last: ['Santoso', 'Susanto', 'Prasetyo', 'Setiawan', 'Hidayat', 'Wibowo', 'Purnomo', 'Salim', 'Kurniawan', 'Saputro', 'Efendi', 'Hartono',
      'Priyono', 'Sugiarto', 'Suprapto', 'Widodo', 'Cahyono', 'Irawan'],
  },
  P: {
    single: ['Ernawati', 'Suprapti', 'Sulistyowati', 'Mujiati', 'Yuliati', 'Sriwahyuni'],
    first: ['Sri', 'Dwi', 'Tri', 'Endang', 'Yuli', 'Siti', 'Nur', 'Ani', 'Eni', 'Rina', 'Dewi', 'Wahyu', 'Lilik', 'Umi', 'Ika', 'Sulis',
      'Yayuk', 'Tutik', 'Anik', 'Erna'],
    last: ['Rahayu', 'Lestari', 'Wahyuni', 'Handayani', 'Wulandari', 'Suryani', 'Ningsih', 'Astutik', 'Aminah', 'Fatimah', 'Mulyani',
      'Kurniasih', 'Susanti', 'Yuliana', 'Puspitasari', 'Indriani', 'Setyowati'],
  },
};
const YOUNG: Record<Sex, NamePool> = {
  L: {
    single: ['Ramadhan', 'Ilham', 'Bagus'],
    first: ['Muhammad', 'Ahmad', 'Rizky', 'Dimas', 'Bagus', 'Fajar', 'Aditya', 'Rafi', 'Fikri', 'Alif', 'Bayu', 'Reza', 'Galih', 'Naufal',
      'Farhan', 'Arya', 'Yoga', 'Dani', 'Ilham', 'Zaki', 'Raka', 'Kevin', 'Rehan', 'Satria'],
    last: ['Pratama', 'Saputra', 'Ramadhan', 'Firmansyah', 'Maulana', 'Nugroho', 'Hidayat', 'Wijaya', 'Setiawan', 'Febrianto', 'Alfarizi',
      'Putra', 'Kurniawan', 'Ardiansyah', 'Syahputra', 'Prakoso'],
  },
  P: {
    single: ['Aisyah', 'Salsabila', 'Anggraini'],
    first: ['Nabila', 'Aisyah', 'Zahra', 'Putri', 'Ayu', 'Dinda', 'Salsabila', 'Nadia', 'Anisa', 'Fitri', 'Indah', 'Aulia', 'Nur', 'Siti',
      'Alya', 'Keisha', 'Naura', 'Citra', 'Intan', 'Dewi', 'Khansa', 'Zaskia'],
    last: ['Rahmawati', 'Putri', 'Lestari', 'Safitri', 'Anggraini', 'Maharani', 'Azzahra', 'Ramadhani', 'Wulandari', 'Kusumawati', 'Oktaviani',
      'Febriani', 'Nuraini', 'Amelia', 'Permatasari', 'Khoirunnisa'],
  },
};
const MADURESE: Record<Sex, NamePool> = {
  L: {
    single: ['Marsuki', 'Sahri', 'Holil', 'Suhri', 'Buhari', 'Sanusi', 'Jumari', 'Matrawi', 'Sukri', 'Hosnan'],
    first: ['Moh.', 'Abd.', 'Ach.', 'Mat'],
    last: ['Hasan', 'Rahman', 'Sali', 'Rawi', 'Faruk', 'Kholil', 'Syafi\'i', 'Hosen'],
  },
  P: {
    single: ['Fatimah', 'Holilah', 'Maimunah', 'Sunarsih', 'Rohmah', 'Asiyah', 'Sulihah', 'Halimah', 'Musyarofah', 'Marfu\'ah'],
    first: ['Siti', 'Nur'],
    last: ['Holifah', 'Rohmah', 'Hasanah', 'Jamilah', 'Mahmudah', 'Zainab'],
  },
};
const CHINESE_SURNAMES = ['Gunawan', 'Santoso', 'Wijaya', 'Halim', 'Tanoto', 'Susanto', 'Setiadi', 'Kurniawan', 'Tan', 'Lim', 'Hartanto', 'Salim'];
const CHINESE_GIVEN: Record<Sex, readonly string[]> = {
  L: ['Hendra', 'Budi', 'Yohanes', 'Andreas', 'Stefanus', 'Wilson', 'Irwan', 'Hartono', 'Sugiarto', 'Kevin', 'Jonathan', 'Michael', 'Felix'],
  P: ['Lili', 'Melinda', 'Susan', 'Lanny', 'Yuliana', 'Veronika', 'Linda', 'Meiliana', 'Jessica', 'Angelina', 'Natalia', 'Cindy'],
};

function poolFor(tradition: NamingTradition, sex: Sex, birthYear: number): NamePool {
  if (tradition === 'madurese') return MADURESE[sex];
  if (birthYear < 1970) return OLDER[sex];
  if (birthYear < 1995) return MIDDLE[sex];
  return YOUNG[sex];
}

/** A plausible name for someone of this tradition, sex and generation; Chinese-Indonesian families share a surname. */
export function personName(rng: Random, tradition: NamingTradition, sex: Sex, birthYear: number, familySurname: string): string {
  if (tradition === 'chinese') return `${rng.pick(CHINESE_GIVEN[sex])} ${familySurname}`;
  const pool = poolFor(tradition, sex, birthYear);
  const singleShare = birthYear < 1970 ? 0.7 : birthYear < 1995 ? 0.25 : 0.08;
  if (rng.chance(singleShare)) return rng.pick(pool.single);
  return `${rng.pick(pool.first)} ${rng.pick(pool.last)}`;
}

export function chineseSurname(rng: Random): string {
  return rng.pick(CHINESE_SURNAMES);
}

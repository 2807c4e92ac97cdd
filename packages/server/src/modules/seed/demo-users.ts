/** The demo accounts printed at start; the seed creates exactly these. */
export const DEMO_PASSWORD = 'sinergi-demo';

export interface DemoUser {
  username: string;
  fullName: string;
  role: 'admin' | 'pimpinan' | 'operator' | 'pendamping';
  agencyKind: 'dinsos' | 'disnaker' | 'disperindagkop' | 'pupr_perkim' | 'dpmd' | 'bappeda';
  /** Kecamatan codes the user is limited to; empty = whole jurisdiction. */
  scope: string[];
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Admin Sinergi', role: 'admin', agencyKind: 'bappeda', scope: [], description: 'admin — Bappeda, seluruh wilayah' },
  { username: 'operator.dinsos', fullName: 'Sri Wahyuni', role: 'operator', agencyKind: 'dinsos', scope: [], description: 'operator — Dinas Sosial, seluruh wilayah' },
  { username: 'pimpinan', fullName: 'Bambang Hartono', role: 'pimpinan', agencyKind: 'bappeda', scope: [], description: 'pimpinan — Bappeda, seluruh wilayah (baca saja)' },
  { username: 'pendamping.kepanjen', fullName: 'Dewi Lestari', role: 'pendamping', agencyKind: 'dinsos', scope: ['35.07.13'], description: 'pendamping — Dinas Sosial, Kec. Kepanjen saja' },
  { username: 'operator.disperindagkop', fullName: 'Agus Setiawan', role: 'operator', agencyKind: 'disperindagkop', scope: [], description: 'operator — Disperindagkop, seluruh wilayah' },
  { username: 'operator.disnaker', fullName: 'Rina Kurniawati', role: 'operator', agencyKind: 'disnaker', scope: [], description: 'operator — Disnaker, seluruh wilayah' },
  { username: 'operator.perkim', fullName: 'Hendro Wibowo', role: 'operator', agencyKind: 'pupr_perkim', scope: [], description: 'operator — Dinas PUPR/Perkim, seluruh wilayah' },
];

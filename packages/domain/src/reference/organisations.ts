import type { AgencyKind } from '../schemas/agencies.ts';
import type { PartnerType } from '../schemas/partners.ts';
import type { CodeList } from './code-list.ts';

export const AGENCY_KIND_NAMES: CodeList<AgencyKind> = [
  { code: 'dinsos', id: 'Dinas Sosial', en: 'Social Affairs Agency' },
  { code: 'disnaker', id: 'Dinas Tenaga Kerja', en: 'Manpower Agency' },
  { code: 'disperindagkop', id: 'Dinas Perindustrian, Perdagangan dan Koperasi', en: 'Industry, Trade and Cooperatives Agency' },
  { code: 'pupr_perkim', id: 'Dinas PUPR/Perumahan dan Permukiman', en: 'Public Works and Housing Agency' },
  { code: 'dpmd', id: 'Dinas Pemberdayaan Masyarakat dan Desa', en: 'Village Community Empowerment Agency' },
  { code: 'bappeda', id: 'Badan Perencanaan Pembangunan Daerah', en: 'Regional Development Planning Agency' },
  { code: 'other', id: 'Perangkat daerah lain', en: 'Other agency' },
];

export const PARTNER_TYPE_NAMES: CodeList<PartnerType> = [
  { code: 'lpk', id: 'Lembaga pelatihan kerja (LPK)', en: 'Vocational training institute (LPK)' },
  { code: 'community_forum', id: 'Forum/organisasi masyarakat', en: 'Community forum/organisation' },
  { code: 'company_csr', id: 'Perusahaan (CSR)', en: 'Company (CSR)' },
  { code: 'prison', id: 'Lembaga pemasyarakatan', en: 'Prison' },
  { code: 'bank_cooperative', id: 'Bank/koperasi', en: 'Bank/cooperative' },
  { code: 'other', id: 'Lainnya', en: 'Other' },
];

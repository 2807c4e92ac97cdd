import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp, Defaulted } from './columns.ts';

/** Accounts, agencies, partners, regions, audit and settings. */

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: number;
  kind: 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan';
  name: string;
}

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  kind: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnerTable {
  id: Generated<string>;
  name: string;
  type: string;
  agency_id: string | null;
  contact_person: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  region_code: string | null;
  notes: string | null;
  active: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  password_hash: string;
  role: 'admin' | 'pimpinan' | 'operator' | 'pendamping';
  agency_id: string;
  scope_codes: Defaulted<string[]>;
  language: Defaulted<'id' | 'en'>;
  must_change_password: Defaulted<boolean>;
  disabled_at: Date | null;
  failed_logins: Defaulted<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  details: unknown;
}

export interface AppSettingTable {
  key: string;
  value: unknown;
}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;

export interface CoreTables {
  region: RegionTable;
  agency: AgencyTable;
  partner: PartnerTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  app_setting: AppSettingTable;
}

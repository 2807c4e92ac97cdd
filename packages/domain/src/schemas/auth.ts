import { z } from 'zod';
import { PERMISSIONS, Role } from '../access.ts';
import { Language } from '../errors.ts';
import { MAX_NAME_LENGTH, PageQuery, RegionCode, Uuid } from './common.ts';
import { AgencyKind } from './agencies.ts';

export const MIN_PASSWORD_LENGTH = 10;

export const LoginRequest = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  role: Role,
  agency: z.object({ id: Uuid, name: z.string(), shortName: z.string(), kind: AgencyKind }),
  /** Kecamatan or desa codes; empty = whole jurisdiction. */
  scopeCodes: z.array(z.string()),
  language: Language,
  mustChangePassword: z.boolean(),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Send back in the X-CSRF-Token header on every write. */
  csrfToken: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
});
export type Me = z.infer<typeof Me>;

export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });
export type PasswordChange = z.infer<typeof PasswordChange>;

export const PreferencesUpdate = z.object({ language: Language });

export const UserSummary = z.object({
  id: Uuid,
  username: z.string(),
  fullName: z.string(),
  role: Role,
  agencyId: Uuid,
  agencyShortName: z.string(),
  scopeCodes: z.array(z.string()),
  scopeNames: z.array(z.string()),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

const Username = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9._-]+$/i, 'hanya huruf, angka, titik, garis bawah, tanda hubung / letters, digits, dot, underscore, hyphen only');

export const UserCreate = z.object({
  username: Username,
  fullName: z.string().trim().min(2).max(MAX_NAME_LENGTH),
  role: Role,
  agencyId: Uuid,
  scopeCodes: z.array(RegionCode).max(500).default([]),
  password: z.string().max(200),
});
export type UserCreate = z.input<typeof UserCreate>;

export const UserUpdate = z.object({
  fullName: z.string().trim().min(2).max(MAX_NAME_LENGTH).optional(),
  role: Role.optional(),
  agencyId: Uuid.optional(),
  scopeCodes: z.array(RegionCode).max(500).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** Filters of the admin user list: free text on username and full name. */
export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  agencyId: Uuid.optional(),
});
export type UserQuery = z.infer<typeof UserQuery>;

/** Admin reset: the new password is set and must be changed at next login. */
export const PasswordReset = z.object({ password: z.string().max(200) });

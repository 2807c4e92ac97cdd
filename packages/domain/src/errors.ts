import { z } from 'zod';

/** Stable error codes of the API with their human messages; clients may rely on the code, never on the text. */
export const ERROR_MESSAGES = {
  validation_failed: { id: 'Data yang dikirim tidak valid.', en: 'The submitted data is not valid.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  out_of_scope: { id: 'Data ini berada di luar wilayah tugas Anda.', en: 'This record is outside your assigned region.' },
  outside_jurisdiction: {
    id: 'Kode wilayah berada di luar wilayah instalasi ini ({jurisdiction}).',
    en: 'The region code is outside this installation’s jurisdiction ({jurisdiction}).',
  },
  unknown_region: { id: 'Kode wilayah tidak dikenal: {code}.', en: 'Unknown region code: {code}.' },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  conflict: { id: 'Data sudah diubah orang lain. Muat ulang lalu coba lagi.', en: 'Someone else changed this record. Reload and try again.' },
  duplicate: { id: 'Data yang sama sudah ada.', en: 'The same record already exists.' },
  invalid_credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  account_locked: {
    id: 'Terlalu banyak percobaan gagal. Akun dikunci sampai {until}.',
    en: 'Too many failed attempts. The account is locked until {until}.',
  },
  account_disabled: { id: 'Akun ini dinonaktifkan. Hubungi admin.', en: 'This account is disabled. Contact the administrator.' },
  too_many_requests: { id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Try again shortly.' },
  csrf_failed: { id: 'Sesi formulir tidak valid. Muat ulang halaman.', en: 'Invalid form session. Reload the page.' },
  weak_password: {
    id: 'Kata sandi minimal {min} karakter dan tidak boleh sama dengan nama pengguna.',
    en: 'The password needs at least {min} characters and must differ from the username.',
  },
  wrong_password: { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  payload_too_large: { id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  internal_error: { id: 'Terjadi kesalahan pada server. Coba lagi.', en: 'Something went wrong on the server. Try again.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code][language].replace(/\{(\w+)\}/g, (whole, key: string) => String(params[key] ?? whole));
}

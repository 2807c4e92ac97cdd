/** Masks a 16-digit NIK or No KK as shown to roles without unmask rights: 3507********0002. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** Masks a birth date down to its year: 1975-**-**. */
export function maskBirthDate(date: string | null): string | null {
  return date ? `${date.slice(0, 4)}-**-**` : null;
}

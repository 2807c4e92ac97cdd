import { hash, verify } from '@node-rs/argon2';
import { MIN_PASSWORD_LENGTH } from '@sinergi/domain';
import { AppError } from '../../http/errors.ts';

/** argon2id with the library's defaults (OWASP-recommended memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws weak_password unless the password is long enough and not the username. */
export function assertStrongPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.toLowerCase() === username.toLowerCase()) {
    throw new AppError('weak_password', { min: MIN_PASSWORD_LENGTH });
  }
}

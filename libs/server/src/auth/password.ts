import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

/** OWASP's argon2id settings: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A hash of nothing anyone knows: checked when the e-mail is unknown, so that an unknown
// e-mail takes as long to refuse as a wrong password.
const UNKNOWN_USER_HASH = '$argon2id$v=19$m=19456,t=2,p=1$C/xfEfbChDky5ps1IbkZCA$KLGT6/TRdiMRKiTnUkbTKmXd97giVDNOWlevqOpHb+w';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? UNKNOWN_USER_HASH, password);
    return passwordHash !== null && matches;
  } catch {
    return false;
  }
}

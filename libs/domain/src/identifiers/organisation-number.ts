import { z } from 'zod';
import { domainErrorCodes } from '../common/problem.schema';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * A Norwegian organisation number (Enhetsregisteret): nine digits, the last a modulus-11
 * check digit over the first eight with weights 3 2 7 6 5 4 3 2.
 */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8];
}

/** "974767880" → "974 767 880", as it is written in Norway. */
export function formatOrganisationNumber(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** Users type spaces (as the number is printed); the API stores digits only. */
export function normaliseOrganisationNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

export const organisationNumberSchema = z
  .string()
  .refine((value) => /^\d{9}$/.test(value), {
    message: 'An organisation number has exactly 9 digits',
    params: { code: domainErrorCodes.organisationNumberFormat },
    abort: true,
  })
  .refine(isValidOrganisationNumber, {
    message: 'The check digit of this organisation number is wrong',
    params: { code: domainErrorCodes.organisationNumberChecksum },
  })
  .meta({ description: '9 digits with a modulus-11 check digit', example: '974767880' });

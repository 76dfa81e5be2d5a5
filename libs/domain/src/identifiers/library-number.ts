import { z } from 'zod';
import { domainErrorCodes } from '../common/problem.schema';

/** Library numbers (biblioteknummer) from the National Library's register: seven digits. */
export function isValidLibraryNumber(value: string): boolean {
  return /^\d{7}$/.test(value);
}

/** The ISIL code of a Norwegian library: "NO-" followed by its library number. */
export function toIsil(libraryNumber: string): string {
  return `NO-${libraryNumber}`;
}

export const libraryNumberSchema = z
  .string()
  .refine(isValidLibraryNumber, {
    message: 'A library number has exactly 7 digits',
    params: { code: domainErrorCodes.libraryNumberFormat },
  })
  .meta({ description: '7 digits; shown as ISIL NO-<number>', example: '2030000' });

import { z } from 'zod';

// C0 control characters (and DEL), but tab, line feed and carriage return. NUL in particular
// cannot be stored: PostgreSQL refuses it in text and JSONB, so it must be a 400, not a 500.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Codes of the text rules, as the API sends them (the forms have a text for each). */
export const textErrorCodes = { controlCharacters: 'control_characters' } as const;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** Free text a person typed: trimmed, at most `max` characters, no control characters. */
export function plainTextSchema(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !hasControlCharacters(text), {
      message: 'The text has control characters',
      params: { code: textErrorCodes.controlCharacters },
    });
}

/** A web address a user may follow: http or https only (no javascript:, no file:), at most `max` characters. */
export function webUrlSchema(max: number) {
  return z.url({ protocol: /^https?$/ }).max(max);
}

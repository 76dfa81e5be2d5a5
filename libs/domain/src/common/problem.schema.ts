import { z } from 'zod';

/** One field error: `path` is the dotted field name, `code` a stable key the UI translates. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, as every API error is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  allowed: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Codes of the domain's own rules (zod's built-in codes — too_big, invalid_format, … — are used as they are). */
export const domainErrorCodes = {
  organisationNumberChecksum: 'organisation_number_checksum',
  organisationNumberFormat: 'organisation_number_format',
  libraryNumberFormat: 'library_number_format',
  libraryNumberNotLibrary: 'library_number_not_library',
  libraryNumberTaken: 'library_number_taken',
  parentRequired: 'parent_required',
  parentNotAllowed: 'parent_not_allowed',
  parentWrongKind: 'parent_wrong_kind',
  parentIsSelf: 'parent_is_self',
  parentNotFound: 'parent_not_found',
  municipalityNotFound: 'municipality_not_found',
} as const;
export type DomainErrorCode = (typeof domainErrorCodes)[keyof typeof domainErrorCodes];

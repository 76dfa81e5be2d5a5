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
  organisationNumberTaken: 'organisation_number_taken',
  mergeWithSelf: 'merge_with_self',
  parentRequired: 'parent_required',
  parentNotAllowed: 'parent_not_allowed',
  parentWrongKind: 'parent_wrong_kind',
  parentIsSelf: 'parent_is_self',
  parentNotFound: 'parent_not_found',
  municipalityNotFound: 'municipality_not_found',
} as const;
export type DomainErrorCode = (typeof domainErrorCodes)[keyof typeof domainErrorCodes];

/**
 * Zod's issues as field errors, the one mapping the API and the forms share: the path (after
 * an optional location such as "query"), the domain's own code for its refinements (set as
 * params.code) or zod's code, and the params a message needs (minimum, maximum, …).
 */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: base ? `${base}.${key}` : key, code: 'unrecognized_keys', message: `Unknown field "${key}"` });
      }
      continue;
    }
    const params = issueParams(issue);
    const domainCode = issue.code === 'custom' && typeof issue.params?.['code'] === 'string' ? issue.params['code'] : undefined;
    errors.push({
      path: base || '(root)',
      code: domainCode ?? issue.code,
      message: issue.message,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    });
  }
  return errors;
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const source: Record<string, unknown> = { ...issue, ...(issue.code === 'custom' ? issue.params : {}) };
  for (const key of ['minimum', 'maximum', 'expected', 'origin', 'format']) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    if (typeof value === 'bigint') params[key] = Number(value);
  }
  return params;
}

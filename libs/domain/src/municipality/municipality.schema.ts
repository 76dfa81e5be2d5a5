import { z } from 'zod';

/** Municipality numbers are four digits; Trøndelag's begin with 50 (from 2024). */
export const municipalityNumberSchema = z
  .string()
  .regex(/^\d{4}$/, 'A municipality number has exactly 4 digits')
  .meta({ example: '5007' });

export const municipalitySchema = z.object({
  number: municipalityNumberSchema,
  name: z.string().min(1).max(100),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const municipalityListQuerySchema = z.object({
  region: z.uuid().optional(),
});

/**
 * Where a place is, as a line: "Steinkjer, Innherred"; the region left out where it bears the
 * municipality's name ("Trondheim", not "Trondheim, Trondheim") or is unknown.
 */
export function municipalityAndRegion(municipalityName: string | null, regionName: string | null): string {
  return [municipalityName, regionName === municipalityName ? null : regionName].filter(Boolean).join(', ');
}

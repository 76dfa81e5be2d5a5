import { z } from 'zod';

/** A grouping of municipalities the county edits (e.g. Namdal, Fosen); not hard-coded. */
export const regionSchema = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(100),
  municipalityCount: z.number().int().min(0),
});
export type Region = z.infer<typeof regionSchema>;

import { z } from 'zod';

/** A calendar date, "2026-02-03". */
export const isoDateSchema = z.iso
  .date()
  .refine((date) => date >= '1900-01-01' && date <= '2199-12-31', { message: 'The date must be between 1900 and 2199', params: { code: 'date_out_of_range' } })
  .meta({ example: '2026-02-03' });
export type IsoDate = z.infer<typeof isoDateSchema>;

export const timestampSchema = z.iso.datetime({ offset: true });

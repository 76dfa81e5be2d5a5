import { z } from 'zod';

// What an import file can hold, and the fields of each: one list per target, one mapping
// schema for all (a column fills one field of the target the file was uploaded as).

/** What a file holds: actors of the register, or the contacts, services or opening hours of actors already in it. */
export const importTargets = ['actor', 'contact', 'service', 'opening_hours'] as const;
export const importTargetSchema = z.enum(importTargets);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/**
 * What a column of an actor file may hold. `isil` is read as the library number ("NO-" + number);
 * `parentLibraryNumber` names the parent library (a branch's main library) by its library number;
 * `postalCode` and `postalPlace` are joined to the address, as the register writes it.
 */
export const actorImportFields = [
  'kind',
  'name',
  'shortName',
  'organisationNumber',
  'libraryNumber',
  'isil',
  'municipalityNumber',
  'parentLibraryNumber',
  'address',
  'postalCode',
  'postalPlace',
  'website',
  'email',
  'phone',
  'description',
] as const;

/** The columns that name the actor a contact, service or opening hours belong to: any one identifier, or its name (with the municipality when names repeat). */
export const actorReferenceFields = ['actorOrganisationNumber', 'actorLibraryNumber', 'actorName', 'actorMunicipalityNumber'] as const;
export type ActorReferenceField = (typeof actorReferenceFields)[number];

export const contactImportFields = [...actorReferenceFields, 'name', 'role', 'email', 'phone'] as const;
/** `conditions` is the conditions' note; `confirmedAt` the day the actor last confirmed the service. */
export const serviceImportFields = [...actorReferenceFields, 'type', 'audiences', 'description', 'conditions', 'weeklyHours', 'confirmedAt', 'confirmedBy'] as const;
/** OpenStreetMap `opening_hours` strings: the staffed hours, and the self-service ("meråpent") hours. */
export const openingHoursImportFields = [...actorReferenceFields, 'openingHours', 'selfService'] as const;

export const importFieldsOf = {
  actor: actorImportFields,
  contact: contactImportFields,
  service: serviceImportFields,
  opening_hours: openingHoursImportFields,
} as const satisfies Record<ImportTarget, readonly string[]>;

export const importFields = [...new Set<string>(Object.values(importFieldsOf).flat())] as unknown as readonly [
  (typeof importFieldsOf)[ImportTarget][number],
  ...(typeof importFieldsOf)[ImportTarget][number][],
];
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;
export type ImportFieldOf<T extends ImportTarget> = (typeof importFieldsOf)[T][number];

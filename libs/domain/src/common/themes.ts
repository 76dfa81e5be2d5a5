import { z } from 'zod';

/** Levels of collaboration (Universitetskommune 3.0: strategic, tactical, practical). */
export const collaborationLevels = ['strategic', 'tactical', 'practical'] as const;
export const collaborationLevelSchema = z.enum(collaborationLevels);
export type CollaborationLevel = z.infer<typeof collaborationLevelSchema>;

/**
 * Thematic areas: those of the seeds, so they can be filtered and counted. The list grows
 * by a migration-free change here, since they are stored as text.
 */
export const thematicAreas = [
  'health_welfare',
  'upbringing_education',
  'urban_development',
  'innovation',
  'smart_city',
  'library_services_for_students',
  'interlibrary_loan',
  'lifelong_learning',
  'career_guidance',
  'internationalisation',
  'mobility',
  'rural_development',
] as const;
export const thematicAreaSchema = z.enum(thematicAreas);
export type ThematicArea = z.infer<typeof thematicAreaSchema>;

import { z } from 'zod';

/** The kinds of organisation the county cooperates with (domain.md, "Actor"). */
export const actorKinds = [
  'county_authority',
  'county_library',
  'municipality',
  'public_library',
  'library_branch',
  'study_centre',
  'university',
  'university_campus',
  'university_library',
  'career_centre',
  'upper_secondary_school',
  'training_office',
  'municipal_association',
  'state_administrator',
  'funder',
  'employer',
] as const;
export const actorKindSchema = z.enum(actorKinds);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** The kinds that are a public library: a main library and its branches (not the county's or a university's library). */
export const publicLibraryKinds = ['public_library', 'library_branch'] as const satisfies readonly ActorKind[];

interface ParentRule {
  /** Must this kind have a parent? */
  required: boolean;
  /** The kinds its parent may be; empty: it stands alone. */
  parentKinds: readonly ActorKind[];
}

/** How actors nest: a branch under its main library, a campus under its university. */
export const parentRules: Record<ActorKind, ParentRule> = {
  county_authority: { required: false, parentKinds: [] },
  county_library: { required: false, parentKinds: ['county_authority'] },
  municipality: { required: false, parentKinds: [] },
  public_library: { required: false, parentKinds: ['municipality'] },
  library_branch: { required: true, parentKinds: ['public_library'] },
  study_centre: { required: false, parentKinds: [] },
  university: { required: false, parentKinds: [] },
  university_campus: { required: true, parentKinds: ['university'] },
  university_library: { required: false, parentKinds: ['university'] },
  career_centre: { required: false, parentKinds: ['county_authority'] },
  upper_secondary_school: { required: false, parentKinds: ['county_authority'] },
  training_office: { required: false, parentKinds: [] },
  municipal_association: { required: false, parentKinds: [] },
  state_administrator: { required: false, parentKinds: [] },
  funder: { required: false, parentKinds: [] },
  employer: { required: false, parentKinds: [] },
};

/** Kinds that are libraries and so may carry a library number. */
const libraryKinds: readonly ActorKind[] = [
  'county_library',
  'public_library',
  'library_branch',
  'university_library',
];

export function isLibraryKind(kind: ActorKind): boolean {
  return libraryKinds.includes(kind);
}

/** Whether a string names an actor kind (for sets that hold kinds as strings). */
export function isActorKind(kind: string): kind is ActorKind {
  return (actorKinds as readonly string[]).includes(kind);
}

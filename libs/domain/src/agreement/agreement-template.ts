import { z } from 'zod';
import { plainTextSchema } from '../common/text';
import { versionedRecordFields } from '../common/record.schema';
import { NotFoundError } from '../common/domain-errors';
import type { AmendmentChange } from './agreement-amendment';
import { agreementKindSchema } from './agreement.schema';

// The agreement document from the data (issue 13): the county keeps one template per agreement
// kind — its clauses in plain text, with fields such as {{parties}} that the agreement's own
// data fills in when its document (DOCX, PDF) is made.

/** The fields a template may use, each filled from the agreement. */
export const templateFields = ['title', 'parties', 'period', 'services', 'levels', 'themes'] as const;
export type TemplateField = (typeof templateFields)[number];

const FIELD = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The fields `clauses` names that no agreement fills (a typo: {{partes}}). */
export function unknownTemplateFields(clauses: string): string[] {
  const named = [...clauses.matchAll(FIELD)].map((match) => match[1] ?? '');
  return [...new Set(named.filter((name) => !(templateFields as readonly string[]).includes(name)))];
}

/** The clauses with each field replaced by its value. */
export function fillTemplate(clauses: string, values: Record<TemplateField, string>): string {
  return clauses.replace(FIELD, (whole, name: string) => ((templateFields as readonly string[]).includes(name) ? values[name as TemplateField] : whole));
}

const clausesSchema = plainTextSchema(50_000, 1).superRefine((clauses, ctx) => {
  const unknown = unknownTemplateFields(clauses);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `Unknown field ${unknown.map((name) => `{{${name}}}`).join(', ')}; use ${templateFields.map((name) => `{{${name}}}`).join(', ')}`,
      params: { code: 'template_unknown_field' },
    });
  }
});

export const agreementTemplateSchema = z.object({
  id: z.uuid(),
  kind: agreementKindSchema,
  title: plainTextSchema(300, 3),
  /** Plain text; a blank line parts two clauses; fields as {{parties}}. */
  clauses: z.string(),
  ...versionedRecordFields(),
});
export type AgreementTemplate = z.infer<typeof agreementTemplateSchema>;

export const agreementTemplateCreateSchema = z.object({ kind: agreementKindSchema, title: plainTextSchema(300, 3), clauses: clausesSchema }).strict();
export type AgreementTemplateCreate = z.infer<typeof agreementTemplateCreateSchema>;
export const agreementTemplateUpdateSchema = agreementTemplateCreateSchema.omit({ kind: true }).partial().strict();
export type AgreementTemplateUpdate = z.infer<typeof agreementTemplateUpdateSchema>;

/** The document's words (bokmål: the agreements are Norwegian). */
const documentText = {
  kind: { cooperation: 'Samarbeidsavtale', interlibrary_loan: 'Fjernlånsavtale', partnership: 'Partnerskap', mobility_partnership: 'Mobilitetspartnerskap', other: 'Annen avtale' },
  role: { coordinator: 'koordinator', service_provider: 'tjenesteyter', partner: 'partner', funder: 'finansiør' },
  level: { strategic: 'strategisk', tactical: 'taktisk', practical: 'praktisk' },
  theme: {
    health_welfare: 'helse og velferd',
    upbringing_education: 'oppvekst og utdanning',
    urban_development: 'by- og stedsutvikling',
    innovation: 'innovasjon',
    smart_city: 'smarte byer',
    library_services_for_students: 'bibliotektjenester for studenter',
    interlibrary_loan: 'fjernlån',
    lifelong_learning: 'livslang læring',
    career_guidance: 'karriereveiledning',
    internationalisation: 'internasjonalisering',
    mobility: 'mobilitet',
    rural_development: 'distriktsutvikling',
  },
} as const;

/** What an agreement's document says, section by section, ready for DOCX and PDF alike. */
export interface AgreementDocumentContent {
  title: string;
  subtitle: string;
  sections: Array<{ heading: string; paragraphs: string[]; items: string[] }>;
}

/** The facts of an agreement its document shows (the agreement as the API reads it). */
interface DocumentedAgreement {
  title: string;
  kind: keyof typeof documentText.kind;
  status: string;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  levels: ReadonlyArray<keyof typeof documentText.level>;
  themes: ReadonlyArray<keyof typeof documentText.theme>;
  parties: ReadonlyArray<{ actorName: string; role: keyof typeof documentText.role; services: ReadonlyArray<{ type: string }> }>;
  amendments: ReadonlyArray<{ number: number; status: string }>;
}

/** An agreement as read, with what each amendment changed: enough to read any earlier version. */
interface AmendedAgreement extends DocumentedAgreement {
  parties: ReadonlyArray<DocumentedAgreement['parties'][number] & { actorId: string }>;
  amendments: ReadonlyArray<{ number: number; status: string; changes: readonly AmendmentChange[] }>;
}

/** The versions an agreement has had: 1 (the signed text) and each amendment in force, oldest first. */
export function agreementVersions(agreement: Pick<AmendedAgreement, 'amendments'>): number[] {
  const amended = agreement.amendments.filter((a) => a.status === 'in_force').map((a) => a.number);
  return [1, ...amended.sort((a, b) => a - b)];
}

/**
 * The agreement as it read at `version`: every amendment in force since then undone, newest
 * first (each change keeps its value before). 404 for a version the agreement never had.
 */
export function agreementAtVersion(agreement: AmendedAgreement, version: number): DocumentedAgreement {
  if (!agreementVersions(agreement).includes(version)) throw new NotFoundError('version', `The agreement has no version ${version}`);
  const later = agreement.amendments.filter((a) => a.status === 'in_force' && a.number > version).sort((a, b) => b.number - a.number);
  let at: DocumentedAgreement = { ...agreement, amendments: agreement.amendments.filter((a) => a.status === 'in_force' && a.number <= version) };
  let parties = agreement.parties;
  for (const change of later.flatMap((amendment) => amendment.changes)) {
    if (change.field === 'endDate') at = { ...at, endDate: change.before as string | null };
    if (change.field === 'description') at = { ...at, description: change.before as string | null };
    if (change.field === 'levels') at = { ...at, levels: change.before as DocumentedAgreement['levels'] };
    if (change.field === 'themes') at = { ...at, themes: change.before as DocumentedAgreement['themes'] };
    if (change.field === 'services') {
      const services = (change.beforeTypes ?? []).map((type) => ({ type }));
      parties = parties.map((party) => (party.actorId === change.actorId ? { ...party, services } : party));
    }
  }
  return { ...at, parties };
}

const norwegianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The agreement's document: parties and roles, committed services, period, levels, themes, and
 * the clauses of its kind's template with the fields filled in (or a note that the county has
 * no template for the kind yet). `serviceName` names a service type.
 */
export function agreementDocumentOf(
  agreement: DocumentedAgreement,
  template: { title: string; clauses: string } | null,
  serviceName: (type: string) => string,
): AgreementDocumentContent {
  const none = 'ingen';
  const parties = agreement.parties.map((p) => `${p.actorName} (${documentText.role[p.role]})`);
  const services = agreement.parties
    .filter((p) => p.services.length > 0)
    .map((p) => `${p.actorName}: ${p.services.map((s) => serviceName(s.type)).join(', ')}`);
  const period = agreement.startDate
    ? agreement.endDate
      ? `${norwegianDate(agreement.startDate)}–${norwegianDate(agreement.endDate)}`
      : `fra ${norwegianDate(agreement.startDate)}, uten sluttdato`
    : 'ikke fastsatt';
  const levels = agreement.levels.map((l) => documentText.level[l]).join(', ') || none;
  const themes = agreement.themes.map((t) => documentText.theme[t]).join(', ') || none;
  const values: Record<TemplateField, string> = { title: agreement.title, parties: parties.join(', '), period, services: services.join('; ') || none, levels, themes };
  const version = Math.max(1, ...agreement.amendments.filter((a) => a.status === 'in_force').map((a) => a.number));
  const section = (heading: string, paragraphs: string[], items: string[] = []) => ({ heading, paragraphs, items });
  return {
    title: agreement.title,
    subtitle: `${documentText.kind[agreement.kind]}, versjon ${version}`,
    sections: [
      ...(agreement.description ? [section('Om avtalen', [agreement.description])] : []),
      section('Parter og roller', [], parties),
      section('Tjenester partene forplikter seg til', services.length ? [] : ['Ingen tjenester er forpliktet.'], services),
      section('Periode', [period]),
      section('Nivåer og tema', [`Nivåer: ${levels}.`, `Tema: ${themes}.`]),
      template
        ? section(template.title, fillTemplate(template.clauses, values).split(/\n\s*\n/).map((clause) => clause.trim()).filter(Boolean))
        : section('Avtalevilkår', ['Fylket har ingen mal for denne typen avtale ennå.']),
    ],
  };
}

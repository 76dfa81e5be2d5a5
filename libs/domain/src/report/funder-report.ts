import { z } from 'zod';
import { isoDateSchema } from '../common/date.schema';
import { todayInNorway } from '../common/dates';
import type { ActivityKind, ActivitySummary } from '../activity/activity.schema';
import type { AgreementSummary } from '../agreement/agreement.schema';
import { inForceOn } from '../agreement/agreement-lifecycle';
import { currentEndDate, remainingFunds, type InitiativeDetail, type PlanItemStatus } from '../initiative/initiative.schema';
import { norwegianDate, norwegianKroner, norwegianList, norwegianSeason } from './norwegian-format';

// A report to an initiative's funder for a period: what it has achieved since the start, the plan
// ahead, its funds and period, and — when an extension is asked for — the end asked for. Built
// from the records (pure), in bokmål, as data and as a document (sections of paragraphs, lists
// and tables) that the preview, the DOCX and the PDF all render, so the three say the same.

const reportErrorCodes = { periodReversed: 'period_reversed' } as const;

/** `from`/`to` of a report; left out, the period runs from the initiative's start to today. */
export const reportQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts', params: { code: reportErrorCodes.periodReversed } });
    }
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const reportBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), caption: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
]);
export type ReportBlock = z.infer<typeof reportBlockSchema>;

const reportSectionSchema = z.object({ heading: z.string(), blocks: z.array(reportBlockSchema) });
type ReportSection = z.infer<typeof reportSectionSchema>;

const countSchema = z.object({ kind: z.string(), label: z.string(), count: z.number().int() });
const reportActivitySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  outcome: z.string().nullable(),
  organiserName: z.string().nullable(),
  headCount: z.number().int().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});
const reportPlanItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  responsibleName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
});

export const funderReportSchema = z.object({
  initiativeId: z.uuid(),
  title: z.string(),
  funderName: z.string().nullable(),
  ownerName: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedOn: z.string(),
  startDate: z.string().nullable(),
  plannedEndDate: z.string().nullable(),
  currentEndDate: z.string().nullable(),
  /** The latest extension still only asked for: the new end this report asks the funder for. */
  askedEnd: z.string().nullable(),
  funds: z.object({ granted: z.number(), spent: z.number(), remaining: z.number() }).nullable(),
  /** Activities in the period by kind, and the agreements; only kinds there are any of. */
  counts: z.array(countSchema),
  activities: z.array(reportActivitySchema),
  agreements: z.array(z.object({ id: z.uuid(), title: z.string(), startDate: z.string().nullable(), partyNames: z.array(z.string()) })),
  completed: z.array(reportPlanItemSchema),
  planAhead: z.array(reportPlanItemSchema),
  sampleData: z.boolean(),
  /** The report as the reader sees it, title first. */
  document: z.object({ title: z.string(), subtitle: z.string(), sections: z.array(reportSectionSchema) }),
});
export type FunderReport = z.infer<typeof funderReportSchema>;

export type ReportActivityInput = Pick<
  ActivitySummary,
  'id' | 'kind' | 'title' | 'startDate' | 'endDate' | 'outcome' | 'links' | 'organiserName' | 'totalHeadCount'
>;
type ReportAgreementInput = Pick<AgreementSummary, 'id' | 'title' | 'startDate' | 'endDate' | 'status'> & {
  parties: ReadonlyArray<{ actorName: string }>;
};

interface FunderReportInput {
  initiative: InitiativeDetail;
  /** The activities the plan items link (any period; the report picks those in its period). */
  activities: readonly ReportActivityInput[];
  agreements: readonly ReportAgreementInput[];
  query: ReportQuery;
  today?: string;
}

const kindNames: Record<ActivityKind, [one: string, many: string]> = {
  webinar: ['webinar', 'webinarer'],
  meeting: ['møte', 'møter'],
  course: ['kurs', 'kurs'],
  conference: ['konferanse', 'konferanser'],
  publication: ['publikasjon', 'publikasjoner'],
  photography: ['fotografering', 'fotograferinger'],
  mobility: ['mobilitetstiltak', 'mobilitetstiltak'],
  other: ['annen aktivitet', 'andre aktiviteter'],
};
/** Materials: what the project produced to be seen or used (a brochure, photographs). */
const materialKinds: readonly string[] = ['publication', 'photography'];
const planStatusNames: Record<PlanItemStatus, string> = { planned: 'Planlagt', in_progress: 'Pågår', done: 'Fullført', dropped: 'Avbrutt' };
const extensionStatusNames = { asked: 'Søkt', granted: 'Innvilget', refused: 'Avslått' } as const;

/** Activities more than this far apart start a new series ("12 webinarer fra … til …"). */
const SERIES_GAP_DAYS = 180;

function kindName(kind: string, count: number): string {
  const names = kindNames[kind as ActivityKind] ?? kindNames.other;
  return count === 1 ? names[0] : names[1];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** When an activity took place: one day, or a period in one season ("høsten 2025"), or from–to. */
function activityWhen(activity: Pick<ReportActivityInput, 'startDate' | 'endDate'>): string {
  if (activity.endDate === null || activity.endDate === activity.startDate) return norwegianDate(activity.startDate);
  const from = norwegianSeason(activity.startDate);
  const to = norwegianSeason(activity.endDate);
  return from === to ? from : `${norwegianDate(activity.startDate)} – ${norwegianDate(activity.endDate)}`;
}

/**
 * Activities of one kind in runs without long breaks: the NB project's 12 webinars from autumn
 * 2023 to summer 2025 are one series, the larger interlibrary-loan webinar of 3 February 2026
 * another (a single one, told by its date and title).
 */
export function activitySeries<T extends Pick<ReportActivityInput, 'startDate'>>(activities: readonly T[]): T[][] {
  const sorted = [...activities].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const series: T[][] = [];
  for (const activity of sorted) {
    const current = series.at(-1);
    const last = current?.at(-1);
    if (current && last && dayNumber(activity.startDate) - dayNumber(last.startDate) <= SERIES_GAP_DAYS) current.push(activity);
    else series.push([activity]);
  }
  return series;
}

function resultLine(kind: string, series: readonly ReportActivityInput[]): string {
  const [first] = series;
  if (series.length === 1 && first) {
    const outcome = first.outcome ? ` ${first.outcome}` : '';
    return `${capitalise(kindName(kind, 1))} ${activityWhen(first)}: «${first.title}».${outcome}`;
  }
  const from = norwegianSeason(series[0]?.startDate ?? '');
  const to = norwegianSeason(series.at(-1)?.startDate ?? '');
  const span = from === to ? from : `fra ${from} til ${to}`;
  return `${series.length} ${kindName(kind, series.length)} ${span}.`;
}

function agreementInForceDuring(agreement: Pick<AgreementSummary, 'status' | 'startDate' | 'endDate'>, from: string, to: string): boolean {
  // In force on the period's last day, or on the day its own dates start within the period.
  const firstDay = agreement.startDate !== null && agreement.startDate > from ? agreement.startDate : from;
  return firstDay <= to && inForceOn(agreement, firstDay);
}

export function buildFunderReport({ initiative, activities, agreements, query, today = todayInNorway() }: FunderReportInput): FunderReport {
  const from = query.from ?? initiative.startDate ?? today;
  const to = query.to ?? today;
  const inPeriod = (start: string, end: string | null) => start <= to && (end ?? start) >= from;

  const reportActivities = activities
    .filter((a) => inPeriod(a.startDate, a.endDate))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'nb'));
  // An agreement counts when it was in force on some day of the period: signed, and its dates overlap it.
  const reportAgreements = agreements
    .filter((a) => agreementInForceDuring(a, from, to))
    .sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.title.localeCompare(b.title, 'nb'));

  const byKind = new Map<string, ReportActivityInput[]>();
  for (const activity of reportActivities) byKind.set(activity.kind, [...(byKind.get(activity.kind) ?? []), activity]);
  const counts = [
    ...[...byKind].map(([kind, list]) => ({ kind, label: capitalise(kindName(kind, list.length)), count: list.length })),
    ...(reportAgreements.length > 0 ? [{ kind: 'agreement', label: reportAgreements.length === 1 ? 'Avtale' : 'Avtaler', count: reportAgreements.length }] : []),
  ];

  const planItem = (item: InitiativeDetail['planItems'][number]) => ({
    id: item.id,
    title: item.title,
    responsibleName: item.responsibleActorName,
    dueDate: item.dueDate,
    status: item.status,
  });
  const completed = initiative.planItems.filter((p) => p.status === 'done').map(planItem);
  // The plan ahead: what is still open, soonest due first (no due date last), then in plan order.
  const planAhead = initiative.planItems
    .filter((p) => p.status === 'planned' || p.status === 'in_progress')
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.position - b.position)
    .map(planItem);

  const asked = initiative.extensions.filter((e) => e.status === 'asked').sort((a, b) => a.askedOn.localeCompare(b.askedOn)).at(-1) ?? null;
  const remaining = remainingFunds(initiative.budget);
  const funds = initiative.budget && remaining !== null ? { ...initiative.budget, remaining } : null;
  const end = currentEndDate(initiative);

  const report: Omit<FunderReport, 'document'> = {
    initiativeId: initiative.id,
    title: initiative.title,
    funderName: initiative.funderName,
    ownerName: initiative.ownerName,
    period: { from, to },
    generatedOn: today,
    startDate: initiative.startDate,
    plannedEndDate: initiative.plannedEndDate,
    currentEndDate: end,
    askedEnd: asked?.requestedEnd ?? null,
    funds,
    counts,
    activities: reportActivities.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      startDate: a.startDate,
      endDate: a.endDate,
      outcome: a.outcome,
      organiserName: a.organiserName,
      headCount: a.totalHeadCount,
      links: a.links.map((l) => ({ label: l.label, url: l.url })),
    })),
    agreements: reportAgreements.map((a) => ({ id: a.id, title: a.title, startDate: a.startDate, partyNames: a.parties.map((p) => p.actorName) })),
    completed,
    planAhead,
    sampleData: initiative.sampleData,
  };
  return { ...report, document: reportDocument(report, initiative, asked, byKind) };
}

function reportDocument(
  report: Omit<FunderReport, 'document'>,
  initiative: InitiativeDetail,
  asked: InitiativeDetail['extensions'][number] | null,
  byKind: ReadonlyMap<string, ReportActivityInput[]>,
): FunderReport['document'] {
  const sections: ReportSection[] = [];
  const funder = report.funderName ?? 'finansiøren';
  const date = (iso: string | null) => (iso === null ? '–' : norwegianDate(iso));

  // About: the period so far, told as the seed's letter tells it.
  const about: string[] = [];
  if (report.startDate) {
    about.push(
      `Prosjektet «${report.title}» hadde oppstart ${norwegianSeason(report.startDate)} (${norwegianDate(report.startDate)})` +
        (report.funderName ? ` og har fått midler fra ${report.funderName}.` : '.'),
    );
  } else {
    about.push(`Prosjektet «${report.title}»${report.funderName ? ` har fått midler fra ${report.funderName}` : ''}.`);
  }
  if (report.plannedEndDate) about.push(`Det var planlagt med avslutning ${norwegianSeason(report.plannedEndDate)} (${norwegianDate(report.plannedEndDate)}).`);
  for (const extension of [...initiative.extensions].sort((a, b) => a.askedOn.localeCompare(b.askedOn))) {
    const target = `${norwegianSeason(extension.requestedEnd)} (${norwegianDate(extension.requestedEnd)})`;
    if (extension.status === 'granted') {
      about.push(`Prosjektet fikk forlengelse til ${target}${extension.decidedOn ? `, innvilget ${norwegianDate(extension.decidedOn)}` : ''}.`);
    } else if (extension.status === 'refused') {
      about.push(`Søknaden om forlengelse til ${target} ble avslått${extension.decidedOn ? ` ${norwegianDate(extension.decidedOn)}` : ''}.`);
    }
  }
  if (report.ownerName) about.push(`Prosjekteier er ${report.ownerName}.`);
  sections.push({
    heading: 'Om prosjektet',
    blocks: [
      { type: 'paragraph', text: about.join(' ') },
      ...(initiative.goals.length > 0 ? [{ type: 'paragraph' as const, text: 'Målene for prosjektet:' }, { type: 'list' as const, items: initiative.goals.map((g) => g.text) }] : []),
    ],
  });

  if (asked) {
    const text = [
      `Vi søker om forlengelse av prosjektperioden fram til ${norwegianSeason(asked.requestedEnd)} (${norwegianDate(asked.requestedEnd)}).`,
      `Søknaden er datert ${norwegianDate(asked.askedOn)}.`,
      report.funds && report.funds.remaining > 0 ? `Det er fremdeles ${norwegianKroner(report.funds.remaining)} i gjenstående midler på prosjektkontoen.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    sections.push({
      heading: 'Søknad om forlengelse',
      blocks: [{ type: 'paragraph', text }, ...(asked.note ? [{ type: 'paragraph' as const, text: asked.note }] : [])],
    });
  }

  // Results: the counts, then one line per series of activities, the agreements and the materials.
  const results: ReportBlock[] = [];
  if (report.activities.length === 0 && report.agreements.length === 0 && report.completed.length === 0) {
    results.push({ type: 'paragraph', text: 'Ingen aktiviteter eller avtaler er registrert i perioden.' });
  } else {
    results.push({ type: 'paragraph', text: `Fra ${norwegianDate(report.period.from)} til ${norwegianDate(report.period.to)} har prosjektarbeidet blant annet resultert i:` });
    const lines: string[] = [];
    for (const [kind, list] of byKind) {
      if (materialKinds.includes(kind)) continue;
      for (const series of activitySeries(list)) lines.push(resultLine(kind, series));
    }
    for (const material of report.activities.filter((a) => materialKinds.includes(a.kind))) {
      const links = material.links.length > 0 ? ` Lenke: ${material.links.map((l) => `${l.label} (${l.url})`).join(', ')}.` : '';
      lines.push(`${capitalise(kindName(material.kind, 1))} ${activityWhen(material)}: «${material.title}».${material.outcome ? ` ${material.outcome}` : ''}${links}`);
    }
    for (const agreement of report.agreements) {
      const since = agreement.startDate ? `, fra ${norwegianDate(agreement.startDate)}` : '';
      // A regional agreement has a party per library: name a few, count the rest.
      const parties = agreement.partyNames.length > 3 ? [...agreement.partyNames.slice(0, 2), `${agreement.partyNames.length - 2} andre parter`] : agreement.partyNames;
      lines.push(`Avtale: «${agreement.title}» (${norwegianList(parties)}${since}).`);
    }
    if (lines.length > 0) results.push({ type: 'list', items: lines });
    if (report.counts.length > 0) {
      results.push({ type: 'table', caption: 'Resultater i tall', columns: ['Type', 'Antall'], rows: report.counts.map((c) => [c.label, String(c.count)]) });
    }
    if (report.completed.length > 0) {
      results.push({ type: 'paragraph', text: 'Fullførte tiltak i planen:' });
      results.push({ type: 'list', items: report.completed.map((p) => p.title) });
    }
  }
  sections.push({ heading: 'Resultater så langt', blocks: results });

  sections.push({
    heading: 'Planen videre',
    blocks:
      report.planAhead.length === 0
        ? [{ type: 'paragraph', text: 'Ingen åpne tiltak i planen.' }]
        : [
            { type: 'paragraph', text: 'Planen videre er:' },
            {
              type: 'table',
              caption: 'Åpne tiltak i planen',
              columns: ['Tiltak', 'Ansvarlig', 'Frist', 'Status'],
              rows: report.planAhead.map((p) => [p.title, p.responsibleName ?? '–', date(p.dueDate), planStatusNames[p.status as PlanItemStatus] ?? p.status]),
            },
          ],
  });

  sections.push({
    heading: 'Økonomi',
    blocks: report.funds
      ? [
          {
            type: 'table',
            caption: 'Midler',
            columns: ['Post', 'Beløp'],
            rows: [
              ['Bevilget', norwegianKroner(report.funds.granted)],
              ['Brukt', norwegianKroner(report.funds.spent)],
              ['Gjenstående', norwegianKroner(report.funds.remaining)],
            ],
          },
        ]
      : [{ type: 'paragraph', text: 'Det er ikke registrert midler for prosjektet.' }],
  });

  const status = periodStatus(report);
  sections.push({
    heading: 'Periode og status',
    blocks: [
      { type: 'paragraph', text: status },
      {
        type: 'table',
        caption: 'Prosjektperioden',
        columns: ['Milepæl', 'Dato'],
        rows: [
          ['Oppstart', date(report.startDate)],
          ['Planlagt avslutning', date(report.plannedEndDate)],
          ...[...initiative.extensions]
            .sort((a, b) => a.askedOn.localeCompare(b.askedOn))
            .map((e) => [
              `Forlengelse (søkt ${norwegianDate(e.askedOn)}, ${e.status === 'asked' ? 'ikke avgjort' : `${extensionStatusNames[e.status].toLowerCase()}${e.decidedOn ? ` ${norwegianDate(e.decidedOn)}` : ''}`})`,
              norwegianDate(e.requestedEnd),
            ]),
          ['Gjeldende avslutning', date(report.currentEndDate)],
        ],
      },
    ],
  });

  if (report.activities.length > 0) {
    sections.push({
      heading: 'Vedlegg: aktiviteter i perioden',
      blocks: [
        {
          type: 'table',
          caption: 'Aktiviteter i perioden',
          columns: ['Dato', 'Type', 'Tittel', 'Deltakere'],
          rows: report.activities.map((a) => [activityWhen(a), capitalise(kindName(a.kind, 1)), a.title, a.headCount === null ? '–' : String(a.headCount)]),
        },
      ],
    });
  }
  if (report.sampleData) {
    sections.push({
      heading: 'Merknad om eksempeldata',
      blocks: [{ type: 'paragraph', text: 'Noen opplysninger i grunnlaget er eksempeldata (for eksempel beløp, frister og antall deltakere) og må kontrolleres før rapporten sendes.' }],
    });
  }
  return {
    title: `Rapport til ${funder}: ${report.title}`,
    subtitle: `Rapportperiode ${norwegianDate(report.period.from)} – ${norwegianDate(report.period.to)}. Laget ${norwegianDate(report.generatedOn)}.`,
    sections,
  };
}

/** Running, ended or not started, as of the report's last day; an asked extension is named. */
function periodStatus(report: Omit<FunderReport, 'document'>): string {
  const on = report.period.to;
  const parts: string[] = [];
  if (report.startDate !== null && on < report.startDate) parts.push(`Prosjektet starter ${norwegianDate(report.startDate)}.`);
  else if (report.currentEndDate !== null && on > report.currentEndDate && report.askedEnd) {
    // Past the granted end while an extension waits for a decision: not ended, not yet extended.
    parts.push(`Den innvilgede prosjektperioden gikk ut ${norwegianDate(report.currentEndDate)}, og søknaden om forlengelse er ikke avgjort.`);
  } else if (report.currentEndDate !== null && on > report.currentEndDate) parts.push(`Prosjektet ble avsluttet ${norwegianDate(report.currentEndDate)}.`);
  else if (report.currentEndDate !== null) parts.push(`Prosjektet pågår, med avslutning ${norwegianSeason(report.currentEndDate)} (${norwegianDate(report.currentEndDate)}).`);
  else parts.push('Prosjektet pågår.');
  if (report.askedEnd) parts.push(`Det er søkt om forlengelse til ${norwegianSeason(report.askedEnd)} (${norwegianDate(report.askedEnd)}).`);
  return parts.join(' ');
}

/** The report's file name: "rapport-regionale-kompetanseaktorer-…-2026-11-22.docx". */
export function reportFileName(report: Pick<FunderReport, 'title' | 'period'>, extension: 'docx' | 'pdf'): string {
  const slug = report.title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `rapport-${slug || 'tiltak'}-${report.period.to}.${extension}`;
}

/** The formats a report is written as. */
export const reportFormatSchema = z.enum(['docx', 'pdf']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** Asking for a report file: its format and period (as the report's query). */
export const reportFileRequestSchema = z
  .object({ format: reportFormatSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts', params: { code: reportErrorCodes.periodReversed } });
    }
  });
export type ReportFileRequest = z.infer<typeof reportFileRequestSchema>;

/** A report file being written on the queue (issue 17), or written: download it when `done`. */
export const reportFileSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  format: reportFormatSchema,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

import {
  brochureAreaName,
  brochureDate,
  brochureServiceLine,
  brochureText,
  servicesOnlyBokmalNotice,
  weekdays,
  type Brochure,
  type BrochureLanguage,
  type OpeningHoursInput,
  type Weekday,
} from '@kompetansebro/domain';
import { finderTexts } from '@kompetansebro/i18n';
import { pdfDocument, PDF_MARGIN } from '../http/pdf-document';

const INK = '#1e2b3c';
const MUTED = '#4b5563';
const ACCENT = '#0062ba';

const pdfLanguage = { nb: 'nb-NO', nn: 'nn-NO', en: 'en' } as const;

/** Each library's weekly timetable, when it has published one. */
export type BrochureHours = ReadonlyMap<string, OpeningHoursInput>;

/**
 * A library's ordinary week in a few lines, days with the same hours joined:
 * "mandag–fredag: betjent 09:00–19:00, meråpent 07:00–23:00".
 */
export function weekLines(hours: OpeningHoursInput, language: BrochureLanguage): string[] {
  const t = finderTexts[language];
  const dayText = (weekday: Weekday) => {
    const periods = hours.weekly.filter((period) => period.weekday === weekday);
    const of = (kind: 'staffed' | 'self_service') =>
      periods
        .filter((period) => period.kind === kind)
        .map((period) => `${period.from}–${period.to}`)
        .join(', ');
    const parts = [of('staffed') && `${t.library.staffed.toLowerCase()} ${of('staffed')}`, of('self_service') && `${t.library.selfService.toLowerCase()} ${of('self_service')}`];
    return parts.filter(Boolean).join(', ') || t.library.closed.toLowerCase();
  };
  const lines: string[] = [];
  let start = 0;
  for (let index = 1; index <= weekdays.length; index++) {
    const current = weekdays[start] as Weekday;
    if (index < weekdays.length && dayText(weekdays[index] as Weekday) === dayText(current)) continue;
    const last = weekdays[index - 1] as Weekday;
    const days = current === last ? t.weekday[current] : `${t.weekday[current]}–${t.weekday[last]}`;
    lines.push(`${days}: ${dayText(current)}`);
    start = index;
  }
  return lines;
}

/**
 * The students' brochure as an A4 PDF (pdfkit, its standard Helvetica, which covers æ, ø and å),
 * tagged for screen readers: headings, paragraphs and lists in a structure tree, the rules drawn
 * between municipalities as artifacts, and the texts kept only in bokmål marked as bokmål (and
 * said to be so, once, in the nynorsk and English brochure). Streams are not compressed: the file stays
 * small, and its text can be checked as it is.
 */
export function renderBrochurePdf(brochure: Brochure, language: BrochureLanguage, hours: BrochureHours = new Map()): Promise<Uint8Array> {
  const text = brochureText[language];
  const words = finderTexts[language];
  const title = text.title(brochureAreaName(brochure, text.and));
  const { doc, bytes } = pdfDocument({
    lang: pdfLanguage[language],
    tagged: true,
    info: { Title: title, Author: brochure.studyCentre.name, Subject: title, Creator: 'Kompetansebro' },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  /** One element of the structure tree, drawn by `draw`. */
  const tag = (type: string, draw: () => void, lang?: string) => root.add(doc.struct(type, lang ? { lang } : {}, draw));

  const width = doc.page.width - PDF_MARGIN * 2;
  const keepRoom = (height: number) => {
    if (doc.y + height > doc.page.height - PDF_MARGIN - 20) doc.addPage();
  };

  tag('H1', () => doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(22).text(title, { width }));
  doc.moveDown(0.4);
  tag('P', () => doc.fillColor(INK).font('Helvetica').fontSize(11).text(text.intro(brochure.studyCentre.name), { width, lineGap: 2 }));
  const bokmalOnly = servicesOnlyBokmalNotice(language, brochure.municipalities.flatMap((m) => m.libraries.flatMap((l) => l.services)));
  if (bokmalOnly) {
    doc.moveDown(0.4);
    tag('P', () => doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(bokmalOnly, { width }));
  }
  doc.moveDown(1);

  /** A text the library wrote, kept only in bokmål: tagged so (and said so once, under the intro). */
  const bokmalNote = (note: string) => {
    tag('P', () => doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(9).text(note, PDF_MARGIN + 12, doc.y, { width: width - 12 }), 'nb-NO');
    doc.x = PDF_MARGIN;
  };

  const names = new Map(brochure.municipalities.flatMap((m) => m.libraries.map((l) => [l.id, l.name] as const)));
  for (const municipality of brochure.municipalities) {
    keepRoom(80);
    tag('H2', () => doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(15).text(municipality.name, { width }));
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(PDF_MARGIN, doc.y + 2).lineTo(PDF_MARGIN + width, doc.y + 2).strokeColor(ACCENT).lineWidth(0.75).stroke();
    doc.endMarkedContent();
    doc.moveDown(0.5);
    if (municipality.libraries.length === 0) {
      tag('P', () => doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(text.noLibraries, { width }));
      doc.moveDown(0.8);
      continue;
    }
    for (const library of municipality.libraries) {
      keepRoom(60);
      tag('H3', () => doc.fillColor(INK).font('Helvetica-Bold').fontSize(12).text(library.name, { width }));
      const main = library.parentId ? names.get(library.parentId) : undefined;
      if (main) tag('P', () => doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(text.branchOf(main), { width }));
      if (library.address) tag('P', () => doc.fillColor(INK).font('Helvetica').fontSize(9).text(`${text.address}: ${library.address}`, { width }));
      const timetable = hours.get(library.id);
      if (timetable && timetable.weekly.length > 0) {
        tag('P', () => doc.fillColor(INK).font('Helvetica-Bold').fontSize(9).text(`${words.library.hoursHeading}: `, { width, continued: true }).font('Helvetica').text(weekLines(timetable, language).join('; ')));
      }
      doc.moveDown(0.2);
      if (library.services.length === 0) {
        tag('P', () => doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(text.noServices, { width }));
      }
      const list = library.services.length > 0 ? doc.struct('L') : null;
      if (list) root.add(list);
      for (const service of library.services) {
        // Conditions in the brochure's language; the library's own words after them, in bokmål.
        const line = brochureServiceLine(service, language);
        keepRoom(28);
        // A hanging bullet: the lines of a long service wrap under its text, not under the bullet.
        const y = doc.y;
        list?.add(
          doc.struct('LI', {}, [
            doc.struct('Lbl', {}, () => doc.fillColor(INK).font('Helvetica').fontSize(10).text('•', PDF_MARGIN, y, { width: 10, lineBreak: false })),
            doc.struct('LBody', {}, () => {
              doc.font('Helvetica-Bold').text(line.label, PDF_MARGIN + 12, y, { width: width - 12, continued: line.details !== '' });
              if (line.details !== '') doc.font('Helvetica').text(`: ${line.details}`);
            }),
          ]),
        );
        doc.x = PDF_MARGIN;
        for (const note of line.notes) bokmalNote(note);
      }
      list?.end();
      const contact = [
        library.phone && `${text.phone}: ${library.phone}`,
        library.email && `${text.email}: ${library.email}`,
        library.website && `${text.website}: ${library.website}`,
      ].filter((part): part is string => Boolean(part));
      if (contact.length > 0) {
        doc.moveDown(0.2);
        tag('P', () => doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`${text.contact} — ${contact.join('  ·  ')}`, { width }));
      }
      doc.moveDown(0.8);
    }
  }

  keepRoom(60);
  doc.moveDown(0.5);
  const centre = brochure.studyCentre;
  const centreContact = [centre.address, centre.phone, centre.email, centre.website].filter((part): part is string => Boolean(part));
  tag('P', () => doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text(text.footer(centre.name), { width }));
  if (centreContact.length > 0) tag('P', () => doc.font('Helvetica').fontSize(9).text(centreContact.join('  ·  '), { width }));
  tag('P', () => doc.fillColor(MUTED).fontSize(8).text(text.generated(brochureDate(brochure.generatedAt, language)), { width }));
  root.end();
  doc.end();
  return bytes;
}

import { brochureAreaName, brochureDate, brochureServiceLine, brochureText, type Brochure, type BrochureLanguage } from '@kompetansebro/domain';
import { pdfDocument, PDF_MARGIN } from '../http/pdf-document';

const INK = '#1e2b3c';
const MUTED = '#4b5563';
const ACCENT = '#0062ba';

/**
 * The students' brochure as an A4 PDF (pdfkit, its standard Helvetica, which covers æ, ø and å).
 * Streams are not compressed: the file stays small, and its text can be checked as it is.
 */
export function renderBrochurePdf(brochure: Brochure, language: BrochureLanguage): Promise<Uint8Array> {
  const text = brochureText[language];
  const title = text.title(brochureAreaName(brochure, text.and));
  const { doc, bytes } = pdfDocument({
    lang: language === 'en' ? 'en' : language === 'nn' ? 'nn-NO' : 'nb-NO',
    info: { Title: title, Author: brochure.studyCentre.name, Subject: title, Creator: 'Kompetansebro' },
  });

  const width = doc.page.width - PDF_MARGIN * 2;
  const keepRoom = (height: number) => {
    if (doc.y + height > doc.page.height - PDF_MARGIN - 20) doc.addPage();
  };

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(22).text(title, { width });
  doc.moveDown(0.4);
  doc.fillColor(INK).font('Helvetica').fontSize(11).text(text.intro(brochure.studyCentre.name), { width, lineGap: 2 });
  doc.moveDown(1);

  const names = new Map(brochure.municipalities.flatMap((m) => m.libraries.map((l) => [l.id, l.name] as const)));
  for (const municipality of brochure.municipalities) {
    keepRoom(80);
    doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(15).text(municipality.name, { width });
    doc.moveTo(PDF_MARGIN, doc.y + 2).lineTo(PDF_MARGIN + width, doc.y + 2).strokeColor(ACCENT).lineWidth(0.75).stroke();
    doc.moveDown(0.5);
    if (municipality.libraries.length === 0) {
      doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(text.noLibraries, { width });
      doc.moveDown(0.8);
      continue;
    }
    for (const library of municipality.libraries) {
      keepRoom(60);
      doc.fillColor(INK).font('Helvetica-Bold').fontSize(12).text(library.name, { width });
      const main = library.parentId ? names.get(library.parentId) : undefined;
      if (main) doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(text.branchOf(main), { width });
      doc.moveDown(0.2);
      if (library.services.length === 0) {
        doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(text.noServices, { width });
      }
      for (const service of library.services) {
        const line = brochureServiceLine(service, language);
        keepRoom(28);
        // A hanging bullet: the lines of a long service wrap under its text, not under the bullet.
        const y = doc.y;
        doc.fillColor(INK).font('Helvetica').fontSize(10).text('•', PDF_MARGIN, y, { width: 10, lineBreak: false });
        doc.font('Helvetica-Bold').text(line.label, PDF_MARGIN + 12, y, { width: width - 12, continued: line.details !== '' });
        if (line.details !== '') doc.font('Helvetica').text(`: ${line.details}`);
        doc.x = PDF_MARGIN;
      }
      const contact = [
        library.address && `${text.address}: ${library.address}`,
        library.phone && `${text.phone}: ${library.phone}`,
        library.email && `${text.email}: ${library.email}`,
        library.website && `${text.website}: ${library.website}`,
      ].filter((part): part is string => Boolean(part));
      if (contact.length > 0) {
        doc.moveDown(0.2);
        doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`${text.contact} — ${contact.join('  ·  ')}`, { width });
      }
      doc.moveDown(0.8);
    }
  }

  keepRoom(60);
  doc.moveDown(0.5);
  const centre = brochure.studyCentre;
  const centreContact = [centre.address, centre.phone, centre.email, centre.website].filter((part): part is string => Boolean(part));
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text(text.footer(centre.name), { width });
  if (centreContact.length > 0) doc.font('Helvetica').fontSize(9).text(centreContact.join('  ·  '), { width });
  doc.fillColor(MUTED).fontSize(8).text(text.generated(brochureDate(brochure.generatedAt, language)), { width });
  doc.end();
  return bytes;
}

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { brochureText, type AgreementDocumentContent } from '@kompetansebro/domain';
import { pdfDocument, PDF_MARGIN } from '../http/pdf-document';

// The agreement's document from its data (issue 13), as DOCX and as a tagged PDF: the same
// content (agreementDocumentOf) with real headings and lists in both, in Norwegian (nb-NO).

/** A service type as the document names it. */
export const serviceName = (type: string) => brochureText.nb.serviceType[type as keyof typeof brochureText.nb.serviceType] ?? type;

export async function agreementDocx(content: AgreementDocumentContent): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Kompetansebro',
    title: content.title,
    description: content.subtitle,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'nb-NO' } } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: content.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: content.subtitle, italics: true })], spacing: { after: 240 } }),
          ...content.sections.flatMap((section) => [
            new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 } }),
            ...section.paragraphs.map((text) => new Paragraph({ text, spacing: { after: 120 } })),
            ...section.items.map((text) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 60 } })),
          ]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A tagged PDF (PDF/UA structure: Document, H1, H2, P, L/LI), its language nb-NO and its title shown. */
export function agreementPdf(content: AgreementDocumentContent): Promise<Uint8Array> {
  const { doc, bytes } = pdfDocument({
    lang: 'nb-NO',
    tagged: true,
    info: { Title: content.title, Subject: content.subtitle, Author: 'Kompetansebro', Creator: 'Kompetansebro' },
  });
  const width = doc.page.width - PDF_MARGIN * 2;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagged = (type: string, draw: () => void) => root.add(doc.struct(type, {}, [draw]));

  tagged('H1', () => doc.font('Helvetica-Bold').fontSize(20).fillColor('#0062ba').text(content.title, PDF_MARGIN, doc.y, { width }));
  tagged('P', () => doc.font('Helvetica-Oblique').fontSize(10).fillColor('#4b5563').text(content.subtitle, { width }));
  doc.moveDown(1);
  for (const section of content.sections) {
    tagged('H2', () => doc.font('Helvetica-Bold').fontSize(14).fillColor('#1e2b3c').text(section.heading, PDF_MARGIN, doc.y, { width }));
    doc.moveDown(0.3);
    for (const text of section.paragraphs) {
      tagged('P', () => doc.font('Helvetica').fontSize(11).fillColor('#1e2b3c').text(text, PDF_MARGIN, doc.y, { width, lineGap: 2 }));
      doc.moveDown(0.5);
    }
    if (section.items.length > 0) {
      const list = doc.struct('L');
      root.add(list);
      for (const text of section.items) {
        list.add(doc.struct('LI', {}, [() => doc.font('Helvetica').fontSize(11).fillColor('#1e2b3c').text(`• ${text}`, PDF_MARGIN + 8, doc.y, { width: width - 8, lineGap: 2 })]));
        doc.moveDown(0.2);
      }
      list.end();
      doc.moveDown(0.5);
    }
  }
  root.end();
  doc.end();
  return bytes;
}

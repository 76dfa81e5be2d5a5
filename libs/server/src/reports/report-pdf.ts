import type { FunderReport, ReportBlock } from '@kompetansebro/domain';
import { pdfDocument, PDF_MARGIN } from '../http/pdf-document';

const INK = '#1e2b3c';
const MUTED = '#4b5563';
const ACCENT = '#0062ba';
const RULE = '#9ca3af';
const HEADER_FILL = '#e5edf6';

/**
 * The report as an A4 PDF (pdfkit's standard Helvetica covers æ, ø and å). Streams are not
 * compressed, as for the brochure: the text can be checked as it is.
 */
export function renderReportPdf(report: FunderReport): Promise<Uint8Array> {
  const { doc, bytes } = pdfDocument({
    lang: 'nb-NO',
    bufferPages: true,
    info: { Title: report.document.title, Subject: report.document.subtitle, Author: report.ownerName ?? 'Kompetansebro', Creator: 'Kompetansebro' },
  });
  const width = doc.page.width - PDF_MARGIN * 2;
  const bottom = () => doc.page.height - PDF_MARGIN - 20;
  const keepRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(20).text(report.document.title, { width });
  doc.moveDown(0.3);
  doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(10).text(report.document.subtitle, { width });
  doc.moveDown(1);

  const renderBlock = (item: ReportBlock) => {
    if (item.type === 'paragraph') {
      keepRoom(30);
      doc.fillColor(INK).font('Helvetica').fontSize(11).text(item.text, PDF_MARGIN, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.6);
    } else if (item.type === 'list') {
      for (const text of item.items) {
        keepRoom(30);
        const y = doc.y;
        doc.fillColor(INK).font('Helvetica').fontSize(11).text('•', PDF_MARGIN + 4, y, { width: 12 });
        doc.text(text, PDF_MARGIN + 18, y, { width: width - 18, lineGap: 2 });
        doc.moveDown(0.3);
      }
      doc.x = PDF_MARGIN;
      doc.moveDown(0.4);
    } else {
      keepRoom(60);
      doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text(item.caption, PDF_MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      table(item.columns, item.rows);
      doc.moveDown(0.8);
    }
  };

  // Column widths by content: the longest text of a column, within bounds, scaled to the page.
  const table = (columns: string[], rows: string[][]) => {
    const natural = columns.map((c, i) => Math.min(260, Math.max(50, ...[c, ...rows.map((r) => r[i] ?? '')].map((t) => doc.font('Helvetica').fontSize(10).widthOfString(t) + 12))));
    const total = natural.reduce((a, b) => a + b, 0);
    const widths = natural.map((w) => (w / total) * width);
    const pad = 4;
    // Amounts and counts line up on the right.
    const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => /^(−?[\d\u00a0 ]+(,\d\d)?(\u00a0kr)?|–)$/.test(r[i] ?? '')));
    const drawRow = (cells: string[], header: boolean) => {
      doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
      const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: (widths[i] ?? 50) - pad * 2 }))) + pad * 2;
      if (doc.y + height > bottom()) {
        doc.addPage();
        if (!header) drawRow(columns, true);
      }
      const y = doc.y;
      let x = PDF_MARGIN;
      cells.forEach((text, i) => {
        const w = widths[i] ?? 50;
        if (header) doc.rect(x, y, w, height).fill(HEADER_FILL);
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(RULE).stroke();
        doc.fillColor(INK).font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(text, x + pad, y + pad, { width: w - pad * 2, align: numeric[i] ? 'right' : 'left' });
        x += w;
      });
      doc.x = PDF_MARGIN;
      doc.y = y + height;
    };
    drawRow(columns, true);
    for (const row of rows) drawRow(row, false);
  };

  for (const section of report.document.sections) {
    keepRoom(70);
    doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(14).text(section.heading, PDF_MARGIN, doc.y, { width });
    doc.moveTo(PDF_MARGIN, doc.y + 2).lineTo(PDF_MARGIN + width, doc.y + 2).strokeColor(ACCENT).lineWidth(0.75).stroke();
    doc.moveDown(0.6);
    section.blocks.forEach(renderBlock);
  }

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: without this, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`Side ${i + 1} av ${range.count}`, PDF_MARGIN, doc.page.height - PDF_MARGIN + 10, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return bytes;
}

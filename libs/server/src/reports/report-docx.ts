import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableRow,
  TableCell,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { FunderReport, ReportBlock } from '@kompetansebro/domain';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '9CA3AF' } as const;
const borders = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function block(item: ReportBlock): Array<Paragraph | Table> {
  switch (item.type) {
    case 'paragraph':
      return [new Paragraph({ text: item.text, spacing: { after: 120 } })];
    case 'list':
      return item.items.map((text) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 60 } }));
    case 'table': {
      const cell = (text: string, header: boolean) =>
        new TableCell({
          borders,
          margins: { top: 60, bottom: 60, left: 100, right: 100 },
          ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E5EDF6' } } : {}),
          children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
        });
      return [
        new Paragraph({ children: [new TextRun({ text: item.caption, bold: true })], spacing: { before: 120, after: 60 } }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            // The header row repeats on each page a long table runs over.
            new TableRow({ tableHeader: true, children: item.columns.map((c) => cell(c, true)) }),
            ...item.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c, false)) })),
          ],
        }),
        new Paragraph({ text: '', spacing: { after: 120 } }),
      ];
    }
  }
}

/** The report as a Word document (DOCX), with real headings, bullet lists and tables. */
export async function renderReportDocx(report: FunderReport): Promise<Uint8Array> {
  const section: ISectionOptions = {
    properties: {},
    children: [
      new Paragraph({ text: report.document.title, heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun({ text: report.document.subtitle, italics: true })], alignment: AlignmentType.LEFT, spacing: { after: 240 } }),
      ...report.document.sections.flatMap((s) => [new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 } }), ...s.blocks.flatMap(block)]),
    ],
  };
  const doc = new Document({
    creator: 'Kompetansebro',
    title: report.document.title,
    description: report.document.subtitle,
    // Bokmål, so Word checks the spelling in the right language.
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'nb-NO' } } } } },
    sections: [section],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

import PDFDocument from 'pdfkit';

/** The margin of the PDFs the API renders (pt). */
export const PDF_MARGIN = 56;

/**
 * An A4 PDF document as the API renders them (streams not compressed, so the text can be checked
 * as it is; the title shown instead of the file name), and its bytes once `doc.end()` is called.
 */
export function pdfDocument(options: { lang: string; info: PDFKit.DocumentInfo; bufferPages?: boolean; tagged?: boolean }): { doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> } {
  const doc = new PDFDocument({ size: 'A4', margin: PDF_MARGIN, compress: false, displayTitle: true, ...options });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

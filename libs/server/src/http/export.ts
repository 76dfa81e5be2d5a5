import type { Context } from 'hono';
import ExcelJS from 'exceljs';
import { z } from 'zod';

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The most rows one export holds; lists are filtered before they are exported. */
export const MAX_EXPORT_ROWS = 50_000;

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** The OpenAPI answer of an export route: the file, as CSV or XLSX. */
export const exportAnswer = {
  description: 'The file',
  content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would be a formula in a spreadsheet: neutralise it.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as Norwegian Excel opens it: semicolon separated, UTF-8 with a byte-order mark,
 * CRLF line ends.
 */
export function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx<Row>(sheetName: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kompetansebro';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.min(60, Math.max(12, c.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `Content-Disposition` for a file saved as `filename` (RFC 6266): an ASCII fallback, and the
 * name itself in UTF-8 (RFC 8187), so «Avtale Ørland – Fosen.pdf» keeps its letters.
 */
export function contentDisposition(filename: string): string {
  const safe = filename.replace(/[\p{Cc}/\\]+/gu, ' ').trim() || 'fil';
  const fallback = safe
    .replace(/[ØøÆæÅå]/g, (letter) => ({ Ø: 'O', ø: 'o', Æ: 'AE', æ: 'ae', Å: 'A', å: 'a' })[letter] ?? '')
    .normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["%;]/g, '_') || 'fil';
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers of a file the browser saves as `filename` and keeps in no cache. */
export function downloadHeaders(type: string, filename: string, cacheControl = 'private, no-store') {
  return { 'Content-Type': type, 'Content-Disposition': contentDisposition(filename), 'Cache-Control': cacheControl };
}

/** Answers with the rows as a CSV or XLSX download named `<name>-<date>.<format>`. */
export async function exportResponse<Row>(
  c: Context,
  options: { name: string; format: ExportFormat; columns: readonly ExportColumn<Row>[]; rows: readonly Row[] },
): Promise<Response> {
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${options.name}-${date}.${options.format}`;
  const headers = downloadHeaders(CONTENT_TYPES[options.format], filename, 'no-store');
  if (options.format === 'csv') return c.body(toCsv(options.columns, options.rows), 200, headers);
  const buffer = await toXlsx(options.name, options.columns, options.rows);
  return c.body(new Uint8Array(buffer), 200, headers);
}

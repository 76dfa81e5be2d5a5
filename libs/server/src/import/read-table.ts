import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS, RejectedFileError } from '@kompetansebro/domain';
import { DomainRuleError } from '@kompetansebro/domain';

/** At most this many bytes in one upload (50,000 rows of a wide register fit well within it). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A file read as a table: its header row and its data rows, every cell as text. */
export interface ReadTable {
  headers: string[];
  rows: string[][];
}

const fileError = (code: string, message: string) => new DomainRuleError([{ path: 'file', code, message }]);

/** XLSX is a ZIP file: it starts with "PK\x03\x04". */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Text in UTF-8 (with or without BOM) or, when it is not valid UTF-8, Windows-1252 — what Excel
 * on Windows saves as "CSV" — so æ, ø and å read right either way.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function csvTable(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new RejectedFileError('unsupported_type', 'The file is neither CSV nor XLSX');
  // Norwegian Excel writes semicolons; papaparse guesses the delimiter among ; , and tab.
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((cell) => cell ?? ''));
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  // A formula cell: its text is the formula itself, so the row is refused rather than its result trusted.
  if (typeof value === 'object' && 'formula' in value) return `=${String(value.formula)}`;
  if (typeof value === 'object' && 'sharedFormula' in value) return `=${String(value.sharedFormula)}`;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text;
}

async function xlsxTable(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new RejectedFileError('unsupported_type', 'The file is a ZIP archive but no XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length > MAX_IMPORT_ROWS + 1) return;
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i)));
    rows.push(cells);
  });
  return rows;
}

/**
 * Reads an uploaded CSV or XLSX file (by its content, not its name) into a header and rows, or
 * refuses it with a message naming why: not CSV/XLSX (415), empty, a header only, more than
 * MAX_IMPORT_ROWS rows (400 on the field `file`).
 */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<ReadTable> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new RejectedFileError('too_large', 'A file may be at most 20 MB');
  if (bytes.length === 0) throw fileError('import_file_empty', 'The file is empty');
  let table: string[][];
  if (isZip(bytes)) table = await xlsxTable(bytes);
  // By its name, a file no table is read from (an image's bytes may read as one line of text).
  else if (/\.(xlsx|xlsm|xls|ods|pdf|docx?|jpe?g|png|gif|webp|hei[cf]|tiff?|bmp)$/i.test(fileName)) throw new RejectedFileError('unsupported_type', 'Upload a CSV or XLSX file');
  else table = csvTable(bytes);
  const nonEmpty = table.filter((row) => row.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw fileError('import_file_empty', 'The file has no rows');
  if (rows.length === 0) throw fileError('import_file_header_only', 'The file has a header row but no rows under it');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainRuleError([{ path: 'file', code: 'import_file_too_many_rows', message: `A file may have at most ${MAX_IMPORT_ROWS} rows`, params: { maximum: MAX_IMPORT_ROWS } }]);
  }
  const headers = header.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `Kolonne ${i + 1}`);
  if (new Set(headers).size !== headers.length) throw fileError('import_file_duplicate_headers', 'Two columns have the same heading');
  return { headers, rows: rows.map((row) => headers.map((_, i) => row[i] ?? '')) };
}

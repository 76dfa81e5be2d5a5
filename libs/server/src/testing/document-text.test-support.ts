import { expect } from 'vitest';
import { readZipEntry } from '../reports/read-zip-entry';

// What a generated document says, as a reader sees it: for the tests of the API's DOCX and PDF files.

/** Spaces as a reader sees them: no-break spaces as spaces, runs of white space as one. */
export const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The standard fonts' encoding (WinAnsi) is Latin-1 but for 0x80–0x9F, where the dashes, quotes and € are (Node decodes windows-1252 as Latin-1). */
const WIN_ANSI_HIGH: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join('') };

/** The text a PDF shows: each text operation's hex strings (pdfkit splits them at kerning) joined, operations apart. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const operations = [...raw.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1] ?? '', 'hex'))).join(''),
  );
  return plain(operations.join(' '));
}

/** The text of a DOCX: its document.xml with the tags taken out, paragraphs apart. */
export function docxText(bytes: Uint8Array): string {
  const xml = readZipEntry(bytes, 'word/document.xml');
  expect(xml, 'word/document.xml').toBeDefined();
  return plain((xml ?? '').replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

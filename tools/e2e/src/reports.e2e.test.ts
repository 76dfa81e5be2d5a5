import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { goToMenuItem, logIn } from './login';

const PROJECT = 'Regionale kompetanseaktører og folkebibliotekenes rolle';

/** Spaces as a reader sees them: no-break spaces as spaces, runs of white space as one. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** One file of a ZIP archive (the DOCX), through its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      return (zip.readUInt16LE(at + 10) === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}

/** The text of the PDF: the report's PDF streams are uncompressed; pdfkit writes text as hex in TJ arrays. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const operations = [...raw.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''),
  );
  return plain(operations.join(' '));
}

/** Asks for the file (written on the server's job queue), waits for its link, and downloads it. */
async function download(page: Page, format: 'DOCX' | 'PDF'): Promise<{ download: Download; bytes: Buffer }> {
  await page.getByRole('button', { name: `Lag ${format}` }).click();
  const link = page.getByRole('link', { name: `Last ned ${format}` });
  await expect(link).toBeVisible({ timeout: 15_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { download: file, bytes: await readFile(path) };
}

const facts = ['12 webinarer fra høsten 2023 til sommeren 2025', 'Webinar 3. februar 2026: «Erfaringsutveksling om fjernlån»', 'fram til sommeren 2027'];

test.describe('funder reports in the county console', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page);
  });

  test('open the NB project’s report, see the facts of the extension application, and find them in the DOCX and the PDF', async ({ page }) => {
    await goToMenuItem(page, 'Rapporter');
    await expect(page.getByRole('heading', { level: 1, name: 'Rapporter til finansiører' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Velg et tiltak' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Tiltak' }).selectOption({ label: PROJECT });
    await expect(page).toHaveURL(/[?&]tiltak=[0-9a-f-]{36}/);
    const report = page.getByRole('article');
    await expect(report.getByRole('heading', { level: 3 })).toHaveText(`Rapport til Nasjonalbiblioteket: ${PROJECT}`);
    await expect(report.getByText('12 webinarer fra høsten 2023 til sommeren 2025.')).toBeVisible();
    await expect(report.getByText(/^Webinar 3\. februar 2026: «Erfaringsutveksling om fjernlån»/)).toBeVisible();
    await expect(report.getByText(/Vi søker om forlengelse av prosjektperioden fram til sommeren 2027 \(30\. juni 2027\)/)).toBeVisible();
    await expect(report.getByRole('heading', { level: 4, name: 'Planen videre' })).toBeVisible();
    await expect(report.getByRole('table', { name: 'Åpne tiltak i planen' }).getByRole('cell', { name: /Namdal studiesenter og folkebibliotekene/ })).toBeVisible();
    await expectNoAxeViolations(page);

    const docx = await download(page, 'DOCX');
    expect(docx.download.suggestedFilename()).toMatch(/^rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = plain(zipEntry(docx.bytes, 'word/document.xml').replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));
    for (const fact of facts) expect(xml, fact).toContain(fact);

    const pdf = await download(page, 'PDF');
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    for (const fact of facts) expect(text, fact).toContain(fact);
  });

  test('a period that runs backwards is refused beside the field, and a period in the URL narrows the report', async ({ page }) => {
    await page.goto('/fylke/rapporter');
    await page.getByRole('combobox', { name: 'Tiltak' }).selectOption({ label: PROJECT });
    await expect(page.getByRole('article')).toBeVisible();
    const url = new URL(page.url());

    await page.goto(`/fylke/rapporter?tiltak=${url.searchParams.get('tiltak')}&fra=2025-01-01&til=2024-01-01`);
    await expect(page.getByRole('link', { name: 'Til dato: Til-datoen må være samme dag som eller etter fra-datoen.' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByLabel('Til dato').fill('2025-12-31');
    const report = page.getByRole('article');
    await expect(report.getByText(/Rapportperiode 1\. januar 2025 – 31\. desember 2025/)).toBeVisible();
    await expect(report.getByText(/Erfaringsutveksling om fjernlån/)).toHaveCount(0);
    await expect(page).toHaveURL(/til=2025-12-31/);
  });
});

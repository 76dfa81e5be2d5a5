import QRCode from 'qrcode';
import { PDF_MARGIN, pdfDocument } from '../http/pdf-document';

/**
 * The printable letters (A4, one a page) to the libraries a survey could not mail: the
 * invitation's text with the personal link, and the link as a QR code to scan with a phone.
 */
export async function renderSurveyLetters(surveyName: string, letters: readonly { actorName: string; link: string; text: string }[]): Promise<Uint8Array> {
  const { doc, bytes } = pdfDocument({ lang: 'nb-NO', info: { Title: `Brev: ${surveyName}`, Author: 'Trøndelag fylkeskommune' } });
  for (const [index, letter] of letters.entries()) {
    if (index > 0) doc.addPage();
    doc.font('Helvetica').fontSize(10).text(letter.actorName);
    doc.moveDown(2);
    doc.font('Helvetica-Bold').fontSize(16).text(`Tjenesteundersøkelse: ${surveyName}`);
    doc.moveDown();
    // The mail's text, with the link on its own line (printed in full, to type in if need be).
    doc.font('Helvetica').fontSize(11).text(letter.text, { lineGap: 2 });
    doc.moveDown();
    const qr = await QRCode.toBuffer(letter.link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
    doc.text('Skann koden med mobilkameraet for å åpne skjemaet:');
    doc.image(qr, PDF_MARGIN, doc.y + 6, { width: 150 });
  }
  if (letters.length === 0) doc.font('Helvetica').fontSize(12).text('Alle bibliotek som ikke har svart, har fått e-post. Ingen brev å skrive ut.');
  doc.end();
  return bytes;
}

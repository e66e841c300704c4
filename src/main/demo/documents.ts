// Documents of the demo batch, made with the same builders as the real forms.
import { formDocx } from '../forms/docx.js';
import { WIDTHS } from '../forms/content.js';
import { formPdf } from '../forms/pdf.js';

const doc = (title: string, lines: string[]) => ({
  title,
  widths: WIDTHS,
  rows: [],
  after: lines.map((text) => ({ text })),
});

/** Stands in for a signed and stamped scan: the printed form, as a PDF. */
export function demoScan(title: string, lines: string[]): Promise<Buffer> {
  return formPdf({ ...doc(title, lines), sign: { name: '(签字)', seal: '(盖章)', date: true } });
}

export function demoDocx(title: string, lines: string[]): Promise<Buffer> {
  return formDocx(doc(title, lines));
}

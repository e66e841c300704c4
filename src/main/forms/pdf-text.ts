// Measuring and breaking text for the print PDFs: Chinese breaks between any two characters, a Latin word or number
// stays whole when it fits, and a line never starts with closing punctuation (避头点). ☐/☑ are measured in the
// symbol font they are drawn in. Measured once, drawn as measured: the layout and the page agree to the point.

export type Doc = PDFKit.PDFDocument;
export type FontName = 'body' | 'bold' | 'sym';

const SYMBOL = /[☐☑]/;
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〉】〕…—,.;:?!)]}%·']);
const NO_LINE_END = new Set([...'(（《「『“‘〈【〔[{']);
const WORD = /[A-Za-z0-9@._\-/:#&=+~%]/;

export class Measure {
  private cache = new Map<string, number>();
  constructor(private doc: Doc) {}

  char(ch: string, font: FontName, size: number): number {
    const f = SYMBOL.test(ch) ? 'sym' : font;
    const key = `${f}\u0000${size}\u0000${ch}`;
    let w = this.cache.get(key);
    if (w === undefined) {
      w = this.doc.font(f).fontSize(size).widthOfString(ch);
      this.cache.set(key, w);
    }
    return w;
  }

  width(text: string, font: FontName, size: number): number {
    let w = 0;
    for (const ch of text) w += this.char(ch, font, size);
    return w;
  }

  /** The lines `text` takes at `width`: each \n starts a line; an empty paragraph is an empty line. */
  wrap(text: string, width: number, font: FontName, size: number): string[] {
    const out: string[] = [];
    for (const para of text.split('\n')) {
      if (para === '') {
        out.push('');
        continue;
      }
      const tokens = para.match(/[A-Za-z0-9@._\-/:#&=+~%]+|[\s\S]/gu) ?? [];
      let line = '';
      let w = 0;
      const push = () => {
        out.push(line.replace(/\s+$/, ''));
        line = '';
        w = 0;
      };
      for (const tok of tokens) {
        const tw = this.width(tok, font, size);
        if (w + tw <= width) {
          line += tok;
          w += tw;
          continue;
        }
        if (tok.length > 1 && WORD.test(tok[0]!) && tw > width) {
          // A word longer than the line: break it by characters.
          for (const ch of tok) {
            const cw = this.char(ch, font, size);
            if (w + cw > width && line) push();
            line += ch;
            w += cw;
          }
          continue;
        }
        if (/^\s+$/.test(tok)) {
          push();
          continue;
        }
        if (line && NO_LINE_START.has(tok) ) {
          // Closing punctuation may not start a line: the line's last character goes down with it.
          const chars = Array.from(line);
          if (chars.length > 1) {
            let carry = chars.pop()!;
            // …and an opening bracket before it goes down too (a line never ends with one).
            if (chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
            line = chars.join('');
            push();
            line = carry;
            w = this.width(carry, font, size);
          } else push();
        } else if (line) {
          // An opening bracket may not end a line: it goes down with what it opens.
          const chars = Array.from(line);
          const last = chars[chars.length - 1]!;
          if (chars.length > 1 && NO_LINE_END.has(last)) {
            line = chars.slice(0, -1).join('');
            push();
            line = last;
            w = this.width(last, font, size);
          } else push();
        }
        line += tok;
        w += tw;
      }
      if (line || out.length === 0) push();
    }
    return out;
  }
}

/** Draws one line at (x, y) as measured, switching to the symbol font for ☐ and ☑. */
export function drawLine(doc: Doc, m: Measure, line: string, x: number, y: number, font: FontName, size: number): void {
  let cx = x;
  for (const part of line.split(/([☐☑])/)) {
    if (!part) continue;
    const f = SYMBOL.test(part) ? 'sym' : font;
    // Laid out character by character, as measured (pdf.ts, layOutByCharacter).
    doc.font(f).fontSize(size).text(part, cx, y, { lineBreak: false });
    cx += m.width(part, font, size);
  }
}

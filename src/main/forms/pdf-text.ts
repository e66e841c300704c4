// Measuring and breaking text for the print PDFs: Chinese breaks between any two characters, a Latin word or number
// stays whole when it fits, and a line never starts with closing punctuation (避头点). ☐/☑ are measured in the
// symbol font they are drawn in. Measured once, drawn as measured: the layout and the page agree to the point.

export type Doc = PDFKit.PDFDocument;
export type FontName = 'body' | 'bold' | 'sym';

const SYMBOL = /[☐☑]/;
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〉】〕…—,.;:?!)]}%·']);
const NO_LINE_END = new Set([...'(（《「『“‘〈【〔[{']);

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

  /**
   * The lines `text` takes at `width`: each \n starts a line; an empty paragraph is an empty line. A Latin word or
   * number is never broken unless it is longer than a line; with `names`, neither is a name in a list joined by 、.
   * A line never starts with closing punctuation (the run of it goes down with the token before) nor ends with an
   * opening bracket (it goes down with what it opens).
   */
  wrap(text: string, width: number, font: FontName, size: number, options: { names?: boolean } = {}): string[] {
    const out: string[] = [];
    for (const para of text.split('\n')) {
      if (para === '') {
        out.push('');
        continue;
      }
      const tokens =
        (options.names
          ? para.match(/[^、，,\s]+[、，,]?|\s+|[\s\S]/gu)
          : para.match(/[A-Za-z0-9@._\-/:#&=+~%]+|[\s\S]/gu)) ?? [];
      let line: string[] = [];
      let w = 0;
      const push = () => {
        out.push(line.join('').replace(/\s+$/, ''));
        line = [];
        w = 0;
      };
      const place = (tok: string, tw: number) => {
        line.push(tok);
        w += tw;
      };
      for (const tok of tokens) {
        const tw = this.width(tok, font, size);
        if (w + tw <= width) {
          place(tok, tw);
          continue;
        }
        if (/^\s+$/.test(tok)) {
          push();
          continue;
        }
        if (tok.length > 1 && tw > width) {
          // A word (or name) longer than a line: broken by characters.
          for (const ch of tok) {
            const cw = this.char(ch, font, size);
            if (w + cw > width && line.length) push();
            place(ch, cw);
          }
          continue;
        }
        // What goes down with `tok`: closing punctuation takes the token before it (and the run of closing
        // punctuation before that); an opening bracket at the line's end goes down with what follows.
        let carry = 0;
        if (NO_LINE_START.has(tok)) {
          while (carry < line.length - 1 && NO_LINE_START.has(line[line.length - 1 - carry]!)) carry += 1;
          if (carry < line.length - 1) carry += 1;
        }
        while (carry < line.length - 1 && NO_LINE_END.has(line[line.length - 1 - carry]!)) carry += 1;
        const tail = line.slice(line.length - carry);
        const fits = carry > 0 && this.width(tail.join(''), font, size) + tw <= width;
        const down = fits ? line.splice(line.length - carry) : [];
        if (line.length) push();
        for (const d of down) place(d, this.width(d, font, size));
        place(tok, tw);
      }
      if (line.length || out.length === 0) push();
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

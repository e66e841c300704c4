// Text helpers the rules and the catalog agree on.

/**
 * Folds full-width ASCII (Ａ１＠) to half-width and the ideographic space to a plain one, trims, and
 * collapses runs of white space: "张　强" and " 张 强 " name the same person.
 */
export function fold(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\s]+/g, ' ')
    .trim();
}

/** The identity key of a person: (name, unit) folded, with the spaces inside a Chinese name dropped. */
export function personKey(name: string, unit: string): string {
  return `${fold(name).replace(/ /g, '')}\u0000${fold(unit).replace(/ /g, '')}`;
}

/** Characters, not bytes or UTF-16 units: a Chinese character or an emoji counts once. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * 字数 as the notice's reader counts them: characters without white space — neither spaces nor line breaks count
 * (推荐评语 "不少于100字", a field's "300字以内"). The check, the window's counters and the forms all count with it.
 */
export function charCountNoSpace(text: string): number {
  return charCount(text.replace(/[\s\u3000]/g, ''));
}

export function isBlank(text: string | null | undefined): boolean {
  return text == null || fold(text) === '';
}

/** The extension of a path, lower-case with its dot ('' when none). Works for / and \ separators. */
export function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** How deep arrays and objects nest in a JSON text (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // a backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth -= 1;
  }
  return max;
}

/**
 * A JSON text with every run of white space outside strings cut to at most `keep` characters: the same JSON, the
 * same line numbers for any sane file, and a syntax checker that walks it character by character stays small.
 */
export function compactJsonWhitespace(text: string, keep = 256): string {
  if (!new RegExp(`[ \\t\\r\\n]{${keep + 1}}`).test(text)) return text;
  const out: string[] = [];
  let inString = false;
  let run = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      run += 1;
      if (run === keep + 1) {
        out.push(text.slice(from, i));
      }
      if (run > keep) from = i + 1;
      continue;
    }
    run = 0;
    if (c === 34) inString = true;
  }
  out.push(text.slice(from));
  return out.join('');
}

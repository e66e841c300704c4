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

/** Characters without white space (推荐评语 "不少于100字" does not count spaces or line breaks). */
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

export const MOBILE = /^1\d{10}$/;
export const LANDLINE = /^[\d-]+$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

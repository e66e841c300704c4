// Safe names for Windows folders and the cloud drive. Serves `title.unsafe-chars` and the export.
// The export lands on NTFS or exFAT (case-insensitive, device names reserved, trailing dots and spaces dropped by
// Explorer) and is downloaded again on Linux and macOS (255 bytes a name, less the cloud client's suffixes).
import type { RuleDescriptor } from './descriptor.js';

/** Characters Windows refuses in a name, with the full-width look-alike we put in their place. */
const REPLACEMENTS: Record<string, string> = {
  '\\': '＼',
  '/': '／',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
};

// Device names: also with any extension (`AUX.mp4`, `con.tar.gz`) and with spaces before the dot (`NUL .txt`);
// COM/LPT with 0–9 and the superscript digits ¹²³ Windows also accepts; the console's CONIN$ and CONOUT$.
const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;

/** Whether Windows takes this name (a whole path component) for a device: such a file cannot be made. */
export function isReservedName(name: string): boolean {
  const dot = name.indexOf('.');
  return DEVICE.test((dot < 0 ? name : name.slice(0, dot)).replace(/[ ]+$/, ''));
}

/** A name's limits: NTFS/exFAT count UTF-16 units; Linux and macOS file systems bytes of UTF-8 (255), of which
 * a cloud client's download keeps a few for its own suffixes: 240 is what survives everywhere. */
export const NAME_LIMITS = { utf16: 255, utf8: 240 } as const;

export function utf8Length(text: string): number {
  let n = 0;
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function fitsNameLimits(name: string): boolean {
  return name.length <= NAME_LIMITS.utf16 && utf8Length(name) <= NAME_LIMITS.utf8;
}

/**
 * The longest start of `stem` (whole characters, ends trimmed again) such that head + stem + tail fits a name's
 * limits: the part of a name that may be shortened (a title, a source file's own name) between fixed parts.
 */
export function fitStem(head: string, stem: string, tail: string): string {
  if (fitsNameLimits(head + stem + tail)) return stem;
  const chars = Array.from(stem);
  let n = chars.length;
  while (n > 0 && !fitsNameLimits(head + chars.slice(0, n).join('') + tail)) n -= 1;
  return trimEnds(chars.slice(0, n).join(''));
}

/** The longest start of text (whole characters, ends trimmed) of at most maxBytes bytes of UTF-8. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let n = 0;
  for (const c of text) {
    n += utf8Length(c);
    if (n > maxBytes) break;
    out += c;
  }
  return trimEnds(out);
}

/** Leading and trailing spaces and dots: Explorer drops trailing ones, so the name on disk would differ. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.\u3000]+|[\s.\u3000]+$/g, '');
}

/** What is wrong with a finished path component on Windows or after a download (empty when nothing is). */
export function windowsNameProblems(name: string): string[] {
  const out: string[] = [];
  if (name === '') out.push('名称为空');
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(name)) out.push('含控制字符');
  if (/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name)) out.push('含改变文字方向或不可见的控制符');
  if (/[\\/:*?"<>|]/.test(name)) out.push('含 Windows 不允许的字符');
  if (/[ .]$/.test(name)) out.push('以空格或“.”结尾');
  if (isReservedName(name)) out.push('是 Windows 的设备保留名');
  if (name.length > NAME_LIMITS.utf16) out.push(`超过 ${NAME_LIMITS.utf16} 个字符`);
  if (utf8Length(name) > NAME_LIMITS.utf8) out.push(`超过 ${NAME_LIMITS.utf8} 字节(UTF-8)`);
  return out;
}

/** The key under which NTFS and exFAT see two names as one file: case and Unicode form ignored. */
export function windowsNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase();
}
// Emoji and pictographs: the cloud-drive client and older Windows tools mangle them.
// eslint-disable-next-line no-misleading-character-class -- the joiner and the variation selector are removed one by one
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
// Bidirectional and invisible format characters: U+202E shows "作品gpj.exe" as "作品exe.jpg" — a name must read as
// it is (LRM/RLM, the embeddings and overrides, the isolates, BOM and zero-width space).
const BIDI = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export interface Substitution {
  from: string;
  to: string;
  why: string;
}

export interface SafeName {
  name: string;
  changes: Substitution[];
}

/** Makes one path component safe; every change is reported so the user can be told how. */
export function safeName(raw: string): SafeName {
  const changes: Substitution[] = [];
  let name = raw.replace(CONTROL, (c) => {
    changes.push({ from: `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, to: '', why: '控制字符' });
    return '';
  });
  name = name.replace(BIDI, (c) => {
    changes.push({
      from: `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      to: '',
      why: '改变文字方向或不可见的控制符',
    });
    return '';
  });
  name = name.replace(/[\\/:*?"<>|]/g, (c) => {
    const to = REPLACEMENTS[c]!;
    changes.push({ from: c, to, why: 'Windows 不允许的字符' });
    return to;
  });
  name = name.replace(EMOJI, (c) => {
    if (c !== '\uFE0F' && c !== '\u200D') changes.push({ from: c, to: '', why: '表情符号' });
    return '';
  });
  const trimmed = trimEnds(name);
  if (trimmed !== name) {
    changes.push({ from: '首尾的空格或点', to: '', why: '首尾不能是空格或“.”' });
    name = trimmed;
  }
  if (isReservedName(name)) {
    changes.push({ from: name, to: `_${name}`, why: 'Windows 保留名' });
    name = `_${name}`;
  }
  return { name, changes };
}

/** The Chinese sentence that tells the user what was replaced. */
export function describeChanges(changes: Substitution[]): string {
  return changes
    .map((c) =>
      c.to
        ? `“${c.from}”改为“${c.to}”(${c.why})`
        : `去掉${c.from.startsWith('U+') || c.from.length <= 2 ? `“${c.from}”` : c.from}(${c.why})`,
    )
    .join('；');
}

/** The naming rules: what each is (src/shared/rules/descriptor.ts). */
export const NAMING_DESCRIPTORS = {
  'title.too-long': {
    severity: 'warning',
    checks: 'a work folder name longer than a file system takes: cut in the export',
    source: '附表1-6 注 2',
    focus: 'title',
  },
  'file.export-name': {
    severity: 'warning',
    checks:
      'a file or folder name the export must change (a Windows device name, a case-only clash, a long author or kept name)',
    source: 'tool',
  },
} as const satisfies Record<string, RuleDescriptor>;

// Safe names for Windows folders and the cloud drive. Serves `title.unsafe-chars` and the export.

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

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
// Emoji and pictographs: the cloud-drive client and older Windows tools mangle them.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

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
  name = name.replace(/[\\/:*?"<>|]/g, (c) => {
    const to = REPLACEMENTS[c]!;
    changes.push({ from: c, to, why: 'Windows 不允许的字符' });
    return to;
  });
  name = name.replace(EMOJI, (c) => {
    if (c !== '\uFE0F' && c !== '\u200D') changes.push({ from: c, to: '', why: '表情符号' });
    return '';
  });
  const trimmed = name.replace(/^[\s.\u3000]+|[\s.\u3000]+$/g, '');
  if (trimmed !== name) {
    changes.push({ from: '首尾的空格或点', to: '', why: '首尾不能是空格或“.”' });
    name = trimmed;
  }
  if (RESERVED.test(name)) {
    changes.push({ from: name, to: `_${name}`, why: 'Windows 保留名' });
    name = `_${name}`;
  }
  return { name, changes };
}

/** The Chinese sentence that tells the user what was replaced. */
export function describeChanges(changes: Substitution[]): string {
  return changes
    .map((c) => (c.to ? `“${c.from}”改为“${c.to}”(${c.why})` : `去掉${c.from.startsWith('U+') || c.from.length <= 2 ? `“${c.from}”` : c.from}(${c.why})`))
    .join('；');
}

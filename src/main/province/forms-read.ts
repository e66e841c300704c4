// The units' Word forms read back (issue 17): 附表1-4 (组织单位及联系人信息表) and 1-6 (云盘报送要求) at a tree's root,
// 附表1-2 (推荐意见: the 质性评语) and 1-1 (作品登记表: the contact's e-mail) in each work's folder. This tool's own
// forms and hand-filled copies of the official template are read alike: table rows, each cell's paragraphs,
// a label cell followed by its value. Only .docx is read (an old .doc or a scan is not: the caller says so).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FormsRead } from '../../shared/api/province.js';
import type { Group } from '../../shared/model.js';
import { yauzl } from '../lazy.js';

/** word/document.xml of a .docx, or null when it is not one. */
async function documentXml(path: string): Promise<string | null> {
  const lib = await yauzl();
  return new Promise((resolve) => {
    lib.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      let found = false;
      zip.on('entry', (entry: { fileName: string; uncompressedSize: number }) => {
        if (entry.fileName !== 'word/document.xml' || entry.uncompressedSize > 32 * 1024 * 1024) return zip.readEntry();
        found = true;
        zip.openReadStream(entry as never, (e, stream) => {
          if (e || !stream) return resolve(null);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => (zip.close(), resolve(Buffer.concat(chunks).toString('utf8'))));
          stream.on('error', () => resolve(null));
        });
      });
      zip.on('end', () => found || resolve(null));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    });
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference as its character; one that names no character (&#1114112;) is U+FFFD, never an error. */
const codePoint = (n: number) =>
  Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|\w{1,10});/gi, (m, e: string) =>
    e[0] === '#'
      ? codePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/**
 * Every table row of the document, each cell's paragraphs joined by new lines (nested tables flattened into the
 * outer cell). One pass over the tags (linear whatever the XML: a form of 200,000 unclosed rows is read in
 * milliseconds, not minutes): runs' text, tabs as spaces, breaks as new lines.
 */
export function rowsOfXml(xml: string): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let para = '';
  let inPara = false;
  let rowDepth = 0;
  let cellDepth = 0;
  const tag = /<(\/?)w:(tr|tc|p|t|tab|br|cr)(?=[\s/>])[^>]*>/g;
  for (let m: RegExpExecArray | null; (m = tag.exec(xml));) {
    const closing = m[1] === '/';
    const name = m[2]!;
    const selfClosing = m[0].endsWith('/>');
    if (name === 'tr') {
      if (closing) {
        rowDepth = Math.max(0, rowDepth - 1);
        if (rowDepth === 0 && row) {
          rows.push(row);
          row = null;
          cell = null;
        }
      } else if (!selfClosing && ++rowDepth === 1) row = [];
    } else if (name === 'tc') {
      if (closing) {
        cellDepth = Math.max(0, cellDepth - 1);
        if (cellDepth === 0 && row && cell) {
          row.push(cell.join('\n'));
          cell = null;
        }
      } else if (!selfClosing && ++cellDepth === 1 && row) cell = [];
    } else if (name === 'p') {
      if (closing) {
        if (inPara && cell) cell.push(para);
        inPara = false;
      } else if (!selfClosing) {
        inPara = true;
        para = '';
      } else if (cell) cell.push('');
    } else if (name === 't') {
      if (!closing && !selfClosing) {
        const end = xml.indexOf('<', tag.lastIndex);
        para += unescape(xml.slice(tag.lastIndex, end < 0 ? xml.length : end));
      }
    } else if (!closing) para += name === 'tab' ? ' ' : '\n';
  }
  return rows;
}

export async function docxRows(path: string): Promise<string[][] | null> {
  const xml = await documentXml(path);
  return xml === null ? null : rowsOfXml(xml);
}

/** A label without spaces, colons and its bracketed note: "组织单位名称(按单位公章填写)" → "组织单位名称". */
const label = (cell: string) =>
  cell
    .split('\n')[0]!
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u3000:：]/g, '');
const value = (cell: string | undefined) =>
  (cell ?? '')
    .replace(/[（(](分享链接地址[^）)]*)[）)]/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Each label's value: the cell after a cell whose label is one of `labels` (first found wins). */
function labelled(rows: string[][], labels: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const cells of rows) {
    for (let i = 0; i + 1 < cells.length; i += 1) {
      const l = label(cells[i]!);
      const hit = labels.find((x) => l === x || l.endsWith(x));
      if (hit && !out.has(hit)) out.set(hit, value(cells[i + 1]));
    }
  }
  return out;
}

export interface UnitForm {
  name: string;
  group: Group | null;
  contact: string;
  department: string;
  mobile: string;
  title: string;
  phone: string;
  qq: string;
  email: string;
  postcode: string;
  address: string;
}

/** 附表1-4's values. */
export function unitForm(rows: string[][]): UnitForm {
  const v = labelled(rows, [
    '组织单位名称',
    '活动联系人',
    '负责部门',
    '手机号',
    '职务',
    '座机号',
    'QQ',
    '电子信箱',
    '邮政编码',
    '通信地址',
    '组别',
  ]);
  const g = v.get('组别') ?? '';
  // The ticked box: ☑/■/√ before the group's name.
  const ticked = (name: string) => new RegExp(`[☑■√✓✔]\\s*${name}`).test(g);
  const group: Group | null =
    ticked('中小学') && !ticked('高等') ? 'k12' : ticked('高等') && !ticked('中小学') ? 'higher' : null;
  return {
    name: v.get('组织单位名称') ?? '',
    group,
    contact: v.get('活动联系人') ?? '',
    department: v.get('负责部门') ?? '',
    mobile: v.get('手机号') ?? '',
    title: v.get('职务') ?? '',
    phone: v.get('座机号') ?? '',
    qq: v.get('QQ') ?? '',
    email: v.get('电子信箱') ?? '',
    postcode: v.get('邮政编码') ?? '',
    address: v.get('通信地址') ?? '',
  };
}

/** 附表1-6's share link and code. */
export function cloudForm(rows: string[][]): { cloudLink: string; cloudCode: string } {
  const v = labelled(rows, ['云盘链接地址', '访问密码']);
  return { cloudLink: v.get('云盘链接地址') ?? '', cloudCode: v.get('访问密码') ?? '' };
}

/** 附表1-2: the work it is for and its 质性评语 (the tall cell's text after its label). */
export function recommendationForm(rows: string[][]): { title: string; comment: string } {
  const v = labelled(rows, ['作品名称']);
  let comment = '';
  for (const cells of rows) {
    const cell = cells.find((c) => /^\s*质性评语/.test(c));
    if (cell === undefined) continue;
    comment = cell.replace(/^\s*质性评语[：:]?\s*([（(][^）)]*[）)])?/, '').trim();
    break;
  }
  return { title: v.get('作品名称') ?? '', comment };
}

/** 附表1-1: the work it is for and its contact's (the first author's) details. */
export function registrationForm(rows: string[][]): { title: string; email: string; mobile: string; phone: string } {
  const v = labelled(rows, ['作品名称', '电子邮箱', '手机', '固定电话']);
  return {
    title: v.get('作品名称') ?? '',
    email: v.get('电子邮箱') ?? '',
    mobile: v.get('手机') ?? '',
    phone: v.get('固定电话') ?? '',
  };
}

/** The first .docx in dir whose name says what it is. */
export async function findForm(dir: string, name: RegExp): Promise<string | null> {
  try {
    const hit = (await readdir(dir)).filter((f) => name.test(f) && /\.docx$/i.test(f) && !f.startsWith('~$')).sort()[0];
    return hit ? join(dir, hit) : null;
  } catch {
    return null;
  }
}

export const FORM_NAMES = {
  unit: /组织单位及联系人信息表|附表\s*1-4/,
  cloud: /云盘报送要求|附表\s*1-6/,
  recommendation: /推荐意见|附表\s*1-2/,
  registration: /作品登记表|附表\s*1-1/,
};

interface PlanWork {
  key: string;
  title: string;
  comment: string;
  authors: { name: string; mobile: string; email: string; phone: string }[];
  files: { path: string; origin?: string }[];
}
interface Plan {
  unit: Record<string, unknown>;
  works: PlanWork[];
}

/** The unit's 附表1-4 at the tree's root, when there is a readable one. */
export async function treeUnitForm(tree: string): Promise<UnitForm | null> {
  const file = await findForm(tree, FORM_NAMES.unit);
  const rows = file ? await docxRows(file) : null;
  return rows ? unitForm(rows) : null;
}

/**
 * Fills what intake's plan leaves empty from the tree's Word forms: the unit's 附表1-4 and 1-6 values, each work's
 * 质性评语 (附表1-2 in its folder) and its contact's e-mail and phone (附表1-1). A value the plan has stays.
 */
export async function fillFromForms(tree: string, plan: Plan): Promise<FormsRead> {
  const read: FormsRead = { unit: false, cloud: false, comments: 0, registrations: 0, works: plan.works.length };
  const u = await treeUnitForm(tree);
  const setUnit = (key: string, v: string | null) => {
    if (v && !plan.unit[key]) plan.unit[key] = v;
  };
  if (u) {
    read.unit = true;
    for (const key of [
      'contact',
      'department',
      'mobile',
      'title',
      'phone',
      'qq',
      'email',
      'postcode',
      'address',
    ] as const)
      setUnit(key, u[key]);
    if (u.group) plan.unit.group = u.group;
  }
  const cloudFile = await findForm(tree, FORM_NAMES.cloud);
  const cloudRows = cloudFile ? await docxRows(cloudFile) : null;
  if (cloudRows) {
    read.cloud = true;
    const c = cloudForm(cloudRows);
    setUnit('cloudLink', c.cloudLink);
    setUnit('cloudCode', c.cloudCode);
  }
  for (const w of plan.works) {
    // A work sent as a ZIP has no folder in the tree to read.
    if (w.files.some((f) => f.origin)) continue;
    const dir = join(tree, ...w.key.split('/'));
    const rec = await findForm(dir, FORM_NAMES.recommendation);
    const recRows = rec ? await docxRows(rec) : null;
    if (recRows) {
      const r = recommendationForm(recRows);
      if (r.comment) {
        if (!w.comment) w.comment = r.comment;
        read.comments += 1;
      }
    }
    const reg = await findForm(dir, FORM_NAMES.registration);
    const regRows = reg ? await docxRows(reg) : null;
    const first = w.authors[0];
    if (regRows && first) {
      const r = registrationForm(regRows);
      if (!first.email) first.email = r.email;
      if (!first.mobile) first.mobile = r.mobile;
      if (!first.phone) first.phone = r.phone;
      read.registrations += 1;
    }
  }
  return read;
}

// Small builders for rule tests: a valid unit, a valid work of any category, and facts that fit them.
import type {
  Author,
  CategoryId,
  ContentKind,
  FileFacts,
  FileRef,
  Finding,
  Role,
  TitleCardFacts,
  Unit,
  VideoFacts,
  Work,
} from '../../src/shared/model.js';
import { runRules } from '../../src/shared/rules/index.js';
import { liaoning29 as profile } from '../../src/shared/rules/liaoning-29.js';
import type { Format } from '../../src/shared/rules/profile.js';

let nextId = 1;
const id = () => nextId++;

export const COMMENT = '该作品紧扣课程标准，教学目标明确，重难点突出，信息技术与学科教学融合自然。'.repeat(4);

export function file(role: Role, path: string): FileRef {
  return { id: id(), role, path, absPath: `/batch/${path}`, size: 1000, mtimeMs: 1, origin: null };
}

export function unit(overrides: Partial<Unit> = {}): Unit {
  return {
    edition: 'liaoning-29',
    name: '沈阳市教育局',
    kind: 'city-major',
    city: '沈阳',
    group: 'k12',
    department: '电化教育馆',
    contact: '李明',
    title: '科长',
    mobile: '13800000000',
    phone: '024-12345678',
    qq: '12345',
    email: 'li@example.cn',
    postcode: '110000',
    address: '沈阳市和平区南京街1号',
    cloudLink: 'https://pan.baidu.com/s/1abc',
    cloudCode: 'ab12',
    files: [
      file('unit-info-scan', 'unit/信息表.pdf'),
      file('summary-scan', 'unit/汇总表.pdf'),
      file('cloud-scan', 'unit/云盘.pdf'),
      file('report-scan', 'unit/报告.pdf'),
    ],
    ...overrides,
  };
}

let personNo = 1;
export function author(overrides: Partial<Author> = {}): Author {
  const n = personNo++;
  return {
    personId: n,
    name: `作者${n}`,
    unit: '沈阳市第一中学',
    mobile: `139${String(n).padStart(8, '0')}`,
    email: `a${n}@example.cn`,
    phone: '',
    ...overrides,
  };
}

const GRADE: Partial<Record<CategoryId, string>> = {
  courseware: '八年级',
  microlecture: '一年级',
  'teaching-case': '八年级',
  'course-case': '职业教育',
};

/** A work that passes every rule (all files present, checklist ticked). */
export function work(category: CategoryId, overrides: Partial<Work> = {}): Work {
  const spec = profile.categories[category];
  const wid = id();
  const files = spec.roles.flatMap((r) =>
    Array.from({ length: r.min }, (_, i) => file(r.role, `w${wid}/${r.role}-${i + 1}.${extFor(r.formats[0]!)}`)),
  );
  const stage = category === 'course-case' ? 'vocational' : category === 'microlecture' ? 'primary' : 'junior';
  return {
    id: wid,
    key: `w${wid}`,
    position: wid,
    category,
    stage,
    variant: spec.variants ? 'school' : null,
    title: `作品${wid}`,
    subject: spec.needsGradeSubject ? '物理' : '',
    grade: GRADE[category] ?? '',
    share: true,
    comment: COMMENT,
    space: false,
    authors: [author()],
    fields: {},
    scenes: spec.scenes ? [profile.scenes[spec.scenes][0]!] : [],
    checklist: Object.fromEntries(
      profile.checklist.filter((c) => c.categories.includes(category)).map((c) => [c.id, true]),
    ),
    files,
    ...overrides,
  };
}

function extFor(format: Format): string {
  return {
    mp4: 'mp4',
    pdf: 'pdf',
    word: 'docx',
    ppt: 'pptx',
    zip: 'zip',
    jpg: 'jpg',
    png: 'png',
    tiff: 'tif',
    psd: 'psd',
    ai: 'ai',
    txt: 'txt',
    any: 'exe',
  }[format];
}

const KIND_OF_EXT: Record<string, ContentKind> = {
  mp4: 'mp4',
  pdf: 'pdf',
  docx: 'docx',
  pptx: 'pptx',
  zip: 'zip',
  jpg: 'jpg',
  png: 'png',
  tif: 'tiff',
  psd: 'psd',
  ai: 'pdf',
  txt: 'text',
  exe: 'unknown',
};

/** A video that passes every video rule of its role. */
export function goodVideo(role: Role): VideoFacts {
  const feature = role === 'feature-video';
  return {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    majorBrand: 'isom',
    durationS: feature ? 300 : 420,
    bitRate: 8e6,
    codec: 'h264',
    profile: 'High',
    codedWidth: 1920,
    codedHeight: 1080,
    width: 1920,
    height: 1080,
    rotation: 0,
    aspect: 16 / 9,
    fps: 25,
    audio: { codec: 'aac', bitRate: 128e3, channels: 2 },
  };
}

const BLUE_CARD: TitleCardFacts = {
  contactSheet: null,
  frames: [1, 4].map((atS) => ({ atS, mean: [30, 60, 170], stdev: [40, 40, 30], dominant: [24, 56, 168], blue: true })),
};

/** Facts that fit each file: a present, readable file of the right kind, with passing probe facts. */
export function factFor(f: FileRef): FileFacts {
  const kind = KIND_OF_EXT[f.path.split('.').pop()!] ?? 'unknown';
  const facts: FileFacts = { exists: true, readable: true, size: 1000, kind };
  if (kind === 'mp4') facts.video = goodVideo(f.role);
  if (f.role === 'lecture-video') facts.titleCard = BLUE_CARD;
  if (f.role === 'board-main') {
    facts.size = 8e6;
    facts.image = { format: 'jpeg', width: 21024, height: 9272, space: 'cmyk', dpi: 300 };
  }
  if (f.role === 'board-main-source') {
    facts.size = 60e6;
    facts.image = { format: 'psd', width: 21024, height: 9272, space: 'cmyk', dpi: 300, bitDepth: 8 };
  }
  if (kind === 'zip')
    facts.zip = {
      entries: 1,
      encrypted: [],
      encryptedCount: 0,
      legacyNames: [],
      legacyCount: 0,
      unsafePaths: [],
      unsafeCount: 0,
      compressedBytes: 500,
      uncompressedBytes: 900,
    };
  if (kind === 'pdf')
    facts.pdf = { version: '1.7', encrypted: false, complete: true, pages: 1, pageWidthPt: 595, pageHeightPt: 842 };
  return facts;
}

export function factsFor(units: (Unit | null)[], works: Work[]): Map<string, FileFacts> {
  const all = [...units.flatMap((u) => u?.files ?? []), ...works.flatMap((w) => w.files)];
  return new Map(all.map((f) => [f.absPath, factFor(f)]));
}

export interface Scenario {
  unit?: Unit | null;
  works: Work[];
  facts?: Map<string, FileFacts>;
}

export function findings(s: Scenario): Finding[] {
  const u = s.unit === undefined ? unit() : s.unit;
  const facts = factsFor([u], s.works);
  for (const [k, v] of s.facts ?? []) facts.set(k, v);
  return runRules({ profile, catalog: { unit: u, works: s.works }, facts });
}

export function rulesOf(list: Finding[]): string[] {
  return [...new Set(list.map((f) => f.rule))].sort();
}

export { profile };

// Batch files on disk for import and CLI tests: a valid one with real files, and ways to break it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMMENT, unit } from './build.js';
import { FIXTURES, minimalPdf, writeZip } from './files.js';
import { clip } from './media.js';

export type Json = Record<string, any>;

/** The builders' valid unit, as a batch file writes it. */
export function validUnit(): Json {
  const { edition: _e, files, ...values } = unit();
  return { ...values, files: files.map((f) => ({ role: f.role, path: f.path })) };
}

export function microlecture(key: string, author: string, overrides: Json = {}): Json {
  return {
    key,
    category: 'microlecture',
    stage: 'primary',
    variant: null,
    title: `小小的船${key}`,
    subject: '语文',
    grade: '一年级',
    share: true,
    authors: [{ name: author, unit: '沈阳市和平区第一小学', mobile: '13800000001', email: 'z@q.cn', phone: '' }],
    comment: COMMENT,
    fields: { 作品特点: '以儿歌导入。', 作品安装运行说明: '任意播放器。', 教材版本: '人教版' },
    scenes: [],
    space: false,
    files: [
      { role: 'registration-scan', path: `works/${key}/登记表.pdf` },
      { role: 'recommendation-scan', path: `works/${key}/推荐意见.pdf` },
      { role: 'lecture-video', path: `works/${key}/微课.mp4` },
      { role: 'materials', path: `works/${key}/相关材料.zip` },
    ],
    checklist: { 'checklist.title-card-text': true, 'checklist.teacher-on-screen': true, 'checklist.citations': true },
    ...overrides,
  };
}

export function validBatch(works = [microlecture('w1', '张强'), microlecture('w2', '王芳')]): Json {
  return { edition: 'liaoning-29', unit: validUnit(), works };
}

/** Writes every file a batch references (real PDFs, MP4s and ZIPs), then the batch file itself. */
export async function writeBatch(dir: string, batch: Json, name = 'batch.json'): Promise<string> {
  const files = [...(batch.unit?.files ?? []), ...(batch.works ?? []).flatMap((w: Json) => w.files ?? [])];
  for (const f of files as { path: string }[]) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    if (path.endsWith('.pdf')) writeFileSync(path, minimalPdf());
    else if (path.endsWith('.mp4')) copyFileSync(clip('lecture.mp4'), path);
    else if (path.endsWith('.zip')) await writeZip(path, { '学习指导.txt': '练习题' });
    else if (path.endsWith('.docx')) copyFileSync(join(FIXTURES, 'docx_word2010_with_picture.docx'), path);
  }
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(batch, null, 2));
  return file;
}

// The freeze audit (issue 17): a unit's cloud tree is recorded when the province office first verifies it — every
// file's SHA-256 and size — and verified again later against that record, not against the tree's own
// manifest.sha256 (which whoever changes a file can write again). The report names each file changed, added or
// removed since, and says when the tree's own manifest no longer matches it or was replaced. Hashing is
// hashTree's: every core, and with a journal only the files whose stat changed are read again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BaosongError } from '../../shared/errors.js';
import { hashFile } from '../fs/hash.js';
import { MANIFEST, parseManifest } from '../export/manifest.js';
import { listTree } from '../fs/tree.js';
import { hashTree, type HashJournal, type HashTreeOptions } from './hashes.js';

export interface FreezeRecord {
  /** ISO time of the recording. */
  recordedAt: string;
  /** The tree's own manifest.sha256, hashed (null: a hand-made tree without one). */
  manifestSha256: string | null;
  /** Every file but the manifest: relative path with / → its SHA-256 and size. */
  files: Record<string, { sha256: string; size: number }>;
}

export interface FreezeAudit {
  changed: string[];
  added: string[];
  removed: string[];
  /** The tree's manifest.sha256 is not the one recorded (written again, added or removed). */
  manifestReplaced: boolean;
  /** The tree against its own manifest.sha256, when it has one: files changed, missing, or outside it. */
  manifest: { changed: string[]; missing: string[]; extra: string[] } | null;
  /** Whether the tree now matches the record. */
  intact: boolean;
}

async function manifestHash(dir: string): Promise<string | null> {
  try {
    return (await hashFile(join(dir, MANIFEST))).sha256;
  } catch {
    return null;
  }
}

/**
 * Records the tree as it is now. A tree with a manifest must match it first: a tree that is already not what its
 * unit sent is refused, naming the files, rather than frozen as it is.
 */
async function treeFiles(dir: string, skipped?: { rel: string; why: string }[]): Promise<string[]> {
  try {
    return (await listTree(dir, '', skipped)).filter((rel) => rel !== MANIFEST).sort();
  } catch {
    throw new BaosongError('bad-input', `无法读取文件夹 ${dir}`);
  }
}

export async function recordFreeze(
  dir: string,
  signal?: AbortSignal,
  now = new Date(),
  journal?: HashJournal,
  skipped?: { rel: string; why: string }[],
): Promise<FreezeRecord> {
  const rels = await treeFiles(dir, skipped);
  const { hashes } = await hashTree(dir, rels, { signal, journal });
  const unread = rels.filter((rel) => !hashes.has(rel));
  if (unread.length)
    throw new BaosongError(
      'io',
      `${dir} 中有文件无法读取：${unread.slice(0, 5).join('、')}${unread.length > 5 ? ` 等 ${unread.length} 个` : ''}`,
    );
  const files: FreezeRecord['files'] = Object.fromEntries(rels.map((rel) => [rel, hashes.get(rel)!]));
  const manifestSha256 = await manifestHash(dir);
  if (manifestSha256) {
    const listed = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
    const wrong = [...listed].filter(([rel, sha]) => files[rel]?.sha256 !== sha).map(([rel]) => rel);
    const unlisted = rels.filter((rel) => !listed.has(rel));
    if (wrong.length || unlisted.length) {
      const few = (list: string[]) => `${list.slice(0, 5).join('、')}${list.length > 5 ? ` 等 ${list.length} 个` : ''}`;
      const parts = [
        ...(wrong.length ? [`与 manifest.sha256 不符或缺失：${few(wrong)}`] : []),
        ...(unlisted.length ? [`不在 manifest.sha256 中：${few(unlisted)}`] : []),
      ];
      throw new BaosongError(
        'bad-input',
        `${dir} 与它自己的 manifest.sha256 不一致，不能作为封存基准(${parts.join('；')})：请先向报送单位核实`,
      );
    }
  }
  return { recordedAt: now.toISOString(), manifestSha256, files };
}

/**
 * Verifies the tree against its record — what changed, was added or removed since — and against its own
 * manifest.sha256. `hashing.known` (a journal) spares re-reading files whose stat has not changed; without it
 * every file is read.
 */
export async function auditFreeze(
  dir: string,
  record: FreezeRecord,
  hashing: HashTreeOptions = {},
): Promise<FreezeAudit> {
  const rels = await treeFiles(dir);
  const { hashes } = await hashTree(dir, rels, hashing);
  const present = new Set(rels.filter((rel) => hashes.has(rel)));
  const changed = rels.filter(
    (rel) => record.files[rel] && hashes.has(rel) && hashes.get(rel)!.sha256 !== record.files[rel]!.sha256,
  );
  const added = rels.filter((rel) => !record.files[rel]);
  const removed = Object.keys(record.files)
    .filter((rel) => !present.has(rel))
    .sort();
  const manifestReplaced = (await manifestHash(dir)) !== record.manifestSha256;
  let manifest: FreezeAudit['manifest'] = null;
  const listed = await readFile(join(dir, MANIFEST), 'utf8').then(parseManifest, () => null);
  if (listed) {
    manifest = {
      changed: [...listed]
        .filter(([rel, sha]) => present.has(rel) && hashes.get(rel)!.sha256 !== sha)
        .map(([rel]) => rel),
      missing: [...listed.keys()].filter((rel) => !present.has(rel)),
      extra: [...present].filter((rel) => !listed.has(rel)),
    };
  }
  return {
    changed,
    added,
    removed,
    manifestReplaced,
    manifest,
    intact: !changed.length && !added.length && !removed.length && !manifestReplaced,
  };
}

/** The audit as a text the office can send back to the unit. */
export function freezeReport(unit: string, record: FreezeRecord, audit: FreezeAudit, now = new Date()): string {
  const day = (iso: string) => iso.slice(0, 10);
  const lines = [
    `${unit}：云盘文件夹封存核验(基准 ${day(record.recordedAt)}，核验 ${day(now.toISOString())}，基准共 ${Object.keys(record.files).length} 个文件)`,
  ];
  if (audit.intact) {
    lines.push('结论：与封存基准完全一致。');
    return `${lines.join('\n')}\n`;
  }
  lines.push('结论：封存后有改动。');
  if (audit.changed.length) lines.push(`内容被修改(${audit.changed.length})：`, ...audit.changed.map((r) => `  ${r}`));
  if (audit.added.length) lines.push(`新增(${audit.added.length})：`, ...audit.added.map((r) => `  ${r}`));
  if (audit.removed.length) lines.push(`删除(${audit.removed.length})：`, ...audit.removed.map((r) => `  ${r}`));
  if (audit.manifestReplaced)
    lines.push(
      record.manifestSha256 ? 'manifest.sha256 已被改写或删除。' : '封存时没有 manifest.sha256，现在多了一个。',
    );
  const m = audit.manifest;
  if (m && m.changed.length + m.missing.length + m.extra.length) {
    lines.push(
      `与文件夹自己的 manifest.sha256 相比：${m.changed.length} 个不符，${m.missing.length} 个缺少，${m.extra.length} 个不在清单中。`,
    );
  }
  return `${lines.join('\n')}\n`;
}

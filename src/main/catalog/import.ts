// `baosong import`: a batch file into the catalog, all or nothing.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { visit, printParseErrorCode } from 'jsonc-parser';
import type { ImportResult } from '../../shared/api.js';
import { batchSchema, describeIssue, jsonPath, type Batch } from '../../shared/batch.js';
import { BatchError, CatalogError } from '../../shared/errors.js';
import { compactJsonWhitespace, fold, jsonDepth } from '../../shared/text.js';
import type { WriteDb } from './db.js';
import { addFile } from './files.js';
import { getUnit, putUnit } from './unit.js';
import { UNIT_TEXT_KEYS, type UnitTextKey } from '../../shared/entities.js';
import { insertWork, workKeyExists } from './works.js';

const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** A batch nests five levels (works → a work → files → a file); anything past this is not a batch. */
const MAX_DEPTH = 32;

/** Reads and validates a batch file; throws BatchError (with the JSON path) for anything that cannot be stored. */
export function readBatch(file: string): Batch {
  // A regular file of sane size only: a FIFO would block for good, /dev/zero never end, a 120 MB file of white
  // space take gigabytes. A batch of a thousand works is a few MB.
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new BatchError(
      `无法读取批次文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`,
    );
  }
  if (!st.isFile())
    throw new BatchError(
      `批次文件 ${file} 不是普通文件(${st.isDirectory() ? '是文件夹' : '是设备或管道'})：请给出一个 .json 文件`,
    );
  if (st.size > MAX_BATCH_BYTES) {
    throw new BatchError(
      `批次文件 ${file} 太大(${(st.size / 1e6).toFixed(1)} MB，最多 ${MAX_BATCH_BYTES / 1024 / 1024} MB)：一个批次文件通常只有几百 KB，请检查是否选错了文件`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new BatchError(`无法读取批次文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BatchError(`批次文件 ${file} 不是 UTF-8 编码(可能是 GBK)：请另存为 UTF-8 后再导入`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (jsonDepth(text) > MAX_DEPTH)
    throw new BatchError(`批次文件 ${file} 嵌套太深(超过 ${MAX_DEPTH} 层)：批次文件最多四五层，请检查文件内容`);
  text = compactJsonWhitespace(text);
  checkSyntax(text);
  const data: unknown = JSON.parse(text);
  const parsed = batchSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      work: workKeyAt(data, issue.path),
      message: describeIssue(issue),
    }));
    const first = details[0]!;
    const more = details.length > 1 ? `(另有 ${details.length - 1} 处问题)` : '';
    throw new BatchError(
      `批次文件 ${file} 有误：${first.path}${first.work ? `(作品 ${first.work})` : ''}：${first.message}${more}`,
      { path: first.path, work: first.work, details },
    );
  }
  return parsed.data;
}

/** Syntax errors and duplicate object keys (JSON.parse would silently keep the last one). */
function checkSyntax(text: string): void {
  const stack: Set<string>[] = [];
  let problem: { message: string; path?: string } | null = null;
  visit(
    text,
    {
      onObjectBegin: () => {
        stack.push(new Set());
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onObjectProperty: (property, _offset, _length, line, column, pathSupplier) => {
        const keys = stack[stack.length - 1];
        if (!keys || problem) return;
        if (keys.has(property)) {
          const path = jsonPath([...pathSupplier(), property]);
          problem = { path, message: `键“${property}”重复出现(第 ${line + 1} 行第 ${column + 1} 列)：${path}` };
        }
        keys.add(property);
      },
      onError: (error, _offset, _length, line, column) => {
        problem ??= {
          message: `不是有效的 JSON：第 ${line + 1} 行第 ${column + 1} 列 ${SYNTAX[printParseErrorCode(error)] ?? printParseErrorCode(error)}`,
        };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (text.trim() === '') problem = { message: '不是有效的 JSON：文件是空的' };
  if (problem) {
    const p = problem as { message: string; path?: string };
    throw new BatchError(p.message, { path: p.path });
  }
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: '有无法识别的符号',
  InvalidNumberFormat: '数字格式不对',
  PropertyNameExpected: '应为带双引号的键名',
  ValueExpected: '缺少值',
  ColonExpected: '缺少冒号“:”',
  CommaExpected: '缺少逗号“,”',
  CloseBraceExpected: '缺少“}”',
  CloseBracketExpected: '缺少“]”',
  EndOfFileExpected: '文件在此处应当结束',
  InvalidCommentToken: '不允许注释',
  UnexpectedEndOfString: '字符串没有结束引号',
  InvalidCharacter: '有无效字符',
  InvalidEscapeCharacter: '有无效的转义字符',
  InvalidUnicode: '有无效的 \\u 转义',
};

function workKeyAt(data: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'works' || typeof path[1] !== 'number') return undefined;
  const works = (data as { works?: unknown }).works;
  const work = Array.isArray(works) ? works[path[1]] : undefined;
  const key = work && typeof work === 'object' ? (work as { key?: unknown }).key : undefined;
  return typeof key === 'string' ? key : `works[${path[1]}]`;
}

interface Located {
  path: string;
  absPath: string;
  size: number | null;
  mtimeMs: number | null;
}

function locate(base: string, path: string): Located {
  const absPath = resolve(base, path);
  try {
    const st = statSync(absPath);
    return st.isFile()
      ? { path, absPath, size: st.size, mtimeMs: st.mtimeMs }
      : { path, absPath, size: null, mtimeMs: null };
  } catch {
    return { path, absPath, size: null, mtimeMs: null };
  }
}

const s = (v: string | null | undefined): string => v ?? '';

/** Imports a batch file in ONE transaction: either every work is stored or nothing is. */
export function importBatch(db: WriteDb, file: string): ImportResult {
  const batch = readBatch(file);
  const base = dirname(resolve(file));
  const existing = getUnit(db);
  if (existing && fold(existing.name) !== fold(batch.unit.name)) {
    throw new BatchError(
      `目录已属于“${existing.name}”，而批次文件的单位是“${batch.unit.name}”：一个目录只保存一个组织单位`,
      { path: 'unit.name' },
    );
  }
  if (existing && existing.edition !== batch.edition) {
    throw new BatchError(`目录属于届次 ${existing.edition}，而批次文件是 ${batch.edition}`, { path: 'edition' });
  }
  batch.works.forEach((w, i) => {
    if (workKeyExists(db, w.key)) {
      throw new BatchError(`作品键“${w.key}”已在目录中(works[${i}].key)：同一作品不能导入两次`, {
        path: `works[${i}].key`,
        work: w.key,
      });
    }
  });
  // Stat every file before the transaction: the write lock is then held only for the inserts.
  const unitFiles = (batch.unit.files ?? []).map((f) => ({
    role: f.role,
    origin: f.origin ?? null,
    ...locate(base, f.path),
  }));
  const works = batch.works.map((w) => ({
    w,
    files: w.files.map((f) => ({ role: f.role, origin: f.origin ?? null, ...locate(base, f.path) })),
  }));
  const result: ImportResult = { unit: batch.unit.name, works: 0, files: 0, missingFiles: 0 };
  const count = (f: Located) => {
    result.files += 1;
    if (f.size === null) result.missingFiles += 1;
  };
  try {
    db.transaction(() => {
      const u = batch.unit;
      // A later batch of the same unit keeps the earlier values it leaves empty.
      const text = Object.fromEntries(UNIT_TEXT_KEYS.map((k) => [k, u[k] ? u[k] : (existing?.[k] ?? '')])) as Record<
        UnitTextKey,
        string
      >;
      putUnit(db, { edition: batch.edition, name: existing?.name ?? u.name, kind: u.kind, group: u.group, ...text });
      for (const f of unitFiles) {
        addFile(db, null, f);
        count(f);
      }
      for (const { w, files } of works) {
        const id = insertWork(db, {
          key: w.key,
          category: w.category,
          stage: w.stage,
          variant: w.variant ?? null,
          title: w.title,
          subject: s(w.subject),
          grade: s(w.grade),
          share: w.share ?? null,
          comment: s(w.comment),
          space: w.space ?? false,
          authors: w.authors.map((a) => ({
            name: a.name,
            unit: s(a.unit),
            mobile: s(a.mobile),
            email: s(a.email),
            phone: s(a.phone),
          })),
          fields: Object.fromEntries(Object.entries(w.fields ?? {}).filter((e): e is [string, string] => e[1] != null)),
          scenes: w.scenes ?? [],
          checklist: w.checklist ?? {},
        });
        for (const f of files) {
          addFile(db, id, f);
          count(f);
        }
        result.works += 1;
      }
    })();
  } catch (e) {
    if (e instanceof BatchError) throw e;
    throw new CatalogError(`导入失败，目录未做任何改动：${(e as Error).message}`);
  }
  return result;
}

// 作品列表, 检查 and 导出.
import { useState } from 'react';
import { formatBytes, PREFLIGHT_STATE, preflightShort } from '../shared/describe.js';
import type { Finding, Work } from '../shared/model.js';
import { quotaUsage } from '../shared/rules/quotas.js';
import { PathField } from './path-field.js';
import { DEFAULT_STAGE } from '../shared/intake/names.js';
import { fieldOf } from './focus.js';
import { useProfile, useStore } from './store.js';

const SEVERITY = { error: '错误', warning: '警告', info: '待确认' } as const;

const label = (w: Work) => w.key ?? `id:${w.id}`;

export function WorksScreen() {
  const profile = useProfile();
  const { works, report, edit, move, createWork, unit } = useStore();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const [category, setCategory] = useState<Work['category'] | ''>('');
  const [newCategory, setNewCategory] = useState<Work['category']>('microlecture');
  const [newTitle, setNewTitle] = useState('');
  const count = (w: Work, s: Finding['severity']) => (report?.findings ?? []).filter((f) => f.work === label(w) && f.severity === s).length;
  const shown = works.filter((w) => (!onlyFailing || count(w, 'error') > 0) && (!category || w.category === category));
  const quotas = (report?.findings ?? []).filter((f) => f.rule.startsWith('quota.'));
  return (
    <section>
      <h2>作品列表({works.length} 件)</h2>
      {quotas.map((f, i) => (
        <div key={i} className="quota over">
          {f.message}
        </div>
      ))}
      <div className="meters">
        {/* The rule's own count (quotas.ts): the meter and the quota finding cannot disagree. */}
        {quotaUsage(profile, { unit, works })
          .filter((q, i) => q.count > 0 || i === 0)
          .map((q) => (
            <span key={q.short} className={q.count > q.limit ? 'meter over' : 'meter'}>
              {q.short} {q.count}/{q.limit}
            </span>
          ))}
      </div>
      <div className="buttons">
        <label className="check">
          <input type="checkbox" checked={onlyFailing} onChange={(e) => setOnlyFailing(e.target.checked)} /> 只看有错误的作品
        </label>
        <select aria-label="按类别筛选" value={category} onChange={(e) => setCategory(e.target.value as Work['category'] | '')}>
          <option value="">全部类别</option>
          {Object.values(profile.categories).map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        {shown.length !== works.length && <span className="hint" style={{ margin: 0 }}>显示 {shown.length} / {works.length} 件</span>}
      </div>
      <div className="buttons">
        <select aria-label="新作品类别" value={newCategory} onChange={(e) => setNewCategory(e.target.value as Work['category'])}>
          {Object.values(profile.categories).map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <input aria-label="新作品名称" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} placeholder="作品名称" />
        <button disabled={!newTitle} onClick={() => {
          const sent = newTitle;
          void createWork(newCategory, unit?.group === 'higher' ? 'higher' : DEFAULT_STAGE[newCategory], newTitle).then(() => setNewTitle((now) => (now === sent ? '' : now)));
        }}>
          新建作品
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>序</th>
            <th>类别</th>
            <th>作品名称</th>
            <th>第一作者</th>
            <th>错误</th>
            <th>警告</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w) => (
            <tr key={w.id}>
              <td>{w.position}</td>
              <td>{profile.categories[w.category].name}</td>
              <td>{w.title}</td>
              <td>{w.authors[0]?.name ?? ''}</td>
              <td className={count(w, 'error') ? 'error-count' : ''}>{count(w, 'error')}</td>
              <td>{count(w, 'warning')}</td>
              <td>
                <button aria-label={`上移 ${w.title}`} onClick={() => void move(w.id, -1)}>↑</button>{' '}
                <button aria-label={`下移 ${w.title}`} onClick={() => void move(w.id, 1)}>↓</button>{' '}
                <button aria-label={`编辑 ${w.title}`} onClick={() => edit(w.id)}>编辑</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CheckScreen() {
  const profile = useProfile();
  const { report, works, check, edit, go } = useStore();
  const [onlyErrors, setOnlyErrors] = useState(false);
  /** A click on 定位 opens the work at the finding's field (or 单位信息 for the unit's own findings). */
  const locate = (f: Finding): (() => void) | null => {
    if (!f.work) return f.rule.startsWith('unit.') ? () => go('unit') : f.rule.startsWith('quota.') ? () => go('works') : null;
    const w = works.find((x) => label(x) === f.work);
    return w ? () => edit(w.id, fieldOf(f, profile)) : null;
  };
  if (!report) return <button onClick={() => void check()}>检查</button>;
  const findings = report.findings.filter((f) => !onlyErrors || f.severity === 'error');
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.work ?? '', [...(groups.get(f.work ?? '') ?? []), f]);
  const title = (key: string) => {
    if (!key) return '组织单位与名额';
    const w = works.find((x) => label(x) === key);
    return w ? `${key} 《${w.title}》 ${profile.categories[w.category].name}` : key;
  };
  return (
    <section>
      <h2>
        检查结果：错误 {report.errors} · 警告 {report.warnings} · 待确认 {report.infos}
      </h2>
      <div className="buttons">
        <button onClick={() => void check()}>重新检查</button>
        <label className="check">
          <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> 只看错误
        </label>
      </div>
      {[...groups].map(([key, list]) => (
        <div key={key} className="group">
          <h3>
            {title(key)}{' '}
            {works.some((x) => label(x) === key) && (
              <button aria-label={`编辑 ${key}`} onClick={() => edit(works.find((x) => label(x) === key)!.id)}>
                去修改
              </button>
            )}
          </h3>
          <ul className="findings">
            {list.map((f, i) => (
              <li key={i} className={f.severity}>
                <span className="sev">{SEVERITY[f.severity]}</span> <code>{f.rule}</code> {f.file && <span className="file">{f.file}</span>} {f.message}
                {(f.expected || f.actual) && (
                  <span className="measure">
                    (应为 {f.expected ?? '—'}，实际 {f.actual ?? '—'})
                  </span>
                )}{' '}
                {locate(f) && (
                  <button className="secondary small" aria-label={`定位 ${f.rule} ${i + 1}`} onClick={locate(f)!}>
                    定位
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ExportScreen() {
  const profile = useProfile();
  const { report, runExport, exported, verify, verified, preflight, runPreflight, openPath, go } = useStore();
  const [out, setOut] = useState('');
  const [allowErrors, setAllowErrors] = useState(false);
  const p = preflight;
  const short = p !== null && preflightShort(p);
  return (
    <section>
      <h2>导出云盘文件夹</h2>
      <p className="hint">生成可直接拖进云盘客户端的文件夹：分类文件夹、作品汇总表、各类登记表和 manifest.sha256。</p>
      <label className="row">
        导出到文件夹
        <PathField label="导出到文件夹" kind="folder" value={out} onChange={setOut} placeholder="一个空文件夹或以前导出的文件夹" />
      </label>
      <div className="buttons">
        <button className="secondary" disabled={!out} onClick={() => void runPreflight(out)}>
          预检
        </button>
        <label className="check">
          <input type="checkbox" checked={allowErrors} onChange={(e) => setAllowErrors(e.target.checked)} /> 有错误也导出
        </label>
      </div>
      {p && (
        <div className="preflight" aria-label="导出预检">
          <dl>
            <dt>目标文件夹</dt>
            <dd>
              {p.dir}({PREFLIGHT_STATE[p.state]})
            </dd>
            {p.problem && (
              <>
                <dt>问题</dt>
                <dd className="inline-error">{p.problem}</dd>
              </>
            )}
            <dt>内容</dt>
            <dd>
              {p.works} 件作品，{p.files} 个文件：{p.folders.map((f) => `${f.name} ${f.works} 件`).join('，')}
            </dd>
            <dt>需要复制</dt>
            <dd>
              {formatBytes(p.copyBytes)}
              {p.reusable > 0 && `(另有 ${p.reusable} 个文件沿用上次导出)`}
            </dd>
            <dt>磁盘格式</dt>
            <dd>{p.fileSystem ?? `无法读取(${p.fileSystemNote ?? '未知'})`}</dd>
            <dt>可用空间</dt>
            <dd className={short ? 'inline-error' : ''}>{p.freeBytes === null ? '未知' : `${formatBytes(p.freeBytes)}${short ? '：不够' : ''}`}</dd>
            <dt>检查结果</dt>
            <dd className={p.errors ? 'inline-error' : ''}>
              错误 {p.errors} · 警告 {p.warnings} · 待确认 {p.infos}
              {p.errors > 0 && !allowErrors && '：有错误时不能导出(修正，或勾选“有错误也导出”)'}{' '}
              {p.errors > 0 && (
                <button className="secondary" onClick={() => go('check')}>
                  查看
                </button>
              )}
            </dd>
            {p.limits.length > 0 && (
              <>
                <dt>目标的限制</dt>
                <dd aria-label="目标的限制">
                  {p.limits.map((f, i) => (
                    <div key={i} className={f.severity === 'error' ? 'inline-error' : f.severity === 'warning' ? 'inline-warning' : ''} data-rule={f.rule}>
                      {f.message}
                    </div>
                  ))}
                </dd>
              </>
            )}
            {p.renamed.length > 0 && (
              <>
                <dt>名称将被调整</dt>
                <dd>
                  {p.renamed.map((f, i) => (
                    <div key={i}>{f.message}</div>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
      <div className="buttons">
        <button disabled={!out} onClick={() => void runExport(out, allowErrors)}>
          导出
        </button>
        <button className="secondary" onClick={() => void verify(out)} disabled={!out}>
          校验
        </button>
        {exported && (
          <button className="secondary" onClick={() => void openPath(exported.dir)}>
            打开文件夹
          </button>
        )}
      </div>
      {report && report.errors > 0 && !p && <p className="hint">目前还有 {report.errors} 个错误。</p>}
      {exported && (
        <p className="ok" role="status">
          {exported.unchanged ? '已是最新，没有需要更新的文件。' : `已导出 ${exported.files} 个文件(复制 ${exported.copied} 个，沿用 ${exported.reused} 个)。`}
        </p>
      )}
      {verified && (
        <p className={verified.changed.length + verified.missing.length + verified.extra.length ? 'error' : 'ok'} role="status">
          {verified.changed.length + verified.missing.length + verified.extra.length
            ? `校验不通过：${verified.changed.length} 个已改动，${verified.missing.length} 个缺少，${verified.extra.length} 个多出。`
            : `校验通过：${verified.files} 个文件与 manifest.sha256 一致。`}
        </p>
      )}
      <h3>邮件附件包</h3>
      <p className="hint">
        附表的 Word/Excel 版和盖章扫描件要另发邮件：
        <button className="secondary" onClick={() => go('print')}>
          到“打印与邮件”生成
        </button>
      </p>
    </section>
  );
}

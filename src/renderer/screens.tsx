// 作品列表, 检查 and 导出.
import { useState } from 'react';
import type { Finding, Work } from '../shared/model.js';
import { useStore } from './store.js';

const SEVERITY = { error: '错误', warning: '警告', info: '待确认' } as const;
const CATEGORY: Record<Work['category'], string> = {
  courseware: '课件',
  microlecture: '微课',
  'teaching-case': '融合创新应用教学案例',
  'course-case': '信息化教学课程案例',
  'management-case': '融合创新管理案例',
  'platform-case': '国家智慧教育平台应用案例',
  'ai-case': '“人工智能+”教育案例',
};

const label = (w: Work) => w.key ?? `id:${w.id}`;

export function WorksScreen() {
  const { works, report } = useStore();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const count = (w: Work, s: Finding['severity']) => (report?.findings ?? []).filter((f) => f.work === label(w) && f.severity === s).length;
  const shown = onlyFailing ? works.filter((w) => count(w, 'error') > 0) : works;
  const quotas = (report?.findings ?? []).filter((f) => f.rule.startsWith('quota.'));
  return (
    <section>
      <h2>作品列表({works.length} 件)</h2>
      {quotas.map((f, i) => (
        <div key={i} className="quota over">
          {f.message}
        </div>
      ))}
      <label className="check">
        <input type="checkbox" checked={onlyFailing} onChange={(e) => setOnlyFailing(e.target.checked)} /> 只看有错误的作品
      </label>
      <table>
        <thead>
          <tr>
            <th>序</th>
            <th>类别</th>
            <th>作品名称</th>
            <th>第一作者</th>
            <th>错误</th>
            <th>警告</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w) => (
            <tr key={w.id}>
              <td>{w.position}</td>
              <td>{CATEGORY[w.category]}</td>
              <td>{w.title}</td>
              <td>{w.authors[0]?.name ?? ''}</td>
              <td className={count(w, 'error') ? 'error-count' : ''}>{count(w, 'error')}</td>
              <td>{count(w, 'warning')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CheckScreen() {
  const { report, works, check } = useStore();
  const [onlyErrors, setOnlyErrors] = useState(false);
  if (!report) return <button onClick={() => void check()}>检查</button>;
  const findings = report.findings.filter((f) => !onlyErrors || f.severity === 'error');
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.work ?? '', [...(groups.get(f.work ?? '') ?? []), f]);
  const title = (key: string) => {
    if (!key) return '组织单位与名额';
    const w = works.find((x) => label(x) === key);
    return w ? `${key} 《${w.title}》 ${CATEGORY[w.category]}` : key;
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
          <h3>{title(key)}</h3>
          <ul className="findings">
            {list.map((f, i) => (
              <li key={i} className={f.severity}>
                <span className="sev">{SEVERITY[f.severity]}</span> <code>{f.rule}</code> {f.file && <span className="file">{f.file}</span>} {f.message}
                {(f.expected || f.actual) && (
                  <span className="measure">
                    (应为 {f.expected ?? '—'}，实际 {f.actual ?? '—'})
                  </span>
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
  const { report, runExport, exported, verify, verified } = useStore();
  const [out, setOut] = useState('');
  const [allowErrors, setAllowErrors] = useState(false);
  return (
    <section>
      <h2>导出云盘文件夹</h2>
      <p className="hint">
        生成可直接拖进云盘客户端的文件夹：分类文件夹、作品汇总表、各类登记表和 manifest.sha256。
        {report && report.errors > 0 && ` 目前还有 ${report.errors} 个错误。`}
      </p>
      <label className="row">
        导出到文件夹
        <input aria-label="导出到文件夹" value={out} onChange={(e) => setOut(e.target.value)} placeholder="一个空文件夹或以前导出的文件夹" />
      </label>
      <label className="check">
        <input type="checkbox" checked={allowErrors} onChange={(e) => setAllowErrors(e.target.checked)} /> 有错误也导出
      </label>
      <div className="buttons">
        <button onClick={() => void runExport(out, allowErrors)}>导出</button>
        <button onClick={() => void verify(out)} disabled={!out}>
          校验
        </button>
      </div>
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
    </section>
  );
}

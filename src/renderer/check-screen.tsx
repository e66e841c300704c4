// 检查: the findings for a person — grouped by work or by item, filtered, 待确认 confirmed in bulk.
import { useMemo, useState } from 'react';
import type { FixOffer } from '../shared/api.js';
import type { Finding, Work } from '../shared/model.js';
import { workLabel as label } from '../shared/model.js';
import { fold } from '../shared/text.js';
import { fieldOf, screenOf } from './focus.js';
import { FixControl, useFixOffers } from './fix-offer.js';
import { CategoryFilter } from './pickers.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore } from './store.js';

const SEVERITY = { error: '错误', warning: '警告', info: '待确认' } as const;
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const shortName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** One finding for a person: the message first; the rule id and the full path in a quieter line below. */
function FindingLine({
  f,
  locate,
  index,
  offer,
}: {
  f: Finding;
  locate: (() => void) | null;
  index: number;
  offer?: FixOffer;
}) {
  return (
    <li className={f.severity}>
      <span className="sev">{SEVERITY[f.severity]}</span>{' '}
      {f.file && (
        <span className="file" title={f.file}>
          {shortName(f.file)}：
        </span>
      )}
      {f.message}
      {(f.expected || f.actual) && (
        <span className="measure">
          (应为 {f.expected ?? '—'}，实际 {f.actual ?? '—'})
        </span>
      )}{' '}
      {locate && (
        <button className="secondary small" aria-label={`定位 ${f.rule} ${index + 1}`} onClick={locate}>
          定位
        </button>
      )}
      {offer && <FixControl offer={offer} label={`${f.rule} ${index + 1}`} />}
      <div className="finding-detail">
        {f.rule}
        {f.file && ` · ${f.file}`}
      </div>
    </li>
  );
}

export function CheckScreen() {
  const profile = useProfile();
  const { report, works, check, edit, go, confirmItem } = useStore(
    useShallow((s) => ({
      report: s.report,
      works: s.works,
      check: s.check,
      edit: s.edit,
      go: s.go,
      confirmItem: s.confirmItem,
    })),
  );
  const [by, setBy] = useState<'work' | 'rule'>('work');
  const [severity, setSeverity] = useState<Finding['severity'] | ''>('');
  const [category, setCategory] = useState<Work['category'] | ''>('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [asking, setAsking] = useState<{ item: string; ids: number[] } | null>(null);
  const offerOf = useFixOffers();
  const byLabel = useMemo(() => new Map(works.map((w) => [label(w), w])), [works]);
  /** A click on 定位 opens the work at the finding's field (or 单位信息 for the unit's own findings). */
  const locate = (f: Finding): (() => void) | null => {
    if (!f.work) {
      const screen = screenOf(f);
      return screen ? () => go(screen) : null;
    }
    const w = byLabel.get(f.work);
    return w ? () => edit(w.id, fieldOf(f, profile)) : null;
  };
  if (!report) return <button onClick={() => void check()}>检查</button>;
  const needle = fold(text).toLowerCase();
  const findings = report.findings
    .filter((f) => {
      if (severity && f.severity !== severity) return false;
      const w = f.work ? byLabel.get(f.work) : undefined;
      if (category && w?.category !== category) return false;
      if (
        needle &&
        ![f.message, f.file ?? '', f.rule, w?.title ?? '', ...(w?.authors.map((a) => a.name) ?? [])].some((t) =>
          fold(t).toLowerCase().includes(needle),
        )
      )
        return false;
      return true;
    })
    .sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  // Groups: by work (the unit's own first), or by rule; those with errors first, then by size.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = by === 'work' ? (f.work ?? '') : f.rule;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const count = (list: Finding[], s: Finding['severity']) => list.filter((f) => f.severity === s).length;
  const ordered = [...groups].sort(
    ([ka, a], [kb, b]) =>
      Number(kb === '' && by === 'work') - Number(ka === '' && by === 'work') ||
      count(b, 'error') - count(a, 'error') ||
      count(b, 'warning') - count(a, 'warning') ||
      b.length - a.length,
  );
  const title = (key: string) => {
    if (by === 'rule') {
      const item = profile.checklist.find((c) => c.id === key);
      return item ? `待人工确认：${item.text}` : (groups.get(key)?.[0]?.message.replace(/[：:].*$/, '') ?? key);
    }
    if (!key) return '组织单位与名额';
    const w = byLabel.get(key);
    return w
      ? `《${w.title.replace(/^《+|》+$/g, '')}》 · ${profile.categories[w.category].name} · ${w.authors[0]?.name ?? '无作者'}`
      : key;
  };
  const isOpen = (key: string, list: Finding[]) =>
    open[`${by}:${key}`] ?? (count(list, 'error') > 0 && ordered.length <= 40);
  return (
    <section>
      <h2>
        检查结果：错误 {report.errors} · 警告 {report.warnings} · 待确认 {report.infos}
      </h2>
      <div className="buttons">
        <button onClick={() => void check()}>重新检查</button>
        <select aria-label="分组" value={by} onChange={(e) => setBy(e.target.value as 'work' | 'rule')}>
          <option value="work">按作品</option>
          <option value="rule">按问题</option>
        </select>
        <select
          aria-label="按级别筛选"
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Finding['severity'] | '')}
        >
          <option value="">全部级别</option>
          <option value="error">错误</option>
          <option value="warning">警告</option>
          <option value="info">待确认</option>
        </select>
        <CategoryFilter value={category} onChange={setCategory} />
        <input
          className="search"
          type="search"
          aria-label="搜索检查结果"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="搜索作品、作者、文件或问题"
        />
      </div>
      {findings.length !== report.findings.length && (
        <p className="hint">
          显示 {findings.length} / {report.findings.length} 条
        </p>
      )}
      {asking && (
        <div
          className="confirm"
          role="alertdialog"
          aria-label="确认批量确认"
          onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}
        >
          <p>
            确认这 {asking.ids.length} 件作品都已人工核对“{profile.checklist.find((c) => c.id === asking.item)?.text}
            ”？确认人和时间会记入目录和检查报告。
          </p>
          <div className="buttons">
            <button
              onClick={() => {
                const a = asking;
                setAsking(null);
                void confirmItem(a.item, a.ids);
              }}
            >
              全部确认
            </button>
            <button className="secondary" autoFocus onClick={() => setAsking(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      {ordered.map(([key, list]) => {
        const w = by === 'work' ? byLabel.get(key) : undefined;
        const checklistItem = by === 'rule' ? profile.checklist.find((c) => c.id === key) : undefined;
        const shown = isOpen(key, list);
        const ids = checklistItem
          ? [
              ...new Set(
                list
                  .map((f) => (f.work ? byLabel.get(f.work)?.id : undefined))
                  .filter((x): x is number => x !== undefined),
              ),
            ]
          : [];
        return (
          <div key={key} className="group">
            <h3 className="group-head">
              <button
                className="link toggle"
                aria-expanded={shown}
                onClick={() => setOpen({ ...open, [`${by}:${key}`]: !shown })}
              >
                {shown ? '▾' : '▸'} {title(key)}
              </button>
              <span className="counts">
                {count(list, 'error') > 0 && <span className="error-count">错误 {count(list, 'error')}</span>}
                {count(list, 'warning') > 0 && <span>警告 {count(list, 'warning')}</span>}
                {count(list, 'info') > 0 && <span>待确认 {count(list, 'info')}</span>}
              </span>
              {w && (
                <button className="secondary small" aria-label={`编辑 ${key}`} onClick={() => edit(w.id)}>
                  去修改
                </button>
              )}
              {checklistItem && ids.length > 0 && (
                <button
                  className="secondary small"
                  aria-label={`全部确认 ${checklistItem.text}`}
                  onClick={() => setAsking({ item: checklistItem.id, ids })}
                >
                  全部确认({ids.length} 件)
                </button>
              )}
            </h3>
            {shown && (
              <ul className="findings">
                {list.map((f, i) => (
                  <FindingLine
                    key={i}
                    f={
                      by === 'rule' && f.work ? { ...f, message: `${title(f.work).split(' · ')[0]}：${f.message}` } : f
                    }
                    locate={locate(f)}
                    index={i}
                    offer={offerOf(f)}
                  />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {findings.length === 0 && (
        <p className="hint">{report.findings.length ? '没有符合条件的检查结果。' : '没有问题。'}</p>
      )}
      {report.confirmations.length > 0 && (
        <details className="confirmations">
          <summary>已人工确认 {report.confirmations.length} 项(确认人和时间)</summary>
          <ul className="plain" aria-label="已人工确认">
            {report.confirmations.map((c) => (
              <li key={`${c.work}:${c.item}`}>
                《{c.title}》 {c.text} — {c.by || '(未记录)'} {c.at ? new Date(c.at).toLocaleString('zh-CN') : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

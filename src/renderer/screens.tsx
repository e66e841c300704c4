// 作品列表, 检查 and 导出.
import { useMemo, useState } from 'react';
import { formatBytes, PREFLIGHT_STATE, preflightShort } from '../shared/describe.js';
import type { Finding, Work } from '../shared/model.js';
import { quotaUsage } from '../shared/rules/quotas.js';
import { PathField } from './path-field.js';
import { DEFAULT_STAGE } from '../shared/intake/names.js';
import { fieldOf } from './focus.js';
import { fold } from '../shared/text.js';
import { useRememberedPath } from './remember.js';
import { deadlineState } from '../shared/deadline.js';
import { useProfile, useStore, type WorkStatus } from './store.js';

const SEVERITY = { error: '错误', warning: '警告', info: '待确认' } as const;

const label = (w: Work) => w.key ?? `id:${w.id}`;

type Status = WorkStatus;

/** The category filter of the works list and of 检查. */
function CategoryFilter({ value, onChange }: { value: Work['category'] | ''; onChange: (v: Work['category'] | '') => void }) {
  const profile = useProfile();
  return (
    <select aria-label="按类别筛选" value={value} onChange={(e) => onChange(e.target.value as Work['category'] | '')}>
      <option value="">全部类别</option>
      {Object.values(profile.categories).map(({ id, name }) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </select>
  );
}
const STATUS: Record<Exclude<Status, ''>, string> = { ready: '可报送', errors: '有错误', confirm: '待确认' };

export function WorksScreen() {
  const profile = useProfile();
  const { works, report, edit, move, moveTo, createWork, unit, removed, removeWorks, undoRemove, updateMany, listStatus, confirmItem } = useStore();
  const [query, setQuery] = useState('');
  // From 报送总览's tiles: the list opens filtered as the tile said.
  const [status, setStatus] = useState<Status>(listStatus);
  const [category, setCategory] = useState<Work['category'] | ''>('');
  const [newCategory, setNewCategory] = useState<Work['category']>('microlecture');
  const [newTitle, setNewTitle] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [asking, setAsking] = useState<number[] | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  // Findings per work, counted once per check (not per row and render).
  const counts = useMemo(() => {
    const m = new Map<string, Record<Finding['severity'], number>>();
    for (const f of report?.findings ?? []) {
      if (!f.work) continue;
      const c = m.get(f.work) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity] += 1;
      m.set(f.work, c);
    }
    return m;
  }, [report]);
  const count = (w: Work, s: Finding['severity']) => counts.get(label(w))?.[s] ?? 0;
  const needle = fold(query).toLowerCase();
  const shown = works.filter((w) => {
    if (category && w.category !== category) return false;
    if (status === 'errors' && count(w, 'error') === 0) return false;
    if (status === 'confirm' && count(w, 'info') === 0) return false;
    if (status === 'ready' && (count(w, 'error') > 0 || count(w, 'info') > 0)) return false;
    if (!needle) return true;
    return [w.title, ...w.authors.flatMap((a) => [a.name, a.unit])].some((t) => fold(t).toLowerCase().includes(needle));
  });
  const selected = shown.filter((w) => picked.has(w.id)).map((w) => w.id);
  const pick = (id: number, on: boolean) => setPicked((all) => new Set(on ? [...all, id] : [...all].filter((x) => x !== id)));
  const titleOf = (id: number) => works.find((w) => w.id === id)?.title ?? '';
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
      {removed && (
        <div className="notice" role="status" aria-label="已删除">
          {removed.text}{' '}
          <button className="secondary" onClick={() => void undoRemove()}>
            撤销
          </button>
        </div>
      )}
      <div className="buttons">
        <input className="search" type="search" aria-label="搜索作品" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="搜索作品名称、作者或单位" />
        <CategoryFilter value={category} onChange={setCategory} />
        <select aria-label="按状态筛选" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          <option value="">全部状态</option>
          {Object.entries(STATUS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        {shown.length !== works.length && (
          <span className="hint" style={{ margin: 0 }} aria-label="筛选结果">
            显示 {shown.length} / {works.length} 件
          </span>
        )}
      </div>
      {selected.length > 0 && (
        <div className="buttons bulk" aria-label="批量操作">
          <span>已选 {selected.length} 件：</span>
          <button className="secondary" onClick={() => void updateMany(selected, { share: true })}>
            设为同意共享
          </button>
          <button className="secondary" onClick={() => void updateMany(selected, { share: false })}>
            设为不同意共享
          </button>
          <select
            aria-label="批量确认待确认项"
            value=""
            onChange={(e) => {
              if (e.target.value) void confirmItem(e.target.value, selected);
            }}
          >
            <option value="">确认待确认项…</option>
            {profile.checklist
              .filter((c) => works.some((w) => selected.includes(w.id) && c.categories.includes(w.category)))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.text.length > 24 ? `${c.text.slice(0, 24)}…` : c.text}
                </option>
              ))}
          </select>
          <button className="danger" onClick={() => setAsking(selected)}>
            删除所选
          </button>
          <button className="secondary" onClick={() => setPicked(new Set())}>
            取消选择
          </button>
        </div>
      )}
      {asking && (
        <div
          className="confirm"
          role="alertdialog"
          aria-label="确认删除"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(null);
          }}
        >
          <p>
            {asking.length === 1 ? `删除作品《${titleOf(asking[0]!)}》？` : `删除所选的 ${asking.length} 件作品？`}
            作品的文件不会被删除，删除后可以撤销。
          </p>
          <div className="buttons">
            <button
              className="danger"
              onClick={() => {
                const ids = asking;
                setAsking(null);
                setPicked((all) => new Set([...all].filter((x) => !ids.includes(x))));
                void removeWorks(ids);
              }}
            >
              删除
            </button>
            <button className="secondary" autoFocus onClick={() => setAsking(null)}>
              取消
            </button>
          </div>
        </div>
      )}
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
      <table className="works">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="全选"
                checked={shown.length > 0 && selected.length === shown.length}
                onChange={(e) => setPicked(new Set(e.target.checked ? shown.map((w) => w.id) : []))}
              />
            </th>
            <th title="输入新的序号后按回车可移动；也可拖动行">序</th>
            <th>类别</th>
            <th>作品名称</th>
            <th>作者</th>
            <th>单位</th>
            <th>错误</th>
            <th>警告</th>
            <th>待确认</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w) => {
            const place = works.indexOf(w) + 1;
            return (
              <tr
                key={w.id}
                draggable
                className={dragged === w.id ? 'dragging' : undefined}
                onDragStart={(e) => {
                  setDragged(w.id);
                  e.dataTransfer.setData('text/plain', String(w.id));
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const id = Number(e.dataTransfer.getData('text/plain') || dragged);
                  setDragged(null);
                  if (id && id !== w.id) void moveTo(id, place);
                }}
              >
                <td>
                  <input type="checkbox" aria-label={`选择 ${w.title}`} checked={picked.has(w.id)} onChange={(e) => pick(w.id, e.target.checked)} />
                </td>
                <td>
                  <input
                    key={`${w.id}:${place}`}
                    className="place"
                    type="number"
                    min={1}
                    max={works.length}
                    aria-label={`${w.title} 的序号`}
                    defaultValue={place}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void moveTo(w.id, Number(e.currentTarget.value));
                    }}
                    onBlur={(e) => {
                      if (Number(e.currentTarget.value) !== place && e.currentTarget.value !== '') void moveTo(w.id, Number(e.currentTarget.value));
                    }}
                  />
                </td>
                <td className="nowrap">{profile.categories[w.category].name}</td>
                <td className="title-cell">{w.title}</td>
                <td className="people">{w.authors.map((a) => a.name).join('、')}</td>
                <td className="school">{w.authors[0]?.unit ?? ''}</td>
                <td className={count(w, 'error') ? 'error-count' : ''}>{count(w, 'error')}</td>
                <td>{count(w, 'warning')}</td>
                <td>{count(w, 'info')}</td>
                <td className="nowrap">
                  <button aria-label={`上移 ${w.title}`} onClick={() => void move(w.id, -1)}>↑</button>{' '}
                  <button aria-label={`下移 ${w.title}`} onClick={() => void move(w.id, 1)}>↓</button>{' '}
                  <button aria-label={`编辑 ${w.title}`} onClick={() => edit(w.id)}>编辑</button>{' '}
                  <button className="danger" aria-label={`删除 ${w.title}`} onClick={() => setAsking([w.id])}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length === 0 && works.length > 0 && <p className="hint">没有符合条件的作品。</p>}
    </section>
  );
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
const shortName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** One finding for a person: the message first; the rule id and the full path in a quieter line below. */
function FindingLine({ f, locate, index }: { f: Finding; locate: (() => void) | null; index: number }) {
  return (
    <li className={f.severity}>
      <span className="sev">{SEVERITY[f.severity]}</span> {f.file && <span className="file" title={f.file}>{shortName(f.file)}：</span>}
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
      <div className="finding-detail">
        {f.rule}
        {f.file && ` · ${f.file}`}
      </div>
    </li>
  );
}

export function CheckScreen() {
  const profile = useProfile();
  const { report, works, check, edit, go, confirmItem } = useStore();
  const [by, setBy] = useState<'work' | 'rule'>('work');
  const [severity, setSeverity] = useState<Finding['severity'] | ''>('');
  const [category, setCategory] = useState<Work['category'] | ''>('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [asking, setAsking] = useState<{ item: string; ids: number[] } | null>(null);
  const byLabel = useMemo(() => new Map(works.map((w) => [label(w), w])), [works]);
  /** A click on 定位 opens the work at the finding's field (or 单位信息 for the unit's own findings). */
  const locate = (f: Finding): (() => void) | null => {
    if (!f.work) return f.rule.startsWith('unit.') ? () => go('unit') : f.rule.startsWith('quota.') ? () => go('works') : null;
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
      if (needle && ![f.message, f.file ?? '', f.rule, w?.title ?? '', ...(w?.authors.map((a) => a.name) ?? [])].some((t) => fold(t).toLowerCase().includes(needle))) return false;
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
    ([ka, a], [kb, b]) => Number(kb === '' && by === 'work') - Number(ka === '' && by === 'work') || count(b, 'error') - count(a, 'error') || count(b, 'warning') - count(a, 'warning') || b.length - a.length,
  );
  const title = (key: string) => {
    if (by === 'rule') {
      const item = profile.checklist.find((c) => c.id === key);
      return item ? `待人工确认：${item.text}` : (groups.get(key)?.[0]?.message.replace(/[：:].*$/, '') ?? key);
    }
    if (!key) return '组织单位与名额';
    const w = byLabel.get(key);
    return w ? `《${w.title.replace(/^《+|》+$/g, '')}》 · ${profile.categories[w.category].name} · ${w.authors[0]?.name ?? '无作者'}` : key;
  };
  const isOpen = (key: string, list: Finding[]) => open[`${by}:${key}`] ?? (count(list, 'error') > 0 && ordered.length <= 40);
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
        <select aria-label="按级别筛选" value={severity} onChange={(e) => setSeverity(e.target.value as Finding['severity'] | '')}>
          <option value="">全部级别</option>
          <option value="error">错误</option>
          <option value="warning">警告</option>
          <option value="info">待确认</option>
        </select>
        <CategoryFilter value={category} onChange={setCategory} />
        <input className="search" type="search" aria-label="搜索检查结果" value={text} onChange={(e) => setText(e.target.value)} placeholder="搜索作品、作者、文件或问题" />
      </div>
      {findings.length !== report.findings.length && <p className="hint">显示 {findings.length} / {report.findings.length} 条</p>}
      {asking && (
        <div className="confirm" role="alertdialog" aria-label="确认批量确认" onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}>
          <p>
            确认这 {asking.ids.length} 件作品都已人工核对“{profile.checklist.find((c) => c.id === asking.item)?.text}”？确认人和时间会记入目录和检查报告。
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
        const ids = checklistItem ? [...new Set(list.map((f) => (f.work ? byLabel.get(f.work)?.id : undefined)).filter((x): x is number => x !== undefined))] : [];
        return (
          <div key={key} className="group">
            <h3 className="group-head">
              <button className="link toggle" aria-expanded={shown} onClick={() => setOpen({ ...open, [`${by}:${key}`]: !shown })}>
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
                <button className="secondary small" aria-label={`全部确认 ${checklistItem.text}`} onClick={() => setAsking({ item: checklistItem.id, ids })}>
                  全部确认({ids.length} 件)
                </button>
              )}
            </h3>
            {shown && (
              <ul className="findings">
                {list.map((f, i) => (
                  <FindingLine key={i} f={by === 'rule' && f.work ? { ...f, message: `${title(f.work).split(' · ')[0]}：${f.message}` } : f} locate={locate(f)} index={i} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {findings.length === 0 && <p className="hint">{report.findings.length ? '没有符合条件的检查结果。' : '没有问题。'}</p>}
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

export function ExportScreen() {
  const profile = useProfile();
  const { report, runExport, exported, verify, verified, preflight, runPreflight, openPath, go } = useStore();
  const catalogPath = useStore((st) => st.info?.path ?? '');
  const [out, setOut] = useRememberedPath(catalogPath, 'export');
  const [allowErrors, setAllowErrors] = useState(false);
  // A pre-flight of another folder than the one now named is not shown.
  const p = preflight && preflight.dir.replace(/[\\/]+$/, '') === out.trim().replace(/[\\/]+$/, '') ? preflight : null;
  const short = p !== null && preflightShort(p);
  return (
    <section>
      <h2>导出云盘文件夹</h2>
      <p className="hint">生成可直接拖进云盘客户端的文件夹：分类文件夹、作品汇总表、各类登记表和 manifest.sha256。</p>
      {deadlineState(profile.deadline, profile.freezeUntil, new Date()).kind === 'freeze' && (
        <div className="inline-warning" role="note">
          现在是冻结期(上传截止后至{profile.freezeUntil.replace(/^\d+-0?(\d+)-0?(\d+)$/, '$1月$2日')})：云盘中的文件不允许修改或替换。重新导出只为留底；除非省里要求，不要再上传。
        </div>
      )}
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

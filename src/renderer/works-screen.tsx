// 作品列表: the works in order with their state; search, filters, delete with 撤销, bulk actions, reordering.
import { useMemo, useState } from 'react';
import type { Finding, Work } from '../shared/model.js';
import { workLabel as label } from '../shared/model.js';
import { quotaUsage } from '../shared/rules/quotas.js';
import { DEFAULT_STAGE } from '../shared/intake/names.js';
import { fold } from '../shared/text.js';
import { CategoryFilter } from './pickers.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore, type WorkStatus } from './store.js';

type Status = WorkStatus;
const STATUS: Record<Exclude<Status, ''>, string> = { ready: '可报送', errors: '有错误', confirm: '待确认' };

export function WorksScreen() {
  const profile = useProfile();
  const {
    works,
    report,
    edit,
    move,
    moveTo,
    createWork,
    unit,
    removed,
    removeWorks,
    undoRemove,
    updateMany,
    listStatus,
    confirmItem,
  } = useStore(
    useShallow((s) => ({
      works: s.works,
      report: s.report,
      edit: s.edit,
      move: s.move,
      moveTo: s.moveTo,
      createWork: s.createWork,
      unit: s.unit,
      removed: s.removed,
      removeWorks: s.removeWorks,
      undoRemove: s.undoRemove,
      updateMany: s.updateMany,
      listStatus: s.listStatus,
      confirmItem: s.confirmItem,
    })),
  );
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
  const pick = (id: number, on: boolean) =>
    setPicked((all) => new Set(on ? [...all, id] : [...all].filter((x) => x !== id)));
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
        <input
          className="search"
          type="search"
          aria-label="搜索作品"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="搜索作品名称、作者或单位"
        />
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
        <select
          aria-label="新作品类别"
          value={newCategory}
          onChange={(e) => setNewCategory(e.target.value as Work['category'])}
        >
          {Object.values(profile.categories).map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <input
          aria-label="新作品名称"
          value={newTitle}
          onChange={(e) => setNewTitle(e.target.value)}
          placeholder="作品名称"
        />
        <button
          disabled={!newTitle}
          onClick={() => {
            const sent = newTitle;
            void createWork(
              newCategory,
              unit?.group === 'higher' ? 'higher' : DEFAULT_STAGE[newCategory],
              newTitle,
            ).then(() => setNewTitle((now) => (now === sent ? '' : now)));
          }}
        >
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
                  <input
                    type="checkbox"
                    aria-label={`选择 ${w.title}`}
                    checked={picked.has(w.id)}
                    onChange={(e) => pick(w.id, e.target.checked)}
                  />
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
                      if (Number(e.currentTarget.value) !== place && e.currentTarget.value !== '')
                        void moveTo(w.id, Number(e.currentTarget.value));
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
                  <button aria-label={`上移 ${w.title}`} onClick={() => void move(w.id, -1)}>
                    ↑
                  </button>{' '}
                  <button aria-label={`下移 ${w.title}`} onClick={() => void move(w.id, 1)}>
                    ↓
                  </button>{' '}
                  <button aria-label={`编辑 ${w.title}`} onClick={() => edit(w.id)}>
                    编辑
                  </button>{' '}
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

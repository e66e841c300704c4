// 作品编辑: category and stage, title with a live 《》 check, authors, subject and grade, the form's fields with
// character counters, the 推荐评语 with its ≥100 counter, scenes, and the checklist; the authors (edit/authors.tsx)
// and the files (edit/files.tsx) are parts of their own.
import { useEffect, useRef, useState } from 'react';
import { WORK_PATCH_KEYS } from '../shared/entities.js';
import type { Work } from '../shared/model.js';
import { charCountNoSpace } from '../shared/text.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore } from './store.js';
import { domId, fieldOf } from './focus.js';
import { combined, SAVE_TEXT, useAutosave } from './autosave.js';
import { CategorySelect, StageSelect } from './pickers.js';
import { adoptList, adoptTheirs } from './edit/adopt.js';
import { AuthorsTable, filled, liveAuthorFindings, type AuthorRow } from './edit/authors.js';
import { FilesSection } from './edit/files.js';
import { useFocusField } from './edit/use-focus-field.js';

/** The usual subjects of basic education (a picker only: vocational and higher education name their own). */
const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '日语',
  '俄语',
  '物理',
  '化学',
  '生物',
  '科学',
  '道德与法治',
  '思想政治',
  '历史',
  '地理',
  '音乐',
  '美术',
  '艺术',
  '体育与健康',
  '信息科技',
  '信息技术',
  '通用技术',
  '劳动',
  '心理健康',
  '综合实践活动',
  '书法',
];

function Counter({ n, limit, min }: { n: number; limit?: number | null; min?: number }) {
  const bad = (limit != null && n > limit) || (min !== undefined && n < min);
  return (
    <span className={bad ? 'counter bad' : 'counter'}>
      {min !== undefined ? `${n} / 至少 ${min} 字` : limit != null ? `${n} / ${limit}` : `${n} 字`}
    </span>
  );
}

export function EditScreen() {
  const { works, editing } = useStore(useShallow((s) => ({ works: s.works, editing: s.editing })));
  const work = works.find((w) => w.id === editing);
  if (!work) return <p>请先在作品列表中选择一件作品。</p>;
  // One editor per work: its values are the user's from here on (a refresh after a save never overwrites typing).
  return <WorkEditor key={work.id} work={work} />;
}

function WorkEditor({ work }: { work: Work }) {
  const profile = useProfile();
  const { works, unit, updateWork, setAuthors, report, people, loadDetails } = useStore(
    useShallow((s) => ({
      works: s.works,
      unit: s.unit,
      updateWork: s.updateWork,
      setAuthors: s.setAuthors,
      report: s.report,
      people: s.people,
      loadDetails: s.loadDetails,
    })),
  );
  const [draft, setDraft] = useState<Work>(work);
  const [authors, setAuthorRows] = useState<AuthorRow[]>(() => work.authors.map(({ personId: _p, ...a }) => a));
  const root = useRef<HTMLElement>(null);
  // The work as the catalog says it changes under the editor (the save made on leaving it, read back after the
  // editor opened again; another program's edit): what the user has not changed here takes the catalog's value.
  const was = useRef(work);
  useEffect(() => {
    const before = was.current;
    was.current = work;
    if (before === work) return;
    setDraft((d) => adoptTheirs(d, before, work, WORK_PATCH_KEYS));
    const rows = (w: Work) => w.authors.map(({ personId: _p, ...a }) => a);
    setAuthorRows((now) => {
      // (Compared to the rows as stored: a blank row the user just added is no change, and stays.)
      const mine = filled(now);
      const kept = adoptList(mine, rows(before), rows(work));
      return kept === mine ? now : kept;
    });
  }, [work]);
  // Fields and authors save themselves; files save at once. One state for all of it.
  const { id: _i, authors: _a, files: _f, position: _p, key: _k, ...values } = draft;
  const fieldsSave = useAutosave(work.id, values, (v, base) => updateWork(work.id, v, base));
  const authorsSave = useAutosave(work.id, filled(authors), (rows) => setAuthors(work.id, rows));
  const saveState = combined(fieldsSave, authorsSave);
  useEffect(() => {
    void loadDetails(work.id);
  }, [loadDetails, work.id]);
  useFocusField(root);
  const spec = profile.categories[draft.category];
  const key = work.key ?? `id:${work.id}`;
  const findings = (report?.findings ?? []).filter((f) => f.work === key);
  const set = (patch: Partial<Work>) => setDraft({ ...draft, ...patch });
  return (
    <section className="edit" ref={root}>
      <h2 className="edit-title">
        <span>作品编辑 · 《{draft.title.replace(/^《+|》+$/g, '') || '未命名'}》</span>
        <span className={`save-state ${saveState.state}`} role="status" aria-label="保存状态" title={saveState.reason}>
          {SAVE_TEXT[saveState.state]}
          {saveState.state === 'error' && `：${saveState.reason}`}
        </span>
      </h2>
      <p className="hint">修改会自动保存。{work.key ? `批次中的作品键：${key}` : ''}</p>
      <div className="form">
        <label className="row">
          类别
          <CategorySelect id={domId('category')} value={draft.category} onChange={(category) => set({ category })} />
        </label>
        <label className="row">
          学段
          <StageSelect id={domId('stage')} value={draft.stage} onChange={(stage) => set({ stage })} />
        </label>
        {spec.variants && (
          <label className="row">
            案例类型
            <select
              id={domId('variant')}
              aria-label="案例类型"
              value={draft.variant ?? ''}
              onChange={(e) => set({ variant: (e.target.value || null) as Work['variant'] })}
            >
              <option value="">(请选择)</option>
              {spec.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="row">
          作品名称
          <input
            id={domId('title')}
            aria-label="作品名称"
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </label>
        {/[《》]/.test(draft.title) && <div className="inline-error">作品名称请勿使用《》</div>}
        {spec.needsGradeSubject && (
          <>
            <label className="row">
              学科
              <input
                id={domId('subject')}
                aria-label="学科"
                list="subjects"
                value={draft.subject}
                onChange={(e) => set({ subject: e.target.value })}
              />
            </label>
            <label className="row">
              年级
              <input
                id={domId('grade')}
                aria-label="年级"
                list="grades"
                value={draft.grade}
                onChange={(e) => set({ grade: e.target.value })}
              />
            </label>
            <datalist id="subjects">
              {SUBJECTS.map((x) => (
                <option key={x} value={x} />
              ))}
            </datalist>
            <datalist id="grades">
              {(profile.gradesByStage[draft.stage] ?? profile.usualGrades).map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
          </>
        )}
        <label className="row">
          是否同意共享
          <select
            id={domId('share')}
            aria-label="是否同意共享"
            value={draft.share === null ? '' : draft.share ? 'yes' : 'no'}
            onChange={(e) => set({ share: e.target.value === '' ? null : e.target.value === 'yes' })}
          >
            <option value="">(未填)</option>
            <option value="yes">是</option>
            <option value="no">否</option>
          </select>
        </label>
        <div className="comment-grid">
          <label className="column">
            <span>
              推荐评语(附表1-2 质性评语) <Counter n={charCountNoSpace(draft.comment)} min={profile.commentMinChars} />
            </span>
            <textarea
              id={domId('comment')}
              aria-label="推荐评语"
              rows={9}
              value={draft.comment}
              onChange={(e) => set({ comment: e.target.value })}
            />
          </label>
          <aside className="indicators" aria-label="遴选推荐参考指标">
            <h4>附表1-3 遴选推荐参考指标 · {spec.name}</h4>
            {profile.indicators[draft.category].map((x) => (
              <div key={x.name}>
                <strong>{x.name}</strong>
                <ul>
                  {x.points.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ))}
          </aside>
        </div>
        {spec.fields.map((f) => (
          <label key={f.key} className="column">
            <span>
              {f.key} <Counter n={charCountNoSpace(draft.fields[f.key] ?? '')} limit={f.limit} />
            </span>
            <textarea
              id={domId(`field:${f.key}`)}
              aria-label={f.key}
              rows={2}
              value={draft.fields[f.key] ?? ''}
              onChange={(e) => set({ fields: { ...draft.fields, [f.key]: e.target.value } })}
            />
          </label>
        ))}
        {spec.scenes && (
          <fieldset id={domId('scenes')}>
            <legend>场景</legend>
            {profile.scenes[spec.scenes].map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={draft.scenes.includes(s)}
                  onChange={(e) =>
                    set({ scenes: e.target.checked ? [...draft.scenes, s] : draft.scenes.filter((x) => x !== s) })
                  }
                />{' '}
                {s}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset id={domId('checklist')}>
          <legend>待人工确认</legend>
          {profile.checklist
            .filter((c) => c.categories.includes(draft.category))
            .map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.checklist[c.id] === true}
                  onChange={(e) => set({ checklist: { ...draft.checklist, [c.id]: e.target.checked } })}
                />{' '}
                {c.text}
              </label>
            ))}
        </fieldset>
      </div>

      <AuthorsTable
        authors={authors}
        onChange={setAuthorRows}
        people={people}
        maxAuthors={spec.maxAuthors}
        live={liveAuthorFindings(profile, { unit, works }, work, draft, filled(authors))}
      />

      <FilesSection work={work} spec={spec} findings={findings} />

      <h3>这件作品的检查结果</h3>
      <ul className="findings">
        {findings.map((f, i) => (
          <li key={i} className={f.severity}>
            <code>{f.rule}</code> {f.role && `[${profile.roleNames[f.role]}]`} {f.message}{' '}
            <button className="secondary small" onClick={() => useStore.setState({ focus: fieldOf(f, profile) })}>
              定位
            </button>
          </li>
        ))}
        {findings.length === 0 && <li>没有问题。</li>}
      </ul>
    </section>
  );
}

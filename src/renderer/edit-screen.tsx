// 作品编辑: category and stage, title with a live 《》 check, authors, subject and grade, the form's fields with
// character counters, the 推荐评语 with its ≥100 counter, scenes, files by role (path field), and the checklist.
import { useEffect, useRef, useState } from 'react';
import type { Author, Role, Work } from '../shared/model.js';
import { charCountNoSpace } from '../shared/text.js';
import { useProfile, useStore } from './store.js';
import { domId, fieldOf } from './focus.js';
import { droppedPaths, native, PathField } from './path-field.js';
import { combined, SAVE_TEXT, useAutosave } from './autosave.js';
import { CategorySelect, StageSelect } from './pickers.js';
import { authorCountRules, peopleRules } from '../shared/rules/people.js';

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

type AuthorRow = Omit<Author, 'personId'>;
const blank: AuthorRow = { name: '', unit: '', mobile: '', email: '', phone: '' };

function Counter({ n, limit, min }: { n: number; limit?: number | null; min?: number }) {
  const bad = (limit != null && n > limit) || (min !== undefined && n < min);
  return (
    <span className={bad ? 'counter bad' : 'counter'}>
      {min !== undefined ? `${n} / 至少 ${min} 字` : limit != null ? `${n} / ${limit}` : `${n} 字`}
    </span>
  );
}

export function EditScreen() {
  const { works, editing } = useStore();
  const work = works.find((w) => w.id === editing);
  if (!work) return <p>请先在作品列表中选择一件作品。</p>;
  // One editor per work: its values are the user's from here on (a refresh after a save never overwrites typing).
  return <WorkEditor key={work.id} work={work} />;
}

/** Rows as the catalog stores them: an empty row (no name) is not an author. */
const filled = (rows: AuthorRow[]) => rows.filter((a) => a.name.trim() !== '');

function WorkEditor({ work }: { work: Work }) {
  const profile = useProfile();
  const {
    works,
    unit,
    updateWork,
    setAuthors,
    addFile,
    removeFile,
    setFileRole,
    report,
    focus,
    clearFocus,
    people,
    details,
    loadDetails,
    fix,
  } = useStore();
  const [draft, setDraft] = useState<Work>(work);
  const [authors, setAuthorRows] = useState<AuthorRow[]>(() => work.authors.map(({ personId: _p, ...a }) => a));
  const [filePath, setFilePath] = useState('');
  const [fileRole, setNewRole] = useState('');
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  // Fields and authors save themselves; files save at once. One state for all of it.
  const { id: _i, authors: _a, files: _f, position: _p, key: _k, ...values } = draft;
  const fieldsSave = useAutosave(work.id, values, (v, base) => updateWork(work.id, v, base));
  const authorsSave = useAutosave(work.id, filled(authors), (rows) => setAuthors(work.id, rows));
  const saveState = combined(fieldsSave, authorsSave);
  useEffect(() => {
    void loadDetails(work.id);
  }, [loadDetails, work.id]);
  // From a finding: scroll to its field, focus it and mark it for a moment.
  useEffect(() => {
    if (!focus) return;
    const el = root.current?.querySelector<HTMLElement>(`#${CSS.escape(domId(focus))}`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      (el.matches('input, select, textarea')
        ? el
        : el.querySelector<HTMLElement>('input, select, textarea, button')
      )?.focus({ preventScroll: true });
      el.classList.add('focused');
      setTimeout(() => el.classList.remove('focused'), 2500);
    }
    clearFocus();
  }, [clearFocus, focus]);
  const known = (name: string) => people.filter((p) => p.name === name.trim());
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const paths = droppedPaths(e);
    if (!paths) return setDropError('浏览器模式下无法取得拖入文件的路径：请在下面的路径框中填写，或点“浏览…”选择。');
    setDropError(null);
    for (const p of paths) await addFile(work.id, undefined, p);
  };
  const spec = profile.categories[draft.category];
  const key = work.key ?? `id:${work.id}`;
  const findings = (report?.findings ?? []).filter((f) => f.work === key);
  const fileFindings = (path: string) => findings.filter((f) => f.file === path);
  const set = (patch: Partial<Work>) => setDraft({ ...draft, ...patch });
  // While typing: the author limit, and a first author who already leads another work.
  // (The rules themselves, over the catalog as it would be with these rows: what the check will say.)
  const rows = filled(authors);
  const live = (() => {
    const mine = {
      ...work,
      category: draft.category,
      variant: draft.variant,
      authors: rows.map((a) => ({ ...a, name: a.name.trim(), unit: a.unit.trim(), personId: 0 })),
    };
    const input = {
      profile,
      catalog: { unit, works: works.map((w) => (w.id === work.id ? mine : w)) },
      facts: new Map(),
    };
    return [...authorCountRules(input), ...peopleRules(input)].filter((f) => f.work === key);
  })();
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

      <h3>作者(第一作者为联系人，最多 {spec.maxAuthors} 人)</h3>
      <datalist id="known-people">
        {people.map((p) => (
          <option key={p.id} value={p.name}>
            {p.unit} · {p.works} 件作品
          </option>
        ))}
      </datalist>
      <table id={domId('authors')} className="authors">
        <thead>
          <tr>
            <th>序</th>
            <th>姓名</th>
            <th>所在单位</th>
            <th>手机</th>
            <th>电子邮箱</th>
            <th></th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {(['name', 'unit', 'mobile', 'email'] as const).map((k) => (
                <td key={k}>
                  <input
                    aria-label={`作者${i + 1}${{ name: '姓名', unit: '所在单位', mobile: '手机', email: '电子邮箱' }[k]}`}
                    list={k === 'name' ? 'known-people' : undefined}
                    value={a[k]}
                    onChange={(e) => {
                      let row = { ...a, [k]: e.target.value };
                      // A known person picked by name: their unit and contacts are filled in.
                      const same = k === 'name' ? known(e.target.value) : [];
                      if (same.length === 1 && !a.unit)
                        row = {
                          ...row,
                          unit: same[0]!.unit,
                          mobile: a.mobile || same[0]!.mobile,
                          email: a.email || same[0]!.email,
                        };
                      setAuthorRows(authors.map((x, j) => (j === i ? row : x)));
                    }}
                  />
                </td>
              ))}
              <td className="known">
                {known(a.name)
                  .filter((p) => p.unit === a.unit.trim())
                  .map((p) => `已在 ${p.works} 件作品中${p.firstAuthor ? `(第一作者 ${p.firstAuthor} 件)` : ''}`)
                  .join('') || (a.name ? '新作者' : '')}
              </td>
              <td className="nowrap">
                <button
                  disabled={i === 0}
                  aria-label={`上移作者${i + 1}`}
                  onClick={() =>
                    setAuthorRows(authors.map((x, j) => (j === i - 1 ? authors[i]! : j === i ? authors[i - 1]! : x)))
                  }
                >
                  ↑
                </button>{' '}
                <button
                  aria-label={`删除作者${i + 1}`}
                  onClick={() => setAuthorRows(authors.filter((_, j) => j !== i))}
                >
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {live.map((f, i) => (
        <div key={i} className={`inline-${f.severity}`} aria-label="作者检查">
          {f.message}
        </div>
      ))}
      <div className="buttons">
        <button onClick={() => setAuthorRows([...authors, blank])}>添加作者</button>
      </div>

      <h3>文件</h3>
      <table id={domId('files')}>
        <tbody>
          {work.files.map((f) => (
            <tr key={f.id} id={domId(`file:${f.path}`)}>
              <td>
                <select
                  aria-label={`${f.path} 的用途`}
                  value={f.role}
                  onChange={(e) => void setFileRole(f.id, e.target.value as Role)}
                >
                  {spec.roles.map((r) => (
                    <option key={r.role} value={r.role}>
                      {r.label}
                    </option>
                  ))}
                  {!spec.roles.some((r) => r.role === f.role) && (
                    <option value={f.role}>{profile.roleNames[f.role]}</option>
                  )}
                </select>
              </td>
              <td className="file">
                {f.path}
                {f.origin && (
                  <div className="facts">
                    由 {f.origin} 生成
                    {/\.baosong[\\/]fixed[\\/]/.test(f.absPath) && (
                      <button className="secondary small" onClick={() => void fix(f.id, 'restore')}>
                        还原
                      </button>
                    )}
                  </div>
                )}
                {details[f.id] && <div className="facts">{details[f.id]!.summary}</div>}
                {details[f.id]?.image && (
                  <img
                    className="thumb"
                    src={details[f.id]!.image!}
                    alt={details[f.id]!.imageLabel ?? ''}
                    title={details[f.id]!.imageLabel ?? ''}
                  />
                )}
                {fileFindings(f.path).map((x, i) => (
                  <div key={i} className={`inline-${x.severity}`}>
                    {x.message}
                  </div>
                ))}
              </td>
              <td>
                <button onClick={() => void removeFile(f.id)}>移除</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div
        className={dragging ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        {native
          ? '把文件拖到这里添加(按文件名和类型自动判断用途)'
          : '在下面填写文件路径或点“浏览…”添加文件(浏览器模式不能拖入)'}
      </div>
      {dropError && <div className="inline-error">{dropError}</div>}
      <div className="buttons">
        <select aria-label="新文件的用途" value={fileRole} onChange={(e) => setNewRole(e.target.value)}>
          <option value="">(自动判断用途)</option>
          {spec.roles.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <PathField label="文件路径" kind="file" value={filePath} onChange={setFilePath} placeholder="文件的完整路径" />
        <button
          disabled={!filePath}
          onClick={() => {
            const sent = filePath;
            void addFile(work.id, (fileRole || undefined) as Role | undefined, filePath).then(() =>
              setFilePath((now) => (now === sent ? '' : now)),
            );
          }}
        >
          添加文件
        </button>
      </div>

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

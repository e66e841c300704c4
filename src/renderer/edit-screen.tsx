// 作品编辑: category and stage, title with a live 《》 check, authors, subject and grade, the form's fields with
// character counters, the 推荐评语 with its ≥100 counter, scenes, files by role (path field), and the checklist.
import { useEffect, useState } from 'react';
import { CATEGORIES, STAGES, type Author, type Work } from '../shared/model.js';
import { liaoning29 as profile } from '../shared/rules/liaoning-29.js';
import { charCount, charCountNoSpace } from '../shared/text.js';
import { useStore } from './store.js';

type AuthorRow = Omit<Author, 'personId'>;
const blank: AuthorRow = { name: '', unit: '', mobile: '', email: '', phone: '' };

function Counter({ n, limit, min }: { n: number; limit?: number | null; min?: number }) {
  const bad = (limit != null && n > limit) || (min !== undefined && n < min);
  return <span className={bad ? 'counter bad' : 'counter'}>{min !== undefined ? `${n} / 至少 ${min} 字` : limit != null ? `${n} / ${limit}` : `${n} 字`}</span>;
}

export function EditScreen() {
  const { works, editing, updateWork, setAuthors, addFile, removeFile, setFileRole, report } = useStore();
  const work = works.find((w) => w.id === editing);
  const [draft, setDraft] = useState<Work | null>(null);
  const [authors, setAuthorRows] = useState<AuthorRow[]>([]);
  const [filePath, setFilePath] = useState('');
  const [fileRole, setNewRole] = useState('');
  useEffect(() => {
    setDraft(work ?? null);
    setAuthorRows(work?.authors.map(({ personId: _p, ...a }) => a) ?? []);
  }, [work]);
  if (!work || !draft) return <p>请先在作品列表中选择一件作品。</p>;
  const spec = profile.categories[draft.category];
  const key = work.key ?? `id:${work.id}`;
  const findings = (report?.findings ?? []).filter((f) => f.work === key);
  const fileFindings = (path: string) => findings.filter((f) => f.file === path);
  const save = () => void updateWork(work.id, draft);
  const set = (patch: Partial<Work>) => setDraft({ ...draft, ...patch });
  return (
    <section className="edit">
      <h2>作品编辑 · {key}</h2>
      <div className="form">
        <label className="row">
          类别
          <select aria-label="类别" value={draft.category} onChange={(e) => set({ category: e.target.value as Work['category'] })}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {profile.categories[c].name}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          学段
          <select aria-label="学段" value={draft.stage} onChange={(e) => set({ stage: e.target.value as Work['stage'] })}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {profile.stages[s]}
              </option>
            ))}
          </select>
        </label>
        {spec.variants && (
          <label className="row">
            案例类型
            <select aria-label="案例类型" value={draft.variant ?? ''} onChange={(e) => set({ variant: (e.target.value || null) as Work['variant'] })}>
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
          <input aria-label="作品名称" value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        {/[《》]/.test(draft.title) && <div className="inline-error">作品名称请勿使用《》</div>}
        {spec.needsGradeSubject && (
          <>
            <label className="row">
              学科
              <input aria-label="学科" value={draft.subject} onChange={(e) => set({ subject: e.target.value })} />
            </label>
            <label className="row">
              年级
              <input aria-label="年级" list="grades" value={draft.grade} onChange={(e) => set({ grade: e.target.value })} />
            </label>
            <datalist id="grades">
              {(profile.gradesByStage[draft.stage] ?? profile.usualGrades).map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
          </>
        )}
        <label className="row">
          是否同意共享
          <select aria-label="是否同意共享" value={draft.share === null ? '' : draft.share ? 'yes' : 'no'} onChange={(e) => set({ share: e.target.value === '' ? null : e.target.value === 'yes' })}>
            <option value="">(未填)</option>
            <option value="yes">是</option>
            <option value="no">否</option>
          </select>
        </label>
        <label className="column">
          <span>
            推荐评语(附表1-2 质性评语) <Counter n={charCountNoSpace(draft.comment)} min={profile.commentMinChars} />
          </span>
          <textarea aria-label="推荐评语" rows={4} value={draft.comment} onChange={(e) => set({ comment: e.target.value })} />
        </label>
        {spec.fields.map((f) => (
          <label key={f.key} className="column">
            <span>
              {f.key} <Counter n={charCount(draft.fields[f.key] ?? '')} limit={f.limit} />
            </span>
            <textarea aria-label={f.key} rows={2} value={draft.fields[f.key] ?? ''} onChange={(e) => set({ fields: { ...draft.fields, [f.key]: e.target.value } })} />
          </label>
        ))}
        {spec.scenes && (
          <fieldset>
            <legend>场景</legend>
            {profile.scenes[spec.scenes].map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={draft.scenes.includes(s)} onChange={(e) => set({ scenes: e.target.checked ? [...draft.scenes, s] : draft.scenes.filter((x) => x !== s) })} /> {s}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>待人工确认</legend>
          {profile.checklist
            .filter((c) => c.categories.includes(draft.category))
            .map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={draft.checklist[c.id] === true} onChange={(e) => set({ checklist: { ...draft.checklist, [c.id]: e.target.checked } })} /> {c.text}
              </label>
            ))}
        </fieldset>
      </div>
      <div className="buttons">
        <button onClick={save}>保存作品信息</button>
      </div>

      <h3>作者(第一作者为联系人)</h3>
      <table>
        <tbody>
          {authors.map((a, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {(['name', 'unit', 'mobile', 'email'] as const).map((k) => (
                <td key={k}>
                  <input aria-label={`作者${i + 1}${{ name: '姓名', unit: '所在单位', mobile: '手机', email: '电子邮箱' }[k]}`} value={a[k]} onChange={(e) => setAuthorRows(authors.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))} />
                </td>
              ))}
              <td>
                <button disabled={i === 0} onClick={() => setAuthorRows(authors.map((x, j) => (j === i - 1 ? authors[i]! : j === i ? authors[i - 1]! : x)))}>↑</button>{' '}
                <button onClick={() => setAuthorRows(authors.filter((_, j) => j !== i))}>删除</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button onClick={() => setAuthorRows([...authors, blank])}>添加作者</button>
        <button onClick={() => void setAuthors(work.id, authors)}>保存作者</button>
      </div>

      <h3>文件</h3>
      <table>
        <tbody>
          {work.files.map((f) => (
            <tr key={f.id}>
              <td>
                <select aria-label={`${f.path} 的用途`} value={f.role} onChange={(e) => void setFileRole(f.id, e.target.value)}>
                  {spec.roles.map((r) => (
                    <option key={r.role} value={r.role}>
                      {r.label}
                    </option>
                  ))}
                  {!spec.roles.some((r) => r.role === f.role) && <option value={f.role}>{profile.roleNames[f.role]}</option>}
                </select>
              </td>
              <td className="file">
                {f.path}
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
      <div className="buttons">
        <select aria-label="新文件的用途" value={fileRole} onChange={(e) => setNewRole(e.target.value)}>
          <option value="">(选择用途)</option>
          {spec.roles.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        <input aria-label="文件路径" value={filePath} onChange={(e) => setFilePath(e.target.value)} placeholder="文件的完整路径" />
        <button disabled={!fileRole || !filePath} onClick={() => void addFile(work.id, fileRole, filePath).then(() => setFilePath(''))}>
          添加文件
        </button>
      </div>

      <h3>这件作品的检查结果</h3>
      <ul className="findings">
        {findings.map((f, i) => (
          <li key={i} className={f.severity}>
            <code>{f.rule}</code> {f.role && `[${profile.roleNames[f.role]}]`} {f.message}
          </li>
        ))}
        {findings.length === 0 && <li>没有问题。</li>}
      </ul>
    </section>
  );
}

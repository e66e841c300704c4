// 单位信息: the unit's name and kind (the kind decides the quotas), the 附表1-4 fields, the cloud-drive link and
// code (附表1-6), and the unit's stamped scans. A new catalog gets its unit here.
import { useEffect, useRef, useState } from 'react';
import { UNIT_KEYS, UNIT_LABELS, UNIT_TEXT_KEYS } from '../shared/entities.js';
import { SAVE_TEXT, useAutosave } from './autosave.js';
import { GROUPS, UNIT_KINDS, type Role, type Unit } from '../shared/model.js';
import { PathField } from './path-field.js';
import { useShallow } from 'zustand/react/shallow';
import { useProfile, useStore } from './store.js';

/** The unit's free-text values, as the entity declares and labels them (shared/entities.ts). */
const FIELDS = UNIT_TEXT_KEYS.map((k) => [k, UNIT_LABELS[k]] as const);

/** The unit's own values (not its edition or files), as the entity declares them. */
const own = (u: Partial<Unit>): Partial<Unit> =>
  Object.fromEntries(UNIT_KEYS.filter((k) => u[k] !== undefined).map((k) => [k, u[k]]));

export function UnitScreen() {
  const { unit, info } = useStore(useShallow((s) => ({ unit: s.unit, info: s.info })));
  // One form per catalog and per "has a unit yet": its values are the user's from here on (a refresh never
  // overwrites typing); a unit made elsewhere (an intake) starts it anew.
  return <UnitForm key={`${info?.path ?? ''}:${unit ? 'unit' : 'new'}`} />;
}

function UnitForm() {
  const profile = useProfile();
  const { unit, saveUnit, updateUnit, report, addFile, removeFile, details, loadDetails } = useStore(
    useShallow((s) => ({
      unit: s.unit,
      saveUnit: s.saveUnit,
      updateUnit: s.updateUnit,
      report: s.report,
      addFile: s.addFile,
      removeFile: s.removeFile,
      details: s.details,
      loadDetails: s.loadDetails,
    })),
  );
  const [values, setValues] = useState<Partial<Unit>>(() => own(unit ?? { kind: 'city' }));
  const [scanRole, setScanRole] = useState<string>(profile.unitRoles[0]!.role);
  const [scanPath, setScanPath] = useState('');
  const edit = (patch: Partial<Unit>) => setValues((v) => ({ ...v, ...patch }));
  // An existing unit saves itself, as a work does; a new one is created with 保存.
  const autosave = useAutosave(unit ? 'unit' : 'new', values, (v, base) =>
    unit ? updateUnit(v, base) : Promise.resolve(null),
  );
  // A value another program changed (the command line's cloud link) shows here as soon as the catalog is read again,
  // unless the user is changing that very value: what the form shows is what the catalog holds.
  const seen = useRef(unit ? own(unit) : null);
  useEffect(() => {
    if (!unit || !seen.current) return;
    const now = own(unit);
    const was = seen.current;
    seen.current = now;
    const theirs = (Object.keys(now) as (keyof Unit)[]).filter((k) => now[k] !== was[k]);
    if (theirs.length)
      setValues((v) => ({
        ...v,
        ...Object.fromEntries(theirs.filter((k) => v[k] === was[k]).map((k) => [k, now[k]])),
      }));
  }, [unit]);
  useEffect(() => {
    if (unit) void loadDetails(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- again only when a file is added or removed, not on every edit
  }, [unit?.files.length]);
  const unitFindings = (report?.findings ?? []).filter((f) => f.work === undefined && f.rule.startsWith('unit.'));
  return (
    <section>
      <h2>{unit ? unit.name : '新建组织单位'}</h2>
      {!unit && (
        <p className="hint">这是一个新目录：先填写组织单位名称(按单位公章)并选择单位类型，保存后即可添加作品。</p>
      )}
      <div className="form">
        <label className="row">
          组织单位名称
          <input
            aria-label="组织单位名称"
            value={values.name ?? ''}
            onChange={(e) => edit({ name: e.target.value })}
            placeholder="按单位公章填写"
          />
        </label>
        <label className="row">
          单位类型(决定名额)
          <select
            aria-label="单位类型"
            value={values.kind ?? 'city'}
            onChange={(e) =>
              edit({ kind: e.target.value as Unit['kind'], group: e.target.value === 'university' ? 'higher' : 'k12' })
            }
          >
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {profile.unitKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          组别
          <select
            aria-label="组别"
            value={values.group ?? 'k12'}
            onChange={(e) => edit({ group: e.target.value as Unit['group'] })}
          >
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {profile.groups[g].name}
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map(([key, label]) => (
          <label key={key} className="row">
            {label}
            <input
              aria-label={label}
              value={String(values[key] ?? '')}
              onChange={(e) => edit({ [key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {unit ? (
        <p className={`save-state ${autosave.state}`} role="status" aria-label="保存状态">
          {SAVE_TEXT[autosave.state] || '修改会自动保存'}
          {autosave.state === 'error' && `：${autosave.reason}`}
        </p>
      ) : (
        <div className="buttons">
          <button onClick={() => void saveUnit(values)}>保存</button>
        </div>
      )}
      {unitFindings.length > 0 && (
        <ul className="findings">
          {unitFindings.map((f, i) => (
            <li key={i} className={f.severity}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {unit && (
        <>
          <h3>盖章扫描件与工作报告</h3>
          <table>
            <tbody>
              {unit.files.map((f) => (
                <tr key={f.id}>
                  <td>{profile.roleNames[f.role]}</td>
                  <td className="file">
                    {f.path}
                    {details[f.id] && <div className="facts">{details[f.id]!.summary}</div>}
                  </td>
                  <td>
                    <button onClick={() => void removeFile(f.id)}>移除</button>
                  </td>
                </tr>
              ))}
              {unit.files.length === 0 && (
                <tr>
                  <td className="muted">还没有扫描件</td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="buttons">
            <select aria-label="扫描件用途" value={scanRole} onChange={(e) => setScanRole(e.target.value)}>
              {profile.unitRoles.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.label}
                </option>
              ))}
            </select>
            <PathField label="扫描件路径" kind="file" value={scanPath} onChange={setScanPath} />
            <button
              disabled={!scanPath}
              onClick={() => {
                const sent = scanPath;
                void addFile(null, scanRole as Role, scanPath).then(() =>
                  setScanPath((now) => (now === sent ? '' : now)),
                );
              }}
            >
              添加
            </button>
          </div>
        </>
      )}
    </section>
  );
}

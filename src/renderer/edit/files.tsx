// 作品编辑's files: each with its role, what the probe found (a summary, a thumbnail), its findings and 还原 for a
// fix-it's result; files added by dropping them (the app) or by path, the role guessed unless chosen.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Finding, Role, Work } from '../../shared/model.js';
import type { CategorySpec } from '../../shared/rules/profile.js';
import { domId } from '../focus.js';
import { droppedPaths, native, PathField } from '../path-field.js';
import { useProfile, useStore } from '../store.js';

export function FilesSection({ work, spec, findings }: { work: Work; spec: CategorySpec; findings: Finding[] }) {
  const profile = useProfile();
  const { addFile, removeFile, setFileRole, details, fix } = useStore(
    useShallow((s) => ({
      addFile: s.addFile,
      removeFile: s.removeFile,
      setFileRole: s.setFileRole,
      details: s.details,
      fix: s.fix,
    })),
  );
  const [filePath, setFilePath] = useState('');
  const [fileRole, setNewRole] = useState('');
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const paths = droppedPaths(e);
    if (!paths) return setDropError('浏览器模式下无法取得拖入文件的路径：请在下面的路径框中填写，或点“浏览…”选择。');
    setDropError(null);
    for (const p of paths) await addFile(work.id, undefined, p);
  };
  return (
    <>
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
                {findings
                  .filter((x) => x.file === f.path)
                  .map((x, i) => (
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
    </>
  );
}

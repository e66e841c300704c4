// A path field with a 浏览… button: the native dialog in the desktop app; in browser mode (which has no file
// paths) a small folder browser served by the bridge (fs.list).
import { useEffect, useState } from 'react';
import type { DirListing } from '../shared/api.js';
import { formatBytes } from '../shared/describe.js';
import { useStore } from './store.js';

export type PathKind = 'file' | 'folder' | 'save';

interface Native {
  choose(kind: PathKind): Promise<string[] | string | null>;
  pathForFile(file: File): string;
}

/** The preload's helpers in the desktop app; null in a plain browser. */
export const native: Native | null = (window as unknown as { baosong?: Native }).baosong ?? null;

/** Paths of files dropped on the window (the desktop app only: a browser does not tell). */
export function droppedPaths(e: React.DragEvent): string[] | null {
  if (!native) return null;
  return Array.from(e.dataTransfer.files).map((f) => native!.pathForFile(f)).filter(Boolean);
}

const sep = (dir: string) => (dir.includes('\\') && !dir.includes('/') ? '\\' : '/');
const join = (dir: string, name: string) => (dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep(dir) + name);

function FolderBrowser({ start, kind, onPick, onClose }: { start: string; kind: PathKind; onPick: (path: string) => void; onClose: () => void }) {
  const api = useStore((s) => s.api)!;
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const go = async (dir?: string) => {
    const r = await api.call('fs.list', dir ? { dir } : {});
    if (r.ok) {
      setListing(r.value);
      setError(null);
    } else setError(r.error.message);
  };
  useEffect(() => {
    void go(start || undefined).then(() => undefined);
  }, []);
  return (
    <div className="modal" role="dialog" aria-label="选择位置">
      <div className="modal-body">
        <h3>选择{kind === 'file' ? '文件' : '文件夹'}</h3>
        {listing && (
          <>
            <div className="buttons">
              {listing.roots.map((r) => (
                <button key={r} onClick={() => void go(r)}>
                  {r}
                </button>
              ))}
              <button disabled={!listing.parent} onClick={() => void go(listing.parent!)}>
                上一级
              </button>
            </div>
            <div className="browser-dir" aria-label="当前文件夹">{listing.dir}</div>
            <ul className="browser">
              {listing.entries.map((e) => (
                <li key={e.name}>
                  {e.dir ? (
                    <button className="link" onClick={() => void go(join(listing.dir, e.name))}>
                      📁 {e.name}
                    </button>
                  ) : kind !== 'folder' ? (
                    <button className="link" onClick={() => onPick(join(listing.dir, e.name))}>
                      📄 {e.name} <span className="size">{e.size !== null ? formatBytes(e.size) : ''}</span>
                    </button>
                  ) : (
                    <span className="muted">
                      📄 {e.name}
                    </span>
                  )}
                </li>
              ))}
              {listing.entries.length === 0 && <li className="muted">(空文件夹)</li>}
            </ul>
          </>
        )}
        {error && <div className="error">{error}</div>}
        <div className="buttons">
          {kind === 'folder' && listing && <button onClick={() => onPick(listing.dir)}>选择此文件夹</button>}
          {kind === 'save' && listing && (
            <>
              <input aria-label="新文件名" value={name} onChange={(e) => setName(e.target.value)} placeholder="文件名，如 沈阳市.sqlite" />
              <button disabled={!name} onClick={() => onPick(join(listing.dir, name))}>
                保存到此文件夹
              </button>
            </>
          )}
          <button onClick={onClose}>取消</button>
        </div>
      </div>
    </div>
  );
}

export function PathField({ label, value, onChange, kind, placeholder }: { label: string; value: string; onChange: (v: string) => void; kind: PathKind; placeholder?: string }) {
  const [browsing, setBrowsing] = useState(false);
  const browse = async () => {
    if (!native) return setBrowsing(true);
    const r = await native.choose(kind);
    if (typeof r === 'string') onChange(r);
    else if (r && r[0]) onChange(r[0]);
  };
  const parent = value.replace(/[\\/][^\\/]*$/, '');
  return (
    <span className="path-field">
      <input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
      <button type="button" aria-label={`浏览 ${label}`} onClick={() => void browse()}>
        浏览…
      </button>
      {browsing && (
        <FolderBrowser
          start={kind === 'folder' ? value : parent}
          kind={kind}
          onClose={() => setBrowsing(false)}
          onPick={(p) => {
            onChange(p);
            setBrowsing(false);
          }}
        />
      )}
    </span>
  );
}

// A path field with a 浏览… button: the native dialog in the desktop app; in browser mode (which has no file
// paths) a small folder browser served by the bridge (fs.list).
import { useEffect, useRef, useState } from 'react';
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
  return Array.from(e.dataTransfer.files)
    .map((f) => native!.pathForFile(f))
    .filter(Boolean);
}

const sep = (dir: string) => (dir.includes('\\') && !dir.includes('/') ? '\\' : '/');
const join = (dir: string, name: string) =>
  dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep(dir) + name;

/** Icons drawn here (an emoji needs a font many Windows installs lack: it shows as a box). */
const FolderIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M1.5 3.5h5l1.5 1.5h6.5v8h-13z" fill="#f0c14b" stroke="#b7791f" />
  </svg>
);
const FileIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M3.5 1.5h6l3 3v10h-9z" fill="#fff" stroke="#7b8794" />
    <path d="M9.5 1.5v3h3" fill="none" stroke="#7b8794" />
  </svg>
);

const LAST_FOLDER = 'baosong:last-folder';
const lastFolder = (): string => {
  try {
    return localStorage.getItem(LAST_FOLDER) ?? '';
  } catch {
    return '';
  }
};

function FolderBrowser({
  start,
  kind,
  onPick,
  onClose,
}: {
  start: string;
  kind: PathKind;
  onPick: (path: string) => void;
  onClose: () => void;
}) {
  const api = useStore((s) => s.api)!;
  const [listing, setListing] = useState<DirListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [typed, setTyped] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const pathBox = useRef<HTMLInputElement>(null);
  // Only the latest listing asked for lands (the first one, of the start folder, may answer after a typed path's).
  const asked = useRef(0);
  // What the user is typing in the path box is theirs: a listing that lands meanwhile does not replace it. And once
  // they have gone somewhere, the opening's fall-backs (the field's folder gone → the last one → home) stop: a
  // fall-back asked after their choice would otherwise land over it.
  const typing = useRef(false);
  const moved = useRef(false);
  const go = async (dir?: string, chosen = false): Promise<boolean> => {
    if (!chosen && moved.current) return true;
    if (chosen) {
      moved.current = true;
      typing.current = false;
    }
    const mine = ++asked.current;
    const r = await api.call('fs.list', dir ? { dir } : {});
    if (mine !== asked.current) return true;
    if (r.ok) {
      setListing(r.value);
      if (!typing.current) setTyped(r.value.dir);
      setError(null);
      try {
        localStorage.setItem(LAST_FOLDER, r.value.dir);
      } catch {
        // Remembering is a convenience.
      }
      return true;
    }
    setError(r.error.message);
    return false;
  };
  const pick = (path: string) => onPick(path);
  useEffect(() => {
    // The field's folder, else the last one used, else home; a folder that is gone falls back to the next.
    void (async () => {
      for (const dir of [start, lastFolder()].filter(Boolean)) if (await go(dir)) return;
      await go();
    })();
    pathBox.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens: where it starts browsing
  }, []);
  // Focus stays in the dialog until it closes; Esc closes it.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const focusable = Array.from(
      box.current.querySelectorAll<HTMLElement>('button:not(:disabled), input, select, [tabindex="0"]'),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label="选择位置" onKeyDown={onKeyDown}>
      <div className="modal-body" ref={box}>
        <h3>选择{kind === 'file' ? '文件' : '文件夹'}</h3>
        <div className="buttons">
          <input
            ref={pathBox}
            className="path-box"
            aria-label="位置"
            value={typed}
            onChange={(e) => {
              typing.current = true;
              setTyped(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void go(typed.trim(), true);
            }}
            placeholder="输入文件夹路径后按回车"
          />
          <button className="secondary" onClick={() => void go(typed.trim(), true)}>
            转到
          </button>
        </div>
        {listing && (
          <>
            <div className="buttons">
              {listing.roots.map((r) => (
                <button key={r} className="secondary" onClick={() => void go(r, true)}>
                  {r}
                </button>
              ))}
              <button className="secondary" disabled={!listing.parent} onClick={() => void go(listing.parent!, true)}>
                上一级
              </button>
            </div>
            <div className="browser-dir" aria-label="当前文件夹">
              {listing.dir}
            </div>
            <ul className="browser">
              {listing.entries.map((e) => (
                <li key={e.name}>
                  {e.dir ? (
                    <button className="link" onClick={() => void go(join(listing.dir, e.name), true)}>
                      <FolderIcon /> {e.name}
                    </button>
                  ) : kind !== 'folder' ? (
                    <button className="link" onClick={() => pick(join(listing.dir, e.name))}>
                      <FileIcon /> {e.name} <span className="size">{e.size !== null ? formatBytes(e.size) : ''}</span>
                    </button>
                  ) : (
                    <span className="muted">
                      <FileIcon /> {e.name}
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
          {kind === 'folder' && listing && <button onClick={() => pick(listing.dir)}>选择此文件夹</button>}
          {kind === 'save' && listing && (
            <>
              <input
                aria-label="新文件名"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="文件名，如 沈阳市.sqlite"
              />
              <button disabled={!name} onClick={() => pick(join(listing.dir, name))}>
                保存到此文件夹
              </button>
            </>
          )}
          <button className="secondary" onClick={onClose}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

export function PathField({
  label,
  value,
  onChange,
  kind,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  kind: PathKind;
  placeholder?: string;
}) {
  const [browsing, setBrowsing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setBrowsing(false);
    // Focus goes back where it came from.
    setTimeout(() => opener.current?.focus(), 0);
  };
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
      <button type="button" ref={opener} aria-label={`浏览 ${label}`} onClick={() => void browse()}>
        浏览…
      </button>
      {browsing && (
        <FolderBrowser
          start={kind === 'folder' ? value : parent}
          kind={kind}
          onClose={close}
          onPick={(p) => {
            onChange(p);
            close();
          }}
        />
      )}
    </span>
  );
}

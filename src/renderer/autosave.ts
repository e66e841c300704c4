// One save model for the editor: a value saves itself a moment after the last change, one save at a time, the
// latest value last; leaving the screen saves what is pending; reloading with unsaved edits asks first.
import { useEffect, useRef, useState } from 'react';

export type SaveState = { state: 'idle' | 'pending' | 'saving' | 'saved' | 'error'; reason?: string };

/**
 * Saves `value` (compared as JSON) with `save` `delay` ms after it last changed. `key` names what is edited: a new
 * key starts over from its value as saved. `save` gets the value and `base`, the value as last saved (so that it
 * sends only what changed: another program's change to anything else is never reverted), and resolves to an error
 * message, or null when saved.
 */
export function useAutosave<T>(
  key: unknown,
  value: T,
  save: (value: T, base: T) => Promise<string | null>,
  delay = 600,
): SaveState & { flush: () => void } {
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const saved = useRef<string>(JSON.stringify(value));
  const current = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const busy = useRef(0);
  const saveRef = useRef(save);
  saveRef.current = save;
  current.current = value;

  const run = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = JSON.stringify(current.current);
    if (text === saved.current) return;
    const snapshot = current.current;
    busy.current += 1;
    chain.current = chain.current.then(async () => {
      if (mounted.current) setStatus({ state: 'saving' });
      const base = JSON.parse(saved.current) as T;
      const error = await saveRef.current(snapshot, base).catch((e: Error) => e.message);
      busy.current -= 1;
      if (!error) saved.current = text;
      if (!mounted.current) return;
      if (error) setStatus({ state: 'error', reason: error });
      else setStatus({ state: JSON.stringify(current.current) === saved.current ? 'saved' : 'pending' });
    });
  };

  // A new thing edited: what it is now is what is saved.
  useEffect(() => {
    saved.current = JSON.stringify(current.current);
    setStatus({ state: 'idle' });
  }, [key]);

  // (By content: a render that builds an equal value anew is no change.)
  const text = JSON.stringify(value);
  useEffect(() => {
    if (text === saved.current) return;
    setStatus((s) => (s.state === 'error' ? s : { state: 'pending' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(run, delay);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run reads only refs; a change of the value is what restarts the wait
  }, [text]);

  useEffect(() => {
    mounted.current = true;
    const ask = (e: BeforeUnloadEvent) => {
      if (timer.current || busy.current > 0 || JSON.stringify(current.current) !== saved.current) {
        run();
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', ask);
    return () => {
      window.removeEventListener('beforeunload', ask);
      mounted.current = false;
      // Leaving the screen: what is pending is saved now.
      run();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mounted once; run reads only refs
  }, []);

  return { ...status, flush: run };
}

/** The editor's one save state from several autosaves: a failure first, then saving, then pending. */
export function combined(...states: SaveState[]): SaveState {
  return (
    states.find((s) => s.state === 'error') ??
    states.find((s) => s.state === 'saving') ??
    states.find((s) => s.state === 'pending') ??
    states.find((s) => s.state === 'saved') ?? { state: 'idle' }
  );
}

export const SAVE_TEXT: Record<SaveState['state'], string> = {
  idle: '',
  pending: '有未保存的修改…',
  saving: '保存中…',
  saved: '已保存',
  error: '保存失败',
};

// From a finding to its field: scroll to it, focus it and mark it for a moment (the store's `focus`, set by 定位).
import { useEffect, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { domId } from '../focus.js';
import { useStore } from '../store.js';

export function useFocusField(root: RefObject<HTMLElement | null>): void {
  const { focus, clearFocus } = useStore(useShallow((s) => ({ focus: s.focus, clearFocus: s.clearFocus })));
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
  }, [clearFocus, focus, root]);
}

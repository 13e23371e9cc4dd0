import { useEffect, useRef } from 'react';

export interface Hotkey {
  /** KeyboardEvent.key, compared case-insensitively: 'n', 'Enter', 'F2', '/'. */
  key: string;
  alt?: boolean;
  ctrl?: boolean;
  /** Also fire while typing in an input (default: only when the focus is not in a text field, unless a modifier is held). */
  inInputs?: boolean;
}

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

/**
 * A page-wide keyboard shortcut. Plain keys are ignored while the clerk types in a field;
 * shortcuts with Alt or Ctrl work everywhere. Ignored while a modal dialog is open.
 */
export function useHotkey(hotkey: Hotkey, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  const { key, alt = false, ctrl = false, inInputs } = hotkey;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== key.toLowerCase()) return;
      if (e.altKey !== alt || (e.ctrlKey || e.metaKey) !== ctrl) return;
      if (!(inInputs ?? (alt || ctrl)) && isTyping(e.target)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
      e.preventDefault();
      ref.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, alt, ctrl, inInputs, enabled]);
}

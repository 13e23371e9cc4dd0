import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { currentPath, navigate } from '../router';

// One listener, added when this module loads — before the shell mounts and adds its own — so a
// guard sees a hash change first and can put the old path back before the page is swapped out.
let activeGuard: (() => void) | null = null;
window.addEventListener('hashchange', () => activeGuard?.());

/**
 * While `dirty`, leaving the page (menu, link, back button, closing the window) asks first.
 * Returns `leave(path)`: navigates without asking (after a save, or a confirmed cancel).
 */
export function useLeaveGuard(dirty: boolean, message = '填写的内容还没有保存，离开后将丢失。确认离开？') {
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const bypass = useRef(false);
  const asking = useRef(false);

  useEffect(() => {
    const here = currentPath();
    const onHash = () => {
      if (bypass.current || !dirtyRef.current) return;
      const target = currentPath();
      if (target === here) return;
      history.replaceState(history.state, '', `#${here}`);
      if (asking.current) return;
      asking.current = true;
      modal.confirm({
        title: '有未保存的修改',
        content: message,
        okText: '离开，不保存',
        cancelText: '留下继续填写',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        onOk: () => {
          bypass.current = true;
          navigate(target);
        },
        afterClose: () => {
          asking.current = false;
        },
      });
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current && !bypass.current) e.preventDefault();
    };
    activeGuard = onHash;
    window.addEventListener('beforeunload', onUnload);
    return () => {
      if (activeGuard === onHash) activeGuard = null;
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [modal, message]);

  return (path: string) => {
    bypass.current = true;
    navigate(path);
  };
}

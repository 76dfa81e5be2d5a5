import { useEffect, useRef, useState } from 'react';

/**
 * Moves the focus to an element by its id once the next render has put it on the page: the first
 * field of a row just added, or a control that stays where a removed row was (WCAG 2.4.3; a
 * removed button would drop the focus to the page body). Should a later render replace that
 * element (a list refetched after the save), the focus follows it, until the user moves on.
 *
 *   const focusAfterRender = useFocusAfterRender();
 *   onClick={() => { setRows(...); focusAfterRender(rowFieldId(key, 'name')); }}
 */
export function useFocusAfterRender(): (id: string) => void {
  const target = useRef<{ id: string; moved: boolean } | null>(null);
  const [, render] = useState(0);
  useEffect(() => {
    const current = target.current;
    if (!current) return;
    const element = document.getElementById(current.id);
    const active = document.activeElement;
    if (current.moved && active && active !== document.body && active !== element) {
      target.current = null;
      return;
    }
    if (element && active !== element) element.focus();
    if (element) current.moved = true;
  });
  return (id: string) => {
    target.current = { id, moved: false };
    render((count) => count + 1);
  };
}

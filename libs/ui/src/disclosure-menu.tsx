import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface DisclosureMenuProps {
  /** The button's content (its accessible name, unless `label` is given). */
  button: ReactNode;
  /** The button's accessible name when its content is not enough (a count, a short name). */
  label?: string;
  /** Marks the button as holding the current page (a navigation group with the page in it). */
  current?: boolean;
  /** Which edge the panel lines up with. */
  align?: 'start' | 'end';
  className?: string;
  /** The panel: lists of links and buttons (Designsystemet's dropdown look). */
  children: ReactNode;
}

/**
 * A button that shows and hides a panel below it, styled as Designsystemet's Dropdown
 * (`ds-dropdown`): the disclosure pattern (aria-expanded, aria-controls). Escape closes it and
 * gives the focus back to the button; so does following a link in it, or clicking or tabbing
 * out of it. No popover positioning script: the panel hangs below the button (CSS).
 */
export function DisclosureMenu({ button, label, current = false, align = 'start', className, children }: DisclosureMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className={['kb-menu', className].filter(Boolean).join(' ')}
      data-align={align}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onClick={(event) => {
        // A link followed (or an action chosen) in the panel closes it.
        if (event.target instanceof Element && event.target.closest('.ds-dropdown a, .ds-dropdown [data-closes]')) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="ds-button kb-menu__button"
        data-variant="tertiary"
        data-size="sm"
        data-current={current || undefined}
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="kb-menu__label">{button}</span>
        <span aria-hidden="true" className="kb-menu__chevron" />
      </button>
      <div id={id} className="ds-dropdown kb-menu__panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

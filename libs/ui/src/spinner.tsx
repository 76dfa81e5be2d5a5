import { useTranslation } from 'react-i18next';

interface SpinnerProps {
  size?: '2xs' | 'xs' | 'sm' | 'md' | 'lg' | 'xl';
  /** Accessible name; leave out with `decorative` when text beside it says the same. */
  label?: string;
  decorative?: boolean;
}

/** Designsystemet's spinner (`ds-spinner`): an SVG that rotates, slower with reduced motion. */
export function Spinner({ size = 'md', label, decorative = false }: SpinnerProps) {
  return (
    <svg
      className="ds-spinner"
      data-size={size}
      viewBox="0 0 50 50"
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
    >
      <circle className="ds-spinner__background" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
      <circle className="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
    </svg>
  );
}

/** "Loading …" with a spinner, announced politely; for content whose shape is unknown. */
export function LoadingState({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <div className="kb-loading" role="status">
      <Spinner size="sm" decorative />
      <span>{text ?? t('states.loading')}</span>
    </div>
  );
}

/** A grey bar of roughly the size of the text that will replace it (`ds-skeleton`). */
export function Skeleton({ width = '100%', variant = 'rectangle' }: { width?: string; variant?: 'rectangle' | 'text' }) {
  return <span className="ds-skeleton" data-variant={variant} aria-hidden="true" style={{ width }} />;
}

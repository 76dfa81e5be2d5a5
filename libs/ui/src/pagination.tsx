import { pageRange, type Page as ListPage } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  total: number;
  /** True when counting stopped at `total` (`Page.totalCapped`): "1–25 of more than 1,000", and next stays open. */
  totalCapped?: boolean | undefined;
  /** The first and last position shown and the number of pages (domain's `pageRange`). */
  range: { first: number; last: number; pageCount: number };
  onPageChange: (page: number) => void;
  /** Which list the pages are of, when a screen has more than one (each navigation landmark needs its own name). */
  listName?: string | undefined;
}

/**
 * "1–25 av 312" with previous and next buttons (Designsystemet's `ds-pagination`).
 * Native buttons, so Tab, Enter and Space work; a button is disabled at either end.
 */
export function Pagination({ page, total, totalCapped = false, range, onPageChange, listName }: PaginationProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { first, last, pageCount } = range;
  const rangeText =
    total === 0
      ? t('pagination.rangeEmpty')
      : t(totalCapped ? 'pagination.rangeOver' : 'pagination.range', {
          first: formatNumber(first, language),
          last: formatNumber(last, language),
          total: formatNumber(total, language),
        });

  return (
    <nav className="kb-pagination" aria-label={listName ? t('pagination.labelOf', { list: listName }) : t('pagination.label')}>
      <p aria-live="polite">{rangeText}</p>
      {(pageCount > 1 || totalCapped) && (
        <div className="ds-pagination">
          <ul>
            <li>
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                disabled={page <= 1}
                onClick={() => onPageChange(page - 1)}
                aria-label={t('pagination.previousPage')}
              >
                {t('pagination.previous')}
              </button>
            </li>
            <li>{t(totalCapped ? 'pagination.pageOfAtLeast' : 'pagination.pageOf', { page: formatNumber(page, language), pageCount: formatNumber(pageCount, language) })}</li>
            <li>
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                disabled={page >= pageCount && !totalCapped}
                onClick={() => onPageChange(page + 1)}
                aria-label={t('pagination.nextPage')}
              >
                {t('pagination.next')}
              </button>
            </li>
          </ul>
        </div>
      )}
    </nav>
  );
}

/** The pager under a list that is one of several on a screen: shown only when the list has more than one page. */
export function MorePagesPagination({ page, listName, onPageChange }: { page: ListPage<unknown>; listName: string; onPageChange: (page: number) => void }) {
  const range = pageRange(page);
  if (range.pageCount <= 1 && !page.totalCapped) return null;
  return <Pagination page={page.page} total={page.total} totalCapped={page.totalCapped} range={range} onPageChange={onPageChange} listName={listName} />;
}

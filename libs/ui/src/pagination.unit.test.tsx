import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { pageRange } from '@kompetansebro/domain';
import { Pagination } from './pagination';

describe('Pagination', () => {
  it('says the range of all and shuts next on the last page', () => {
    const page = { page: 2, pageSize: 25, total: 40 };
    render(<Pagination page={page.page} total={page.total} range={pageRange(page)} onPageChange={() => undefined} />);
    expect(screen.getByText('26–40 av 40')).toBeTruthy();
    expect(screen.getByText('Side 2 av 2')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Neste side' }).hasAttribute('disabled')).toBe(true);
  });

  it('says "more than" when counting stopped, and keeps next open past the counted pages', () => {
    const page = { page: 40, pageSize: 25, total: 1_000, totalCapped: true };
    const onPageChange = vi.fn();
    render(<Pagination page={page.page} total={page.total} totalCapped={page.totalCapped} range={pageRange(page)} onPageChange={onPageChange} />);
    expect(screen.getByText(/^976–1\s000 av over 1\s000$/)).toBeTruthy();
    expect(screen.getByText('Side 40 av minst 40')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Neste side' }));
    expect(onPageChange).toHaveBeenCalledWith(41);
  });
});

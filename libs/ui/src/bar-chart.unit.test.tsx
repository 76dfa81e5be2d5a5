import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';

describe('BarChart', () => {
  const items = [
    { key: 'n', label: 'Namdal', value: 0.5, valueText: '50 %', extra: ['Flatanger'] },
    { key: 's', label: 'Trøndelag sør', value: 1.4, valueText: '100 %', extra: ['Ingen'] },
  ];

  it('gives the figures as a table for everyone, and hides the drawn bars from screen readers', () => {
    const { container } = render(
      <BarChart caption="Dekning per region" labelHeader="Region" valueHeader="Dekning" extraHeaders={['Hull']} items={items} />,
    );
    const table = screen.getByRole('table', { name: 'Dekning per region' });
    const namdal = within(table).getByRole('row', { name: /Namdal/ });
    expect([...namdal.querySelectorAll('th, td')].map((cell) => cell.textContent)).toEqual(['Namdal', '50 %', 'Flatanger']);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Region', 'Dekning', 'Hull']);

    const bars = container.querySelector('.kb-bar-chart__bars');
    expect(bars?.getAttribute('aria-hidden')).toBe('true');
    // A bar is as long as its share, never longer than the track.
    const widths = [...container.querySelectorAll<HTMLElement>('.kb-bar-chart__bar')].map((bar) => bar.style.width);
    expect(widths).toEqual(['50%', '100%']);
  });
});

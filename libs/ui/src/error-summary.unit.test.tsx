import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, type ErrorSummaryItem } from './error-summary';

describe('ErrorSummary', () => {
  // The form is on the page before its errors are: the summary shows after a try to save.
  const renderForm = (errors: ErrorSummaryItem[]) => {
    const form = (shown: ErrorSummaryItem[]) => (
      <>
        <ErrorSummary errors={shown} />
        <form id="hours-save">
          <label htmlFor="name">Navn</label>
          <input id="name" />
          <button type="submit">Lagre</button>
        </form>
      </>
    );
    const view = render(form([]));
    view.rerender(form(errors));
    return screen.getAllByRole('listitem').map((item) => item.textContent);
  };

  it('keeps different errors that share an anchor that is no field, and says an identical one once', () => {
    const lines = renderForm([
      { fieldId: 'hours-save', message: 'Ukeplanen er for lang.' },
      { fieldId: 'hours-save', message: 'For mange sesonger.' },
      { fieldId: 'hours-save', message: 'Ukeplanen er for lang.' },
    ]);
    expect(lines).toEqual(['Ukeplanen er for lang.', 'For mange sesonger.']);
  });

  it('gives a field one line, its first error', () => {
    const lines = renderForm([
      { fieldId: 'name', message: 'Fyll ut feltet.' },
      { fieldId: 'name', message: 'Skriv høyst 200 tegn.' },
    ]);
    expect(lines).toEqual(['Navn: Fyll ut feltet.']);
  });
});

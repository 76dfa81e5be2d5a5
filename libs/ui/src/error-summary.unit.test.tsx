import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './error-summary';

describe('ErrorSummary', () => {
  it('keeps different errors that share an anchor, and says an identical one once', () => {
    render(
      <>
        <ErrorSummary
          errors={[
            { fieldId: 'hours-save', message: 'Ukeplanen er for lang.' },
            { fieldId: 'hours-save', message: 'For mange sesonger.' },
            { fieldId: 'hours-save', message: 'Ukeplanen er for lang.' },
          ]}
        />
        <button id="hours-save" type="submit">
          Lagre
        </button>
      </>,
    );
    const lines = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual(['Ukeplanen er for lang.', 'For mange sesonger.']);
  });
});

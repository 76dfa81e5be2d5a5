import { describe, expect, it } from 'vitest';
import { gridFieldId, inputOf, seasonFieldId, valuesOf } from './opening-hours-form';

describe('the opening-hours form', () => {
  const values = valuesOf({
    weekly: [
      { weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' },
      { weekday: 'mo', kind: 'self_service', from: '07:00', to: '22:00' },
      { weekday: 'sa', kind: 'staffed', from: '11:00', to: '14:00' },
    ],
    seasons: [{ name: 'Sommertid', from: '2027-06-21', to: '2027-08-08', weekly: [{ weekday: 'tu', kind: 'staffed', from: '10:00', to: '14:00' }] }],
    exceptions: [{ date: '2027-12-24', periods: [], note: 'Julaften' }],
    openOnPublicHolidays: false,
  });

  it('sends the grid back as the periods it was made from, and closed days as none', () => {
    const { input } = inputOf(values);
    expect(input.weekly).toEqual([
      { weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' },
      { weekday: 'sa', kind: 'staffed', from: '11:00', to: '14:00' },
      { weekday: 'mo', kind: 'self_service', from: '07:00', to: '22:00' },
    ]);
    expect(input.seasons[0]?.weekly).toEqual([{ weekday: 'tu', kind: 'staffed', from: '10:00', to: '14:00' }]);
    expect(input.exceptions).toEqual([{ date: '2027-12-24', periods: [], note: 'Julaften' }]);
  });

  it('knows which input each path the API may name came from, so an error lands beside it', () => {
    const { fields } = inputOf(values);
    expect(fields.get('weekly.1.to')).toBe(gridFieldId('weekly', 'sa', 'staffedTo'));
    expect(fields.get('weekly.2.from')).toBe(gridFieldId('weekly', 'mo', 'selfServiceFrom'));
    const season = values.seasons[0];
    expect(fields.get('seasons.0.to')).toBe(seasonFieldId(season?.key ?? '', 'to'));
    expect(fields.get('seasons.0.weekly.0.from')).toBe(gridFieldId(`season-${season?.key}`, 'tu', 'staffedFrom'));
  });

  it('sends a half-filled row as it is, for the API to say what is missing', () => {
    const half = { ...values, weekly: { ...values.weekly, we: { staffedFrom: '10:00', staffedTo: '', selfServiceFrom: '', selfServiceTo: '' } } };
    expect(inputOf(half).input.weekly).toContainEqual({ weekday: 'we', kind: 'staffed', from: '10:00', to: '' });
  });
});

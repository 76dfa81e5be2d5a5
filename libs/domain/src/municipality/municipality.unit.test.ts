import { describe, expect, it } from 'vitest';
import { municipalityAndRegion } from './municipality.schema';

describe('municipalityAndRegion', () => {
  it('names the municipality and its region, the region once where it bears the same name', () => {
    expect(municipalityAndRegion('Steinkjer', 'Innherred')).toBe('Steinkjer, Innherred');
    expect(municipalityAndRegion('Trondheim', 'Trondheim')).toBe('Trondheim');
    expect(municipalityAndRegion('Trondheim', null)).toBe('Trondheim');
    expect(municipalityAndRegion(null, 'Namdal')).toBe('Namdal');
    expect(municipalityAndRegion(null, null)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { contactCreateSchema, REDACTED, redactPersonalData, redactStoredValue } from './contact.schema';

const person = {
  id: '0b8a3c1e-2d4f-5a6b-8c9d-0e1f2a3b4c5d',
  actorId: '6f1c3a52-8a1e-5b1e-9c4d-2f0a7b3c9d10',
  name: 'Kari Nordmann',
  role: 'Rådgiver',
  email: 'kari.nordmann@example.org',
  phone: null,
  version: 1,
};

describe('personal data of contacts', () => {
  it('redacts name, role, e-mail and phone, keeping what is not personal', () => {
    expect(redactPersonalData(person)).toEqual({ ...person, name: REDACTED, role: REDACTED, email: REDACTED, phone: null });
  });

  it('redacts a stored audit value of any shape', () => {
    expect(redactStoredValue(null)).toBeNull();
    expect(redactStoredValue(person)).toMatchObject({ name: REDACTED, email: REDACTED, actorId: person.actorId });
    expect(redactStoredValue('Kari Nordmann')).toEqual({ value: REDACTED });
    expect(JSON.stringify(redactStoredValue(['kari.nordmann@example.org']))).not.toContain('kari');
  });
});

describe('contact input', () => {
  it('accepts a name alone and refuses a bad e-mail, phone or control characters', () => {
    expect(contactCreateSchema.parse({ actorId: person.actorId, name: ' Ola Nordmann ' }).name).toBe('Ola Nordmann');
    for (const bad of [{ email: 'not-an-email' }, { phone: 'ring meg' }, { name: 'Ola\u0000' }, { name: 'O' }, { colour: 'blue' }]) {
      expect(contactCreateSchema.safeParse({ actorId: person.actorId, name: 'Ola Nordmann', ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

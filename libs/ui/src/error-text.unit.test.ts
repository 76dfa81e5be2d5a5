import { actorKinds, domainErrorCodes, fieldErrorsFromIssues, plainTextSchema, type FieldError } from '@kompetansebro/domain';
import { initI18n, languages } from '@kompetansebro/i18n';
import { describe, expect, it } from 'vitest';
import { fieldErrorText, httpErrorText } from './error-text';

const error = (code: string, params?: FieldError['params']): FieldError => ({
  path: 'field',
  code,
  message: `API message for ${code}`,
  ...(params ? { params } : {}),
});

describe.each(languages)('fieldErrorText in %s', (language) => {
  it('explains every domain error code in the language, not with the API’s English message', async () => {
    const i18n = await initI18n({ language });
    for (const code of Object.values(domainErrorCodes)) {
      const text = fieldErrorText(i18n.t, error(code, { kinds: 'public_library' }), 'x');
      expect(text, code).not.toBe(`API message for ${code}`);
      expect(text, code).not.toMatch(/^validation\./);
    }
  });

  it('explains the rule codes forms meet without a text of their own (a cycle of parents, a double entry, a choice gone)', async () => {
    const i18n = await initI18n({ language });
    const unknown = i18n.t('validation.unknown');
    const codes = ['parent_cycle', 'duplicate_audience', 'confirmed_at_out_of_range', 'duplicate_service', 'unknown_service', 'duplicate_municipality', 'target_required', 'target_not_found', 'unknown_municipality', 'university_not_found'];
    for (const code of codes) expect(fieldErrorText(i18n.t, error(code), 'x'), code).not.toBe(unknown);
  });

  it('names every kind of actor', async () => {
    const i18n = await initI18n({ language });
    for (const kind of actorKinds) expect(i18n.t(`actorKind.${kind}`)).not.toBe(`actorKind.${kind}`);
  });
});

describe('fieldErrorText for a control character the API refuses in a text', () => {
  // The error as the API sends it: the domain's text rule on a pasted bell character.
  const checked = plainTextSchema(4000, 1).safeParse('a\u0007b');
  const [controlCharacter] = checked.success ? [] : fieldErrorsFromIssues(checked.error.issues, 'body');

  it.each([
    ['nb', 'Teksten inneholder et usynlig kontrolltegn. Fjern det, for eksempel ved å skrive teksten på nytt i stedet for å lime den inn.'],
    ['nn', 'Teksten inneheld eit usynleg kontrollteikn. Fjern det, til dømes ved å skrive teksten på nytt i staden for å lime han inn.'],
    ['en', 'The text holds an invisible control character. Remove it, for example by typing the text again instead of pasting it.'],
  ] as const)('says in %s what is wrong and what to do', async (language, text) => {
    const { t } = await initI18n({ language });
    expect(controlCharacter).toBeDefined();
    expect(fieldErrorText(t, controlCharacter as FieldError, 'a\u0007b')).toBe(text);
  });
});

describe('fieldErrorText', () => {
  it('says how long a text may be, from the params', async () => {
    const { t } = await initI18n({ language: 'nb' });
    expect(fieldErrorText(t, error('too_big', { origin: 'string', maximum: 50 }), 'x'.repeat(51))).toBe(
      'Skriv høyst 50 tegn. Korte ned teksten.',
    );
  });

  it('writes a number’s limit the way the apps print numbers', async () => {
    const { t } = await initI18n({ language: 'nb' });
    expect(fieldErrorText(t, error('too_big', { origin: 'number', maximum: 999_999_999_999.99 }), '1e15')).toBe('Verdien er for stor. Den kan være høyst 999\u00a0999\u00a0999\u00a0999,99.');
  });

  it('says what a phone number looks like, not "see the help text"', async () => {
    const { t } = await initI18n({ language: 'nb' });
    const phone: FieldError = { path: 'phone', code: 'invalid_format', message: 'A phone number has digits and spaces', params: { origin: 'string', format: 'regex' } };
    expect(fieldErrorText(t, phone, 'abc')).toMatch(/^Skriv telefonnummeret med siffer og mellomrom.*for eksempel \+47 74 00 00 00\.$/);
    expect(fieldErrorText(t, { ...phone, path: 'name' }, 'abc')).toBe('Formatet er ikke riktig. Se hjelpeteksten for feltet.');
  });

  it('asks to fill in an empty required field', async () => {
    const { t } = await initI18n({ language: 'nb' });
    expect(fieldErrorText(t, error('too_small', { origin: 'string', minimum: 2 }), '')).toBe('Fyll ut feltet.');
    expect(fieldErrorText(t, error('too_small', { origin: 'string', minimum: 2 }), 'A')).toBe('Skriv minst 2 tegn.');
  });

  it('names the kinds a parent must be', async () => {
    const { t } = await initI18n({ language: 'en' });
    expect(fieldErrorText(t, error('parent_required', { kinds: 'public_library,university' }), '')).toBe(
      'Choose the actor it belongs to (public library or university or university college).',
    );
  });

  it('says a code it does not know in general words, never with the API’s English message', async () => {
    const { t } = await initI18n({ language: 'nb' });
    expect(fieldErrorText(t, error('brand_new_code'), 'x')).toBe('Verdien kan ikke brukes. Sjekk feltet og prøv igjen.');
  });

  it('explains the date rules every form shares, in bokmål and nynorsk', async () => {
    const nb = await initI18n({ language: 'nb' });
    expect(fieldErrorText(nb.t, error('date_out_of_range'), '9999-12-31')).toBe('Datoen må være mellom år 1900 og 2199.');
    expect(fieldErrorText(nb.t, error('deadline_in_past'), '2001-01-01')).toBe('Fristen har gått ut. Velg dagens dato eller en senere dato.');
    expect(fieldErrorText(nb.t, error('end_before_start'), '2026-01-01')).toBe('Slutten er før starten. Velg en slutt som ikke er før starten.');
    const nn = await initI18n({ language: 'nn' });
    expect(fieldErrorText(nn.t, error('date_out_of_range'), '9999-12-31')).toBe('Datoen må vere mellom år 1900 og 2199.');
    expect(fieldErrorText(nn.t, error('period_reversed'), '2026-01-01')).toMatch(/^Perioden sluttar før han byrjar/);
  });

  it('explains HTTP failures by status', async () => {
    const { t } = await initI18n({ language: 'nb' });
    expect(httpErrorText(t, 0)).toMatch(/nettforbindelsen/);
    expect(httpErrorText(t, 503)).toMatch(/feil hos oss/);
  });
});

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { accountErrorCodes, contextWordsOf, newPasswordSchema, passwordHasContext, type FieldError } from '@kompetansebro/domain';
import { fieldErrorsFromZod } from '../http/problem';

// The rule for every password a person sets (ASVS 5.0 6.2): at least 12 characters (the
// domain's newPasswordSchema), no composition rules, not easy to guess — a zxcvbn estimate of at
// least 3 ("safely unguessable", about 10^8 guesses), the common-password and keyboard-pattern
// lists included — and without the service's name or the account's e-mail address in it.

/** The lowest zxcvbn score taken: 3 of 0–4. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built at the first check: reading the dictionaries takes a moment that only setting a password needs. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Why a new password for the account with `email` is refused, as field errors at `path`; empty when it is taken. */
export function newPasswordErrors(password: string, email: string | null, path = 'password'): FieldError[] {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) return fieldErrorsFromZod(parsed.error, path);
  if (passwordHasContext(password, email)) {
    return [{ path, code: accountErrorCodes.passwordHasContext, message: 'The password must not hold the name of the service or your e-mail address' }];
  }
  if (strengthEstimator().check(password, contextWordsOf(email)).score < MIN_PASSWORD_SCORE) {
    return [{ path, code: accountErrorCodes.passwordTooWeak, message: 'The password is easy to guess. Use a longer one, for example a few unrelated words.' }];
  }
  return [];
}

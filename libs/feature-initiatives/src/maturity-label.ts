import type { MaturityLevel } from '@kompetansebro/domain';
import type { TFunction } from 'i18next';

const maturityKeys = { '1.0': 'one', '2.0': 'two', '3.0': 'three' } as const satisfies Record<MaturityLevel, string>;

/** A maturity level with its name ("3.0 – strategisk partnerskap"), wherever it is shown: the bare code tells a reader nothing. */
export function maturityLabel(t: TFunction, level: MaturityLevel): string {
  return t(`initiatives.maturity.${maturityKeys[level]}`);
}

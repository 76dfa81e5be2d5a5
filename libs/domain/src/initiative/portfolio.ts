import { maturityLevels, type MaturityLevel } from './initiative.schema';

/** The criteria the county ranks initiatives by for prioritisation. */
export const portfolioCriteria = ['effect', 'cost', 'maturity'] as const;
export type PortfolioCriterion = (typeof portfolioCriteria)[number];

/** How much each criterion counts, 0 (not at all) to 5. */
export type PortfolioWeights = Record<PortfolioCriterion, number>;
export const MAX_PORTFOLIO_WEIGHT = 5;
export const defaultPortfolioWeights: PortfolioWeights = { effect: 3, cost: 2, maturity: 1 };

/** Societal effect as the county assessed it: 1 (little) to 5 (great). */
const MAX_SOCIETAL_EFFECT = 5;

export interface PortfolioCandidate {
  id: string;
  title: string;
  /** 1–5; null when not assessed. */
  societalEffect: number | null;
  /** The granted budget in kroner; null when unknown. */
  cost: number | null;
  maturityLevel: MaturityLevel | null;
}

interface PortfolioRanking<T extends PortfolioCandidate> {
  candidate: T;
  rank: number;
  /** 0–100: the weighted mean of the criteria's scores (each 0–1); a missing value counts as 0. */
  score: number;
  /** Each criterion's score 0–1, null when the initiative lacks the value. */
  parts: Record<PortfolioCriterion, number | null>;
  missing: PortfolioCriterion[];
}

/** A weight as the county may give it: a whole number 0–5 (anything else is clamped). */
export function clampWeight(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_PORTFOLIO_WEIGHT, Math.max(0, Math.round(value)));
}

/**
 * Ranks initiatives for prioritisation: greater societal effect, lower cost (relative to the
 * cheapest and dearest among them) and higher maturity score higher, each as much as its weight.
 * Equal scores share a rank; ties are listed by title. All weights 0: everyone scores 0.
 */
export function rankPortfolio<T extends PortfolioCandidate>(candidates: readonly T[], weights: PortfolioWeights): PortfolioRanking<T>[] {
  const w: PortfolioWeights = { effect: clampWeight(weights.effect), cost: clampWeight(weights.cost), maturity: clampWeight(weights.maturity) };
  const weightSum = w.effect + w.cost + w.maturity;
  const costs = candidates.map((c) => c.cost).filter((c): c is number => c !== null);
  const cheapest = Math.min(...costs);
  const dearest = Math.max(...costs);

  const scored = candidates.map((candidate) => {
    const parts: Record<PortfolioCriterion, number | null> = {
      effect: candidate.societalEffect === null ? null : (candidate.societalEffect - 1) / (MAX_SOCIETAL_EFFECT - 1),
      // With one known cost (or all the same) there is nothing to tell apart: every known cost scores full.
      cost: candidate.cost === null ? null : dearest === cheapest ? 1 : (dearest - candidate.cost) / (dearest - cheapest),
      maturity: candidate.maturityLevel === null ? null : maturityLevels.indexOf(candidate.maturityLevel) / (maturityLevels.length - 1),
    };
    const weighted = weightSum === 0 ? 0 : (w.effect * (parts.effect ?? 0) + w.cost * (parts.cost ?? 0) + w.maturity * (parts.maturity ?? 0)) / weightSum;
    const missing = (Object.keys(parts) as PortfolioCriterion[]).filter((criterion) => parts[criterion] === null);
    return { candidate, score: Math.round(weighted * 1000) / 10, parts, missing };
  });

  scored.sort((a, b) => b.score - a.score || a.candidate.title.localeCompare(b.candidate.title, 'nb'));
  let rank = 0;
  return scored.map((entry, index) => {
    if (index === 0 || entry.score !== scored[index - 1]?.score) rank = index + 1;
    return { ...entry, rank };
  });
}

import { describe, expect, it } from 'vitest';
import { clampWeight, rankPortfolio, type PortfolioCandidate } from './portfolio';

const candidate = (id: string, overrides: Partial<PortfolioCandidate> = {}): PortfolioCandidate => ({
  id,
  title: id,
  societalEffect: null,
  cost: null,
  maturityLevel: null,
  ...overrides,
});

describe('rankPortfolio', () => {
  const cheapButWeak = candidate('A', { societalEffect: 2, cost: 100_000, maturityLevel: '1.0' });
  const dearButStrong = candidate('B', { societalEffect: 5, cost: 1_000_000, maturityLevel: '3.0' });

  it('puts the greater effect first when effect weighs most', () => {
    const ranked = rankPortfolio([cheapButWeak, dearButStrong], { effect: 5, cost: 1, maturity: 0 });
    expect(ranked.map((r) => r.candidate.id)).toEqual(['B', 'A']);
  });

  it('puts the cheaper first when only cost counts', () => {
    const ranked = rankPortfolio([dearButStrong, cheapButWeak], { effect: 0, cost: 5, maturity: 0 });
    expect(ranked.map((r) => [r.candidate.id, r.score])).toEqual([
      ['A', 100],
      ['B', 0],
    ]);
  });

  it('scores maturity 1.0, 2.0, 3.0 as 0, ½ and 1', () => {
    const ranked = rankPortfolio(
      [candidate('x', { maturityLevel: '1.0' }), candidate('y', { maturityLevel: '2.0' }), candidate('z', { maturityLevel: '3.0' })],
      { effect: 0, cost: 0, maturity: 1 },
    );
    expect(ranked.map((r) => [r.candidate.id, r.score])).toEqual([
      ['z', 100],
      ['y', 50],
      ['x', 0],
    ]);
  });

  it('counts a missing value as 0 and names it', () => {
    const [first, second] = rankPortfolio([candidate('none'), candidate('assessed', { societalEffect: 3 })], { effect: 1, cost: 1, maturity: 1 });
    expect(first?.candidate.id).toBe('assessed');
    expect(first?.missing).toEqual(['cost', 'maturity']);
    expect(second?.missing).toEqual(['effect', 'cost', 'maturity']);
    expect(second?.score).toBe(0);
  });

  it('gives equal scores the same rank, listed by title', () => {
    const ranked = rankPortfolio([candidate('b', { societalEffect: 4 }), candidate('a', { societalEffect: 4 }), candidate('c', { societalEffect: 1 })], {
      effect: 2,
      cost: 0,
      maturity: 0,
    });
    expect(ranked.map((r) => [r.candidate.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('scores everyone 0 when every weight is 0', () => {
    expect(rankPortfolio([dearButStrong], { effect: 0, cost: 0, maturity: 0 })[0]?.score).toBe(0);
  });
});

describe('clampWeight', () => {
  it('keeps weights whole and within 0–5', () => {
    expect([clampWeight(-1), clampWeight(2.4), clampWeight(9), clampWeight(Number.NaN)]).toEqual([0, 2, 5, 0]);
  });
});

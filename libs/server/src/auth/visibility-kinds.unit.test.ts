import { describe, expect, it } from 'vitest';
import { actorSet, everyActor, noActor } from '@kompetansebro/domain';
import { holdsEveryActorOf } from './visibility';

describe('a set that holds every actor of some kinds (no condition needed for a query of those kinds)', () => {
  const libraries = ['public_library', 'library_branch'];

  it('holds them when it is every actor, or goes by all of those kinds', () => {
    expect(holdsEveryActorOf(everyActor, libraries)).toBe(true);
    expect(holdsEveryActorOf(actorSet({ ids: ['a'], kinds: ['library_branch', 'public_library', 'university'] }), libraries)).toBe(true);
  });

  it('does not when one kind is missing, or the set goes by ids or place only', () => {
    expect(holdsEveryActorOf(actorSet({ kinds: ['public_library'] }), libraries)).toBe(false);
    expect(holdsEveryActorOf(actorSet({ ids: ['a'], municipalities: ['5001'] }), libraries)).toBe(false);
    expect(holdsEveryActorOf(noActor, libraries)).toBe(false);
  });
});

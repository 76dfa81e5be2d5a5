import { describe, expect, it, vi } from 'vitest';
import type { Principal } from '../auth/principal';
import { createReadReuse } from './read-reuse';

const principal = (organisationId: string): Principal => ({
  userId: 'u1',
  email: 'kari@example.no',
  name: 'Kari',
  memberships: [],
  organisationId,
  organisationKind: 'county_authority',
  role: 'county_admin',
});

function clock() {
  let time = 1_800_000_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('reusing who a session belongs to', () => {
  it('reads the session once within the reuse time, and again after it', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    const load = vi.fn(async () => principal('a'));
    await reuse.principalOf('token', load);
    advance(4_999);
    expect(await reuse.principalOf('token', load)).toEqual(principal('a'));
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await reuse.principalOf('token', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads on every request when the reuse time is 0', async () => {
    const reuse = createReadReuse(0, clock().now);
    const load = vi.fn(async () => principal('a'));
    await reuse.principalOf('token', load);
    await reuse.principalOf('token', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps a session that does not open, so a token that starts working is read at once', async () => {
    const reuse = createReadReuse(5, clock().now);
    const load = vi.fn<() => Promise<Principal | null>>().mockResolvedValueOnce(null).mockResolvedValueOnce(principal('a'));
    expect(await reuse.principalOf('token', load)).toBeNull();
    expect(await reuse.principalOf('token', load)).toEqual(principal('a'));
  });

  it('forgets every kept session on a change, and does not keep what a read begun before the change found', async () => {
    const reuse = createReadReuse(5, clock().now);
    await reuse.principalOf('token', async () => principal('a'));
    reuse.forget();
    expect(await reuse.principalOf('token', async () => principal('b'))).toEqual(principal('b'));

    let finish: (p: Principal) => void = () => undefined;
    const slow = reuse.principalOf('other', () => new Promise<Principal>((resolve) => (finish = resolve)));
    reuse.forget();
    finish(principal('old'));
    expect(await slow).toEqual(principal('old'));
    const load = vi.fn(async () => principal('new'));
    expect(await reuse.principalOf('other', load)).toEqual(principal('new'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps sessions apart by token', async () => {
    const reuse = createReadReuse(5, clock().now);
    await reuse.principalOf('one', async () => principal('a'));
    expect(await reuse.principalOf('two', async () => principal('b'))).toEqual(principal('b'));
    expect(await reuse.principalOf('one', async () => principal('x'))).toEqual(principal('a'));
  });
});

describe('reusing the agreement calendar check', () => {
  it('lets reads skip it within the reuse time; writes and a change always apply it', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    const apply = vi.fn(async () => []);
    await reuse.checkCalendar(apply, true, '2026-12-04');
    await reuse.checkCalendar(apply, true, '2026-12-04');
    expect(apply).toHaveBeenCalledTimes(1);
    await reuse.checkCalendar(apply, false, '2026-12-04');
    expect(apply).toHaveBeenCalledTimes(2);
    reuse.forget();
    await reuse.checkCalendar(apply, true, '2026-12-04');
    expect(apply).toHaveBeenCalledTimes(3);
    advance(5_000);
    await reuse.checkCalendar(apply, true, '2026-12-04');
    expect(apply).toHaveBeenCalledTimes(4);
  });

  it('applies it again when the day changes, however recently it ran', async () => {
    const reuse = createReadReuse(5, clock().now);
    const apply = vi.fn(async () => []);
    await reuse.checkCalendar(apply, true, '2026-12-04');
    await reuse.checkCalendar(apply, true, '2026-12-05');
    expect(apply).toHaveBeenCalledTimes(2);
  });

  it('takes a clock set back as making what is kept stale', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    const load = vi.fn(async () => principal('a'));
    await reuse.principalOf('token', load);
    advance(-60_000);
    await reuse.principalOf('token', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('applies it on every read when the reuse time is 0', async () => {
    const reuse = createReadReuse(0, clock().now);
    const apply = vi.fn(async () => []);
    await reuse.checkCalendar(apply, true, '2026-12-04');
    await reuse.checkCalendar(apply, true, '2026-12-04');
    expect(apply).toHaveBeenCalledTimes(2);
  });
});

describe('reusing a costly answer', () => {
  it('loads once within the reuse time, per key, and again after it', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    const load = vi.fn(async () => ({ share: 0.5 }));
    expect(await reuse.answerOf('u1', load)).toEqual({ share: 0.5 });
    advance(4_999);
    await reuse.answerOf('u1', load);
    expect(load).toHaveBeenCalledTimes(1);
    await reuse.answerOf('u2', load);
    expect(load).toHaveBeenCalledTimes(2);
    advance(1);
    await reuse.answerOf('u1', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('forgets on a change, and does not keep an answer read while a change went through', async () => {
    const reuse = createReadReuse(5, clock().now);
    await reuse.answerOf('u1', async () => 'old');
    reuse.forget();
    expect(await reuse.answerOf('u1', async () => 'new')).toBe('new');
    await reuse.answerOf('u2', async () => {
      reuse.forget();
      return 'read while it changed';
    });
    expect(await reuse.answerOf('u2', async () => 'after')).toBe('after');
  });

  it('loads every time when the reuse time is 0', async () => {
    const reuse = createReadReuse(0, clock().now);
    const load = vi.fn(async () => 1);
    await reuse.answerOf('u1', load);
    await reuse.answerOf('u1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

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

  it('gives the kept answer for one more reuse time while a single read refreshes it', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    await reuse.answerOf('u1', async () => 'first');
    advance(5_000);
    let finish: (value: string) => void = () => undefined;
    const refresh = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(await reuse.answerOf('u1', refresh)).toBe('first');
    expect(await reuse.answerOf('u1', refresh)).toBe('first');
    expect(refresh).toHaveBeenCalledTimes(1);
    finish('second');
    await vi.waitFor(async () => expect(await reuse.answerOf('u1', refresh)).toBe('second'));
    expect(refresh).toHaveBeenCalledTimes(1);
    // Twice the reuse time after it was read: the asker waits for a new read.
    advance(10_000);
    expect(await reuse.answerOf('u1', async () => 'third')).toBe('third');
  });

  it('drops a stale answer whose refresh failed, so the next asker reads for itself', async () => {
    const { now, advance } = clock();
    const reuse = createReadReuse(5, now);
    await reuse.answerOf('u1', async () => 'first');
    advance(6_000);
    expect(await reuse.answerOf('u1', async () => Promise.reject(new Error('database gone')))).toBe('first');
    await vi.waitFor(() => expect(reuse.answerOf('u1', async () => Promise.reject(new Error('still gone')))).rejects.toThrow('still gone'));
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

describe('asking for what is being read', () => {
  /** A load that finishes when told to. */
  function pending<T>() {
    let finish: (value: T) => void = () => undefined;
    const load = vi.fn(() => new Promise<T>((resolve) => (finish = resolve)));
    return { load, finish: (value: T) => finish(value) };
  }

  it('joins the read under way for the same key instead of starting another', async () => {
    const reuse = createReadReuse(5, clock().now);
    const { load, finish } = pending<string>();
    const first = reuse.answerOf('u1', load);
    const second = reuse.answerOf('u1', load);
    const other = reuse.answerOf('u2', async () => 'other');
    finish('answer');
    expect(await Promise.all([first, second, other])).toEqual(['answer', 'answer', 'other']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('joins a session being read, and a calendar check under way for the same day', async () => {
    const reuse = createReadReuse(5, clock().now);
    const session = pending<Principal>();
    const both = Promise.all([reuse.principalOf('token', session.load), reuse.principalOf('token', session.load)]);
    session.finish(principal('a'));
    expect(await both).toEqual([principal('a'), principal('a')]);
    expect(session.load).toHaveBeenCalledTimes(1);

    const calendar = pending<void>();
    const reads = Promise.all([reuse.checkCalendar(calendar.load, true, '2026-12-04'), reuse.checkCalendar(calendar.load, true, '2026-12-04')]);
    calendar.finish(undefined);
    await reads;
    expect(calendar.load).toHaveBeenCalledTimes(1);
  });

  it('never joins a read begun before a change, nor lets a write join a read', async () => {
    const reuse = createReadReuse(5, clock().now);
    const before = pending<string>();
    const stale = reuse.answerOf('u1', before.load);
    reuse.forget();
    const after = reuse.answerOf('u1', async () => 'after the change');
    before.finish('before the change');
    expect(await stale).toBe('before the change');
    expect(await after).toBe('after the change');

    const calendar = pending<void>();
    const read = reuse.checkCalendar(calendar.load, true, '2026-12-04');
    const write = vi.fn(async () => undefined);
    await reuse.checkCalendar(write, false, '2026-12-04');
    expect(write).toHaveBeenCalledTimes(1);
    calendar.finish(undefined);
    await read;
  });

  it('lets every asker see a failed read fail, and reads again on the next request', async () => {
    const reuse = createReadReuse(5, clock().now);
    let fail: (error: Error) => void = () => undefined;
    const failing = vi.fn(() => new Promise<string>((_resolve, reject) => (fail = reject)));
    const both = Promise.allSettled([reuse.answerOf('u1', failing), reuse.answerOf('u1', failing)]);
    fail(new Error('database gone'));
    expect((await both).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await reuse.answerOf('u1', async () => 'back')).toBe('back');
  });
});

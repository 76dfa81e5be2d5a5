import { describe, expect, it } from 'vitest';
import { createAnswerReuse } from './answer-reuse';

function clock() {
  let time = 1_800_000_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const answer = (text: string) => ({ headers: [['Content-Type', 'text/html']] as [string, string][], body: new TextEncoder().encode(text) });
const textOf = (kept: ReturnType<ReturnType<typeof createAnswerReuse>['answerFor']>) => (kept ? new TextDecoder().decode(kept.body) : undefined);

describe('public answers kept for the next request', () => {
  it('gives an answer again within its seconds and not after them', () => {
    const { now, advance } = clock();
    const reuse = createAnswerReuse(60, now);
    reuse.keep('/', reuse.begin(), answer('first'));
    advance(59_999);
    expect(textOf(reuse.answerFor('/'))).toBe('first');
    advance(1);
    expect(reuse.answerFor('/')).toBeUndefined();
  });

  it('takes a clock set back as the end of what is kept', () => {
    const { now, advance } = clock();
    const reuse = createAnswerReuse(60, now);
    reuse.keep('/', reuse.begin(), answer('first'));
    advance(-1);
    expect(reuse.answerFor('/')).toBeUndefined();
  });

  it('forgets everything on a change, and does not keep an answer begun before it', () => {
    const reuse = createAnswerReuse(60, clock().now);
    reuse.keep('/', reuse.begin(), answer('first'));
    const begunBefore = reuse.begin();
    reuse.forget();
    expect(reuse.answerFor('/')).toBeUndefined();
    reuse.keep('/', begunBefore, answer('read before the change'));
    expect(reuse.answerFor('/')).toBeUndefined();
    reuse.keep('/', reuse.begin(), answer('after'));
    expect(textOf(reuse.answerFor('/'))).toBe('after');
  });

  it('keeps nothing with no seconds, and at most 200 answers, the oldest going first', () => {
    const none = createAnswerReuse(0, clock().now);
    none.keep('/', none.begin(), answer('first'));
    expect(none.answerFor('/')).toBeUndefined();
    const reuse = createAnswerReuse(60, clock().now);
    for (let i = 0; i <= 200; i++) reuse.keep(`/${i}`, reuse.begin(), answer(String(i)));
    expect(reuse.answerFor('/0')).toBeUndefined();
    expect(textOf(reuse.answerFor('/1'))).toBe('1');
    expect(textOf(reuse.answerFor('/200'))).toBe('200');
  });
});

describe('an answer being built', () => {
  it('is waited for by whoever asks meanwhile, and kept for them', async () => {
    const reuse = createAnswerReuse(60, clock().now);
    let finish: () => void = () => undefined;
    const build = reuse.building('/', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      reuse.keep('/', reuse.begin(), answer('built once'));
    });
    const waiting = reuse.underWay('/');
    expect(waiting).toBeDefined();
    expect(reuse.underWay('/other')).toBeUndefined();
    finish();
    await Promise.all([build, waiting]);
    expect(textOf(reuse.answerFor('/'))).toBe('built once');
    expect(reuse.underWay('/')).toBeUndefined();
  });

  it('gives the answer that just ran out while its successor is built, not one older than twice the time, nor across a change', () => {
    const { now, advance } = clock();
    const reuse = createAnswerReuse(60, now);
    reuse.keep('/', reuse.begin(), answer('first'));
    advance(60_000);
    expect(reuse.answerFor('/')).toBeUndefined();
    expect(textOf(reuse.lastAnswerFor('/'))).toBe('first');
    advance(59_999);
    expect(textOf(reuse.lastAnswerFor('/'))).toBe('first');
    advance(1);
    expect(reuse.lastAnswerFor('/')).toBeUndefined();
    reuse.keep('/', reuse.begin(), answer('second'));
    advance(60_000);
    reuse.forget();
    expect(reuse.lastAnswerFor('/')).toBeUndefined();
  });

  it('ends for those waiting however it ends, and is not waited for across a change', async () => {
    const reuse = createAnswerReuse(60, clock().now);
    let fail: (error: Error) => void = () => undefined;
    const failing = reuse.building('/', () => new Promise<void>((_resolve, reject) => (fail = reject)));
    const waiting = reuse.underWay('/');
    fail(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    await expect(waiting).resolves.toBeUndefined();
    expect(reuse.underWay('/')).toBeUndefined();

    let finish: () => void = () => undefined;
    const before = reuse.building('/', () => new Promise<void>((resolve) => (finish = resolve)));
    reuse.forget();
    expect(reuse.underWay('/')).toBeUndefined();
    finish();
    await before;
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerLogger } from './server-logger';

const run = promisify(execFile);

describe('the server logger', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-log-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const linesOf = async (file: string) =>
    (await readFile(file, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; level: number });

  it('writes a line shorter than its batch within about a second', async () => {
    const file = join(dir, 'quiet.log');
    const logger = createServerLogger({ level: 'info', dest: file });
    logger.info({ requestId: 'r1' }, 'request');
    logger.debug('below the level');
    const deadline = Date.now() + 5_000;
    while ((await linesOf(file)).length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect((await linesOf(file)).map((line) => line.msg)).toEqual(['request']);
  });

  it('writes every buffered line when the process exits at once', async () => {
    const file = join(dir, 'exit.log');
    const module = fileURLToPath(new URL('./server-logger.ts', import.meta.url));
    // A descriptor open from the start, as the server's stdout is.
    const script = `import { openSync } from 'node:fs';
      import { createServerLogger } from ${JSON.stringify(module)};
      const logger = createServerLogger({ level: 'info', dest: openSync(${JSON.stringify(file)}, 'w') });
      for (let i = 0; i < 3; i++) logger.info({ i }, 'line ' + i);
      logger.error('shutting down');
      process.exit(0);`;
    await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect((await linesOf(file)).map((line) => line.msg)).toEqual(['line 0', 'line 1', 'line 2', 'shutting down']);
  });
});

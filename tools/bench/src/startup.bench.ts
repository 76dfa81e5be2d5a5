import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@kompetansebro/testing/server';

export interface StartupFigure {
  label: string;
  seconds: number;
}

/** Waits until the server's /api/health answers 200 (or it exits, or the time is up). */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not healthy within ${timeoutMs} ms`);
}

async function timeToHealthy(label: string, command: string, args: string[], dataDir: string): Promise<StartupFigure> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, 240_000);
    return { label, seconds: (performance.now() - started) / 1000 };
  } finally {
    // npm start spawns children: end the whole process group.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Seconds from start to a healthy /api/health, on a fresh data folder and on an existing one. */
export async function measureStartup(): Promise<StartupFigure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-'));
  try {
    const server = ['dist/apps/api/main.js'];
    return [
      await timeToHealthy('server, fresh data folder (create, migrate, load sample data)', 'node', server, join(dataDir, 'fresh')),
      await timeToHealthy('server, existing data folder', 'node', server, join(dataDir, 'fresh')),
      await timeToHealthy('npm start (installed, build cached), existing data folder', 'npm', ['start', '--silent'], join(dataDir, 'fresh')),
      await timeToHealthy('npm start (installed, build cached), fresh data folder', 'npm', ['start', '--silent'], join(dataDir, 'second')),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The reads a process has under way, by key: one place that says "this is being read right now",
 * so a request that wants the same thing can wait for it instead of reading it again (the read
 * reuse, the public answers). `clear()` forgets them all (a change went through), so nobody waits
 * for a read begun before it; a read that ends, however it ends, is forgotten.
 */
export interface ReadsUnderWay {
  /** The read under way for `key`, if any. */
  get<T>(key: string): Promise<T> | undefined;
  /** Runs `load()` as the read under way for `key` until it ends; its promise, as `load` gives it. */
  run<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createReadsUnderWay(): ReadsUnderWay {
  let reads = new Map<string, Promise<unknown>>();
  return {
    get: <T>(key: string) => reads.get(key) as Promise<T> | undefined,
    run(key, load) {
      const started = reads;
      const read = load().finally(() => {
        if (started.get(key) === read) started.delete(key);
      });
      started.set(key, read);
      return read;
    },
    clear() {
      reads = new Map();
    },
  };
}

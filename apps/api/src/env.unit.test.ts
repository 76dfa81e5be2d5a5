import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to port 3000 and the embedded database in ./data', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads PORT, DATABASE_URL and the sample-data flag', () => {
    const env = parseEnv({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/kb', LOAD_SAMPLE_DATA: 'true' });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u:p@db:5432/kb', LOAD_SAMPLE_DATA: true });
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => parseEnv({ LOAD_SAMPLE_DATA: 'yes please' })).toThrow(/LOAD_SAMPLE_DATA/);
  });
});

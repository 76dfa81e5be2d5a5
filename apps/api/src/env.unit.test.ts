import { describe, expect, it } from 'vitest';
import { edgeConfig, mailAndLoginConfig, parseEnv, reuseConfig } from './env';

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

  it('logs mail and offers only passwords when neither SMTP nor OIDC is configured', () => {
    const config = mailAndLoginConfig(parseEnv({ PORT: '4000', SMTP_URL: '', OIDC_ISSUER: '' }));
    expect(config).toEqual({ publicUrl: 'http://localhost:4000', mail: { smtpUrl: null, from: 'Kompetansebro <ikke-svar@localhost>' }, oidc: null });
  });

  it('reads the SMTP server, the sender and the OIDC provider', () => {
    const env = parseEnv({
      PUBLIC_URL: 'https://kompetansebro.example.no/',
      SMTP_URL: 'smtps://user:secret@smtp.example.no:465',
      MAIL_FROM: 'Kompetansebro <ikke-svar@example.no>',
      OIDC_ISSUER: 'https://auth.dataporten.no',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_DISPLAY_NAME: 'Feide',
    });
    expect(mailAndLoginConfig(env)).toEqual({
      publicUrl: 'https://kompetansebro.example.no',
      mail: { smtpUrl: 'smtps://user:secret@smtp.example.no:465', from: 'Kompetansebro <ikke-svar@example.no>' },
      oidc: { issuer: 'https://auth.dataporten.no', clientId: 'client', clientSecret: 'secret', displayName: 'Feide', scopes: undefined },
    });
  });

  it('refuses an incomplete or insecure mail and login configuration', () => {
    expect(() => parseEnv({ SMTP_URL: 'http://smtp.example.no' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://smtp.example.no', PUBLIC_URL: 'https://kb.example.no' })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ OIDC_ISSUER: 'https://idp.example.no', PUBLIC_URL: 'https://kb.example.no' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseEnv({ OIDC_ISSUER: 'https://idp.example.no', OIDC_CLIENT_ID: 'x' })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ OIDC_ISSUER: 'http://idp.example.no', OIDC_CLIENT_ID: 'x', PUBLIC_URL: 'https://kb.example.no' })).toThrow(/OIDC_ISSUER/);
    expect(() => parseEnv({ PUBLIC_URL: 'kb.example.no' })).toThrow(/PUBLIC_URL/);
    expect(parseEnv({ OIDC_ISSUER: 'http://127.0.0.1:8080', OIDC_CLIENT_ID: 'x', PUBLIC_URL: 'http://localhost:3000' }).OIDC_ISSUER).toBe('http://127.0.0.1:8080');
  });

  it('reads the trusted proxies and the allowed origins as comma-separated lists', () => {
    const env = parseEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8', ALLOWED_ORIGINS: 'https://fylke.example.no, http://localhost:4300' });
    expect(edgeConfig(env)).toEqual({
      trustProxy: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'],
      allowedOrigins: ['https://fylke.example.no', 'http://localhost:4300'],
    });
    expect(edgeConfig(parseEnv({}))).toEqual({ trustProxy: [], allowedOrigins: [] });
  });

  it('reads how long answers and first reads are reused, within their bounds', () => {
    expect(reuseConfig(parseEnv({}))).toEqual({ publicAnswerSeconds: 60, readReuseSeconds: 5 });
    expect(reuseConfig(parseEnv({ PUBLIC_ANSWER_SECONDS: '0', READ_REUSE_SECONDS: '0' }))).toEqual({ publicAnswerSeconds: 0, readReuseSeconds: 0 });
    expect(() => parseEnv({ PUBLIC_ANSWER_SECONDS: '600' })).toThrow(/PUBLIC_ANSWER_SECONDS/);
    expect(() => parseEnv({ READ_REUSE_SECONDS: '60' })).toThrow(/READ_REUSE_SECONDS/);
  });

  it('refuses a proxy that is no address or range, and an origin with a path or plain http elsewhere', () => {
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/8, proxy.example.no' })).toThrow(/TRUST_PROXY: proxy.example.no/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ ALLOWED_ORIGINS: 'https://fylke.example.no/app' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => parseEnv({ ALLOWED_ORIGINS: 'http://fylke.example.no' })).toThrow(/ALLOWED_ORIGINS/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseHubOptions, UsageError } from '../../../server/cli/hub-options';

describe('hub command-line timeouts', () => {
  it('default to 15 s for headers and 60 s for the whole request', () => {
    expect(parseHubOptions([])).toMatchObject({ command: 'serve', timeouts: { headersMs: 15_000, requestMs: 60_000 } });
  });

  it('take seconds, decimals included', () => {
    expect(parseHubOptions(['--headers-timeout', '0.5', '--request-timeout', '90'])).toMatchObject({ timeouts: { headersMs: 500, requestMs: 90_000 } });
  });

  it.each([
    [['--request-timeout', '0'], /--request-timeout must be a number of seconds from 0.1 to 3600, not "0"/],
    [['--request-timeout', 'soon'], /not "soon"/],
    [['--headers-timeout=-1'], /--headers-timeout must be a number of seconds/],
    [['--headers-timeout', '30', '--request-timeout', '20'], /--headers-timeout must not be longer than --request-timeout/],
  ])('refuse %j with a message naming the option', (argv, message) => {
    expect(() => parseHubOptions(argv)).toThrow(UsageError);
    expect(() => parseHubOptions(argv)).toThrow(message);
  });
});

describe('hub command-line store', () => {
  it('uses the SQLite file in --data unless a database is named', () => {
    expect(parseHubOptions(['--data', 'x'], {})).toMatchObject({ store: { engine: 'sqlite', data: 'x' } });
  });

  it('takes --database, or DATABASE_URL when the option is not given', () => {
    expect(parseHubOptions(['--database', 'postgres://hub@db/dispatch'], {})).toMatchObject({ store: { engine: 'postgres', url: 'postgres://hub@db/dispatch' } });
    expect(parseHubOptions([], { DATABASE_URL: 'postgresql://hub@db/dispatch' })).toMatchObject({ store: { engine: 'postgres', url: 'postgresql://hub@db/dispatch' } });
    expect(parseHubOptions(['new-epoch', '--database', 'postgres://a@b/c'], {})).toEqual({ command: 'new-epoch', store: { engine: 'postgres', url: 'postgres://a@b/c' } });
  });

  it('refuses a database address that is not a PostgreSQL URL, and file backups of a PostgreSQL store', () => {
    expect(() => parseHubOptions(['--database', 'mysql://x'], {})).toThrow(/must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parseHubOptions(['backup', '--to', 'b.sqlite', '--database', 'postgres://a@b/c'], {})).toThrow(/pg_dump \/ pg_restore, then run "hub new-epoch/);
  });
});

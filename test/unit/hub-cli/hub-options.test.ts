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

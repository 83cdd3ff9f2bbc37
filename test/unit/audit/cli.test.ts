// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { HELP, main } from '../../../audit/src/cli.mjs';

function io() {
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') => ({ write: (text: string) => ((out[key] += text), true) }) as unknown as NodeJS.WritableStream;
  return { out, io: { stdout: stream('stdout'), stderr: stream('stderr') } };
}

describe('main', () => {
  it('prints the help and the version with exit code 0', async () => {
    const help = io();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out.stdout).toBe(HELP);
    const version = io();
    expect(await main(['-v'], version.io)).toBe(0);
    expect(version.out.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits with 2 and says why on bad arguments, before starting a browser', async () => {
    for (const [args, message] of [
      [[], 'the URL of the site to audit is missing'],
      [['not a url'], 'Invalid URL'],
      [['https://a.test', '--max-pages', '0'], '--max-pages must be a positive number'],
      [['https://a.test', '--nope'], "Unknown option '--nope'"],
    ] as const) {
      const run = io();
      expect(await main([...args], run.io), args.join(' ')).toBe(2);
      expect(run.out.stderr).toContain(message);
    }
  });

  it('exits with 2 when the configuration cannot be read', async () => {
    const run = io();
    expect(await main(['https://a.test/', '--config', 'no/such/file.js'], run.io)).toBe(2);
    expect(run.out.stderr).toMatch(/could not audit: ENOENT/);
  });
});

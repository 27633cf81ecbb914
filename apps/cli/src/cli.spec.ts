import { Writable } from 'node:stream';
import { type CliCommand, UsageError } from './cli-command.js';
import { findCommand, runCli, usage } from './cli.js';

function sink(): { out: Writable; text: () => string } {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { out, text: () => text };
}

const calls: (readonly string[])[] = [];
const command = (name: string, run: CliCommand['run'] = async () => 0): CliCommand => ({
  name,
  synopsis: '--x X',
  summary: `does ${name}`,
  details: (context) => `projections: ${context.projections.length}`,
  run: (args, context) => {
    calls.push(args);
    return run(args, context);
  },
});

const commands = [
  command('export'),
  command('export customers'),
  command('usage-fail', async () => {
    throw new UsageError('Unknown option --y');
  }),
  command('fail', async () => {
    throw new Error('--from must be a number');
  }),
];

async function cli(...argv: string[]) {
  const stdout = sink();
  const stderr = sink();
  const overrides = { stdout: stdout.out, stderr: stderr.out, projections: [] };
  const code = await runCli(argv, overrides, commands);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('cli dispatcher', () => {
  beforeEach(() => (calls.length = 0));

  it('picks the command with the most matching words and passes it the rest', async () => {
    expect(findCommand(commands, ['export', 'customers', '--x', '1'])?.command.name).toBe(
      'export customers',
    );
    expect((await cli('export', 'customers', '--x', '1')).code).toBe(0);
    expect(calls).toEqual([['--x', '1']]);
  });

  it('lists every command in the usage text', () => {
    expect(usage(commands)).toContain('  export customers --x X\n      does export customers');
  });

  it('prints the usage with exit code 2 for an unknown or missing command', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cli: Unknown command "frobnicate"\n\nUsage: cli/);
    expect((await cli()).code).toBe(2);
    expect(calls).toEqual([]);
  });

  it('prints a command’s own help on --help, without running it', async () => {
    const help = await cli('export', 'customers', '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: cli export customers --x X');
    expect(help.stdout).toContain('projections: 0');
    expect(calls).toEqual([]);
  });

  it('exits 2 with the command’s usage for a usage error, 1 for any other error', async () => {
    const usageError = await cli('usage-fail');
    expect(usageError.code).toBe(2);
    expect(usageError.stderr).toBe('cli: Unknown option --y\n\nUsage: cli usage-fail --x X\n');
    const failure = await cli('fail');
    expect(failure).toMatchObject({ code: 1, stderr: 'cli: --from must be a number\n' });
  });
});

import { PROJECTIONS } from '@customer-workspace/read-models';
import { type CliCommand, type CliContext, UsageError } from './cli-command.js';
import { COMMANDS } from './commands.js';

/** The usage text, generated from the commands so it never goes stale. */
export function usage(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  ${c.name} ${c.synopsis}\n      ${c.summary}`);
  return (
    `Usage: cli <command> [options]   (cli <command> --help for more)\n\nCommands:\n` +
    `${lines.join('\n')}\n\n` +
    `The event store is chosen as the api chooses it: EVENTSTORE_CONNECTION_STRING, else DATA_DIR.`
  );
}

function commandUsage(command: CliCommand, context: CliContext): string {
  const details = command.details ? `\n\n${command.details(context)}` : '';
  return `Usage: cli ${command.name} ${command.synopsis}\n\n${command.summary}${details}`;
}

/** The command whose words start `argv` (the longest, so `export customers` beats `export`). */
export function findCommand(
  commands: readonly CliCommand[],
  argv: readonly string[],
): { command: CliCommand; args: readonly string[] } | undefined {
  let best: { command: CliCommand; args: readonly string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (!words.every((word, n) => argv[n] === word)) continue;
    if (!best || words.length > best.command.name.split(' ').length)
      best = { command, args: argv.slice(words.length) };
  }
  return best;
}

function unknownCommand(commands: readonly CliCommand[], argv: readonly string[]): string {
  const [first] = argv;
  if (first === undefined || first.startsWith('-')) return 'No command given';
  const near = commands.filter((c) => c.name.split(' ')[0] === first).map((c) => c.name);
  return `Unknown command "${first}"${near.length > 0 ? `; did you mean: ${near.join(', ')}` : ''}`;
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Runs the command `argv` names and resolves to the exit code: 0 done, 1 failed, 2 the command
 * line is wrong (usage printed), 130/143 interrupted. Never rejects.
 */
export async function runCli(
  argv: readonly string[],
  overrides: Partial<CliContext> = {},
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const context: CliContext = {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    projections: PROJECTIONS,
    ...overrides,
  };
  const found = findCommand(commands, argv);
  if (wantsHelp(argv)) {
    context.stdout.write(`${found ? commandUsage(found.command, context) : usage(commands)}\n`);
    return 0;
  }
  if (!found) {
    context.stderr.write(`cli: ${unknownCommand(commands, argv)}\n\n${usage(commands)}\n`);
    return 2;
  }
  try {
    return await found.command.run(found.args, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof UsageError)) {
      context.stderr.write(`cli: ${message}\n`);
      return 1;
    }
    context.stderr.write(
      `cli: ${message}\n\nUsage: cli ${found.command.name} ${found.command.synopsis}\n`,
    );
    return 2;
  }
}

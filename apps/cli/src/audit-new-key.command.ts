import { parseArgs } from 'node:util';
import { DEFAULT_AUDIT_ORIGIN, newNoteKey } from '@customer-workspace/audit';
import { type CliCommand, expectAtMost, parseCommandLine, UsageError } from './cli-command.js';

/**
 * `audit new-key`: a new checkpoint signing key for `AUDIT_SIGNING_KEY` (EventStoreDB
 * deployments set it, the same on every instance). Prints the private key on stdout, and the
 * verifier key an auditor keeps on stderr; touches no file.
 */
export const auditNewKeyCommand: CliCommand = {
  name: 'audit new-key',
  synopsis: '[--name NAME]',
  summary: 'a new Ed25519 key for AUDIT_SIGNING_KEY (printed, not stored)',
  details: () =>
    `Prints PRIVATE+KEY+<name>+<hash>+<key> on stdout (keep it secret: it is the value of\n` +
    `AUDIT_SIGNING_KEY) and the public verifier key on stderr. The name is the checkpoints'\n` +
    `origin (default ${DEFAULT_AUDIT_ORIGIN}): a host name and path of your deployment is best,\n` +
    `e.g. workspace.example.com/audit. No space, no "+".`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { name: { type: 'string' } },
      }),
    );
    expectAtMost(positionals, 0);
    const name = values.name ?? DEFAULT_AUDIT_ORIGIN;
    if (name === '' || /[\s+]/.test(name))
      throw new UsageError(`--name ${JSON.stringify(name)}: no space or "+", not empty`);
    const key = newNoteKey(name);
    context.stdout.write(`${key.privateKey}\n`);
    context.stderr.write(`verifier key: ${key.verifierKey}\n`);
    return 0;
  },
};

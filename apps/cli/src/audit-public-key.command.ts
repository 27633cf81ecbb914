import { parseArgs } from 'node:util';
import { resolveAuditSigner } from '@customer-workspace/audit';
import { loadConfig } from '@customer-workspace/config';
import { type CliCommand, expectAtMost, parseCommandLine } from './cli-command.js';

/**
 * `audit public-key`: the key that signs this deployment's checkpoints, for auditors to keep
 * apart from any bundle: the PEM (SPKI), then the C2SP verifier key on a line of its own.
 */
export const auditPublicKeyCommand: CliCommand = {
  name: 'audit public-key',
  synopsis: '[--pem | --verifier-key]',
  summary: 'the public key that signs audit checkpoints (PEM and C2SP verifier key)',
  details: () =>
    `The key is AUDIT_SIGNING_KEY's, or in the embedded mode the one generated into\n` +
    `DATA_DIR/audit-signing-key (created if missing, as the api would). --pem or --verifier-key\n` +
    `prints only that form, for a file an auditor keeps.`,
  async run(args, context) {
    const { positionals, values } = parseCommandLine(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { pem: { type: 'boolean' }, 'verifier-key': { type: 'boolean' } },
      }),
    );
    expectAtMost(positionals, 0);
    const signer = resolveAuditSigner(loadConfig(context.env));
    const both = !values.pem && !values['verifier-key'];
    if (both || values.pem) context.stdout.write(signer.publicKeyPem);
    if (both || values['verifier-key']) context.stdout.write(`${signer.verifierKey}\n`);
    return 0;
  },
};

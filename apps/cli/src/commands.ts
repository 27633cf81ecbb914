import { auditBundleCommand } from './audit-bundle.command.js';
import { auditNewKeyCommand } from './audit-new-key.command.js';
import { auditPublicKeyCommand } from './audit-public-key.command.js';
import { auditVerifyCommand } from './audit-verify.command.js';
import type { CliCommand } from './cli-command.js';
import { esdbGrantCommand } from './esdb-grant.command.js';
import { exportActivityCommand } from './export-activity.command.js';
import { exportCustomersCommand } from './export-customers.command.js';
import { personalDataEncryptCommand } from './personal-data-encrypt.command.js';
import { rebuildCommand } from './rebuild.command.js';
import { replayCommand } from './replay.command.js';
import { tokenCommand } from './token.command.js';

/** Every command of the CLI, in the order the usage text lists them. */
export const COMMANDS: readonly CliCommand[] = [
  replayCommand,
  rebuildCommand,
  exportCustomersCommand,
  exportActivityCommand,
  tokenCommand,
  esdbGrantCommand,
  personalDataEncryptCommand,
  auditPublicKeyCommand,
  auditNewKeyCommand,
  auditBundleCommand,
  auditVerifyCommand,
];

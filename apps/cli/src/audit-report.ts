import {
  type BundleVerification,
  type Finding,
  type StoreVerification,
  type Verdict,
  verifierKeyName,
} from '@customer-workspace/audit';
import type { CliContext } from './cli-command.js';

/** Something a verification needs is missing or unreadable: exit 2 with the reason. */
export class CouldNotVerify extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CouldNotVerify';
  }
}

/** Findings printed before "… and N more". */
const SHOWN = 20;

/**
 * Tells what a verification found, and answers its exit code: the summary on stdout when
 * intact; otherwise, on stderr, TAMPERED with the first affected position, or COULD NOT
 * VERIFY, then the findings.
 */
export function reportVerdict(verdict: Verdict, summary: string, context: CliContext): 0 | 1 | 2 {
  const { shown, total } = verdict.findings;
  if (verdict.status === 'intact') {
    context.stdout.write(`${summary}\n`);
    return 0;
  }
  const first = verdict.firstAffected;
  const headline =
    verdict.status === 'tampered'
      ? `TAMPERED${first ? `: first affected position ${positionOf(first)}` : ''}`
      : 'COULD NOT VERIFY';
  const lines = shown.slice(0, SHOWN).map((finding) => `  ${finding.kind}: ${finding.message}`);
  if (total > lines.length) lines.push(`  … and ${total - lines.length} more`);
  context.stderr.write(`${headline}\n${lines.join('\n')}\n`);
  return verdict.exitCode;
}

function positionOf(finding: Finding): string {
  const leaf = finding.leafIndex === undefined ? '' : ` (leaf ${finding.leafIndex})`;
  if (finding.position !== undefined) return `${finding.position}${leaf}`;
  return `${finding.from} or later${leaf}`;
}

const base64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

export function bundleSummary(result: BundleVerification): string {
  const { manifest, checkpoint, trusted } = result;
  if (!manifest || !checkpoint) return 'bundle intact';
  const signer = result.verifierKey ? verifierKeyName(result.verifierKey) : checkpoint.origin;
  const lines = [
    `bundle intact: ${result.entries} entries of ${manifest.partnerId}, each in the log ` +
      `"${checkpoint.origin}" of ${checkpoint.treeSize} events (root ${base64(checkpoint.root)}) ` +
      `signed by ${signer}; ${result.consistencyProofs} earlier size(s) proved consistent`,
  ];
  if (trusted) lines.push(`the log extends your trusted checkpoint of size ${trusted.treeSize}`);
  if (result.keyFrom === 'bundle')
    lines.push(
      `checked with the bundle's own key ${result.verifierKey}: compare it with the one you ` +
        `hold, or give --public-key`,
    );
  return lines.join('\n');
}

export function storeSummary(result: StoreVerification, keyGiven: boolean): string {
  const { latest, trusted } = result;
  const lines = [
    `store intact: ${Math.min(result.events, result.treeSize)} events match the audit tree ` +
      `(${result.treeSize} leaves); ${result.checkpointsChecked} signed checkpoint(s) verified` +
      (latest ? `, the latest of size ${latest.treeSize} (root ${base64(latest.root)})` : ''),
  ];
  if (result.events > result.treeSize)
    lines.push(`${result.events - result.treeSize} newer event(s) are not in the tree yet`);
  if (trusted) lines.push(`the log extends your trusted checkpoint of size ${trusted.treeSize}`);
  if (!keyGiven)
    lines.push(`checked with the deployment's own key; give --public-key to check with yours`);
  return lines.join('\n');
}

import { verifierKeyName, verifierKeyOfText } from '../signed-note.js';
import type { Verdict } from '../verify/verdict.js';
import { BUNDLE_FILES } from './bundle-format.js';
import { readText } from './bundle-files.js';

/**
 * The verifier key a bundle is checked with: the auditor's (`given`, a PEM or a verifier key;
 * a PEM's key name is the checkpoint's origin), else the bundle's own, whose two files must be
 * the same key. Undefined, with a finding, when no usable key is there.
 */
export function readBundleKey(
  dir: string,
  note: string,
  given: string | undefined,
  verdict: Verdict,
): string | undefined {
  const origin = note.slice(0, Math.max(0, note.indexOf('\n')));
  if (given !== undefined) return keyOf(given, origin, 'The public key given', verdict);
  const verifierText = readText(dir, BUNDLE_FILES.verifierKey, verdict);
  const pem = readText(dir, BUNDLE_FILES.publicKey, verdict);
  if (verifierText === undefined || pem === undefined) return undefined;
  const key = keyOf(verifierText, origin, `The bundle's ${BUNDLE_FILES.verifierKey}`, verdict);
  if (key === undefined) return undefined;
  const fromPem = keyOf(
    pem,
    verifierKeyName(key),
    `The bundle's ${BUNDLE_FILES.publicKey}`,
    verdict,
  );
  if (fromPem === undefined) return undefined;
  if (fromPem === key) return key;
  verdict.unverifiable(
    `The bundle's ${BUNDLE_FILES.publicKey} and ${BUNDLE_FILES.verifierKey} are not the same key`,
  );
  return undefined;
}

/** A key file's text as a verifier key: a verifier key as it is, a PEM named `name`. */
function keyOf(text: string, name: string, what: string, verdict: Verdict): string | undefined {
  try {
    return verifierKeyOfText(text, name);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    verdict.unverifiable(`${what} does not parse as a public key: ${error.message}`);
    return undefined;
  }
}

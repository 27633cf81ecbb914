import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';

/**
 * Signed notes as C2SP specifies them (c2sp.org/signed-note, the format of Go's
 * golang.org/x/mod/sumdb/note), with Ed25519 keys: a text ending in a newline, a blank line, and
 * one line per signature, `— <key name> <base64 of the 4-byte key hash and the signature>`.
 * Keys are written as Go writes them: `<name>+<hash>+<base64 of 0x01 and the 32-byte key>`, the
 * private one prefixed with `PRIVATE+KEY+`. Checked against the published Go example.
 */

const ED25519 = 0x01;
const DASH = '\u2014';
/** The DER prefixes of an Ed25519 key (PKCS #8 private seed, SPKI public key). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A note that does not open: malformed, or no signature by the key given verifies. */
export class NoteNotVerified extends Error {
  constructor(
    reason: string,
    /** True when the note does not even read as a signed note (no or a broken signature block). */
    readonly malformed = false,
  ) {
    super(`The signed note does not verify: ${reason}`);
    this.name = 'NoteNotVerified';
  }
}

/** The key that signs notes, and what a verifier needs to know of it. */
export interface NoteSigner {
  readonly name: string;
  /** `<name>+<hash>+<key>`: what an auditor is given to verify. */
  readonly verifierKey: string;
  /** The Ed25519 public key as PEM (SPKI), for tools that do not read note keys. */
  readonly publicKeyPem: string;
  signatureLine(text: string): string;
}

/** A signer from a private key written as Go writes it (`PRIVATE+KEY+<name>+<hash>+<key>`). */
export function noteSigner(privateKey: string): NoteSigner {
  const parts = privateKey.startsWith('PRIVATE+KEY+')
    ? splitKey(privateKey.slice('PRIVATE+KEY+'.length))
    : undefined;
  if (!parts) throw new TypeError('A note signing key reads PRIVATE+KEY+<name>+<hash>+<key>');
  const [name, hash, encoded] = parts;
  checkName(name);
  const material = Buffer.from(encoded, 'base64');
  if (material.length !== 33 || material[0] !== ED25519)
    throw new TypeError('A note signing key holds an Ed25519 seed (0x01 and 32 bytes)');
  const secret = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, material.subarray(1)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = rawPublicKey(createPublicKey(secret));
  const keyHash = keyHashOf(name, publicKey);
  if (hash !== keyHash.toString('hex'))
    throw new TypeError(`The key hash ${hash} is not that of ${name}'s key`);
  const verifierKey = `${name}+${hash}+${Buffer.concat([Uint8Array.of(ED25519), publicKey]).toString('base64')}`;
  return {
    name,
    verifierKey,
    publicKeyPem: createPublicKey(secret).export({ format: 'pem', type: 'spki' }).toString(),
    signatureLine: (text) => {
      const signature = sign(null, Buffer.from(checkText(text), 'utf8'), secret);
      return `${DASH} ${name} ${Buffer.concat([keyHash, signature]).toString('base64')}\n`;
    },
  };
}

/** A new Ed25519 key for `name`, written as Go writes it (private and verifier keys). */
export function newNoteKey(name: string): { privateKey: string; verifierKey: string } {
  checkName(name);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  const hash = keyHashOf(name, publicKey).toString('hex');
  const encoded = Buffer.concat([Uint8Array.of(ED25519), seed]).toString('base64');
  const signer = noteSigner(`PRIVATE+KEY+${name}+${hash}+${encoded}`);
  return { privateKey: `PRIVATE+KEY+${name}+${hash}+${encoded}`, verifierKey: signer.verifierKey };
}

/** The text, a blank line, and the signer's signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  return `${checkText(text)}\n${signer.signatureLine(text)}`;
}

/**
 * The text of `note` once a signature by `verifierKey` verifies over it; other signatures (of
 * keys not given) are ignored. Throws `NoteNotVerified` otherwise.
 */
export function openNote(note: string, verifierKey: string): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteNotVerified('no signature block', true);
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const { name, keyHash, publicKey } = parseVerifierKey(verifierKey);
  for (const line of lines) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match) throw new NoteNotVerified('a malformed signature line', true);
    if (match[1] !== name) continue;
    const blob = Buffer.from(match[2]!, 'base64');
    if (blob.length !== 68 || !blob.subarray(0, 4).equals(keyHash)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), publicKey, blob.subarray(4))) return text;
    throw new NoteNotVerified(`${name}'s signature does not match the text`);
  }
  throw new NoteNotVerified(`no signature by ${name}`);
}

/**
 * The verifier key of `name` for an Ed25519 public key given as PEM (SPKI), for an auditor who
 * holds the PEM: a note key's name is the checkpoints' origin. Throws a TypeError when the
 * PEM is not an Ed25519 public key.
 */
export function verifierKeyFromPem(name: string, pem: string): string {
  checkName(name);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new TypeError(`Not a public key in PEM: ${(error as Error).message}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new TypeError(`Not an Ed25519 public key (${key.asymmetricKeyType ?? 'unknown'})`);
  const raw = rawPublicKey(key);
  const hash = keyHashOf(name, raw).toString('hex');
  return `${name}+${hash}+${Buffer.concat([Uint8Array.of(ED25519), raw]).toString('base64')}`;
}

/**
 * A public key as an auditor's file holds it, as a verifier key: a verifier key as it is, a PEM
 * as the key of `name` (the checkpoints' origin). Throws a TypeError when it is neither.
 */
export function verifierKeyOfText(text: string, name: string): string {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN')) return verifierKeyFromPem(name, trimmed);
  parseVerifierKey(trimmed);
  return trimmed;
}

/** The name a verifier key is for (throws a TypeError when it does not read as one). */
export function verifierKeyName(verifierKey: string): string {
  return parseVerifierKey(verifierKey).name;
}

function parseVerifierKey(verifierKey: string) {
  const parts = splitKey(verifierKey);
  if (!parts) throw new TypeError('A verifier key reads <name>+<hash>+<key>');
  const [name, hash, encoded] = parts;
  const material = Buffer.from(encoded, 'base64');
  if (material.length !== 33 || material[0] !== ED25519)
    throw new TypeError('A verifier key holds an Ed25519 public key (0x01 and 32 bytes)');
  const raw = material.subarray(1);
  const keyHash = keyHashOf(name, raw);
  if (hash !== keyHash.toString('hex'))
    throw new TypeError(`The key hash ${hash} is not that of ${name}'s key`);
  const publicKey = createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyHash, publicKey };
}

/** `<name>+<hash>+<key>`: the key's base64 may hold a '+' of its own. */
function splitKey(key: string): [string, string, string] | undefined {
  const first = key.indexOf('+');
  const second = key.indexOf('+', first + 1);
  if (first <= 0 || second <= first + 1) return undefined;
  return [key.slice(0, first), key.slice(first + 1, second), key.slice(second + 1)];
}

/** The first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key). */
function keyHashOf(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(`${name}\n`, 'utf8')
    .update(Uint8Array.of(ED25519))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

function checkName(name: string): void {
  if (name === '' || /[\s+]/.test(name))
    throw new TypeError('A key name is not empty and holds no space or "+"');
}

function checkText(text: string): string {
  if (!text.endsWith('\n')) throw new TypeError('A note text ends with a newline');
  return text;
}

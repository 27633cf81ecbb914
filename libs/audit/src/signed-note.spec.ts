import { newNoteKey, NoteNotVerified, noteSigner, openNote, signNote } from './signed-note.js';

// The example of golang.org/x/mod/sumdb/note (its package documentation and note_test.go):
// Ed25519 is deterministic, so signing the text with this key must give this note exactly.
const GO_PRIVATE_KEY =
  'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE =
  `${GO_TEXT}\n` +
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('signed notes (C2SP signed-note, Ed25519)', () => {
  it('signs the published example byte for byte, and derives its verifier key', () => {
    const signer = noteSigner(GO_PRIVATE_KEY);
    expect(signer.verifierKey).toBe(GO_VERIFIER_KEY);
    expect(signNote(GO_TEXT, signer)).toBe(GO_NOTE);
  });

  it('opens the published note with its verifier key, and nothing altered', () => {
    expect(openNote(GO_NOTE, GO_VERIFIER_KEY)).toBe(GO_TEXT);
    expect(() =>
      openNote(GO_NOTE.replace('cryptography', 'cryptographY'), GO_VERIFIER_KEY),
    ).toThrow(NoteNotVerified);
    const other = newNoteKey('PeterNeumann');
    expect(() => openNote(GO_NOTE, other.verifierKey)).toThrow(/no signature by PeterNeumann/);
  });

  it('makes new keys that sign and verify, and refuses a key whose hash is not its own', () => {
    const key = newNoteKey('workspace.example/audit');
    const note = signNote('origin\n3\nroot\n', noteSigner(key.privateKey));
    expect(openNote(note, key.verifierKey)).toBe('origin\n3\nroot\n');
    const bent = key.verifierKey.replace(/^([^+]+)\+[0-9a-f]{8}\+/, '$1+00000000+');
    expect(() => openNote(note, bent)).toThrow(/key hash/);
    expect(() => signNote('no newline', noteSigner(key.privateKey))).toThrow(/newline/);
  });
});

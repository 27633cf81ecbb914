import { leafHash, rootOf } from '../merkle.js';
import { newNoteKey, noteSigner, openNote } from '../signed-note.js';
import { checkpointText, MalformedCheckpoint, parseCheckpointText } from './checkpoint.js';

describe('checkpoint text (C2SP tlog-checkpoint)', () => {
  const root = rootOf([leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))]);

  it('writes origin, size and base64 root on three lines, and reads them back', () => {
    const text = checkpointText({ origin: 'example.com/log', treeSize: 2, root });
    expect(text).toBe(`example.com/log\n2\n${Buffer.from(root).toString('base64')}\n`);
    expect(parseCheckpointText(text)).toEqual({ origin: 'example.com/log', treeSize: 2, root });
  });

  it('reads a note signed over it once the signature verifies', () => {
    const key = newNoteKey('example.com/log');
    const signer = noteSigner(key.privateKey);
    const text = checkpointText({ origin: signer.name, treeSize: 2, root });
    const note = `${text}\n${signer.signatureLine(text)}`;
    expect(parseCheckpointText(openNote(note, key.verifierKey)).treeSize).toBe(2);
  });

  it.each([
    ['no trailing newline', 'o\n2\nAAAA'],
    ['a size with a sign', `o\n+2\n${Buffer.alloc(32).toString('base64')}\n`],
    ['a size with leading zero', `o\n02\n${Buffer.alloc(32).toString('base64')}\n`],
    ['a short root', `o\n2\n${Buffer.alloc(31).toString('base64')}\n`],
    ['no origin', `\n2\n${Buffer.alloc(32).toString('base64')}\n`],
  ])('refuses %s', (_case, text) => {
    expect(() => parseCheckpointText(text)).toThrow(MalformedCheckpoint);
  });
});

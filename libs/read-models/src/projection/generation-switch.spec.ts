import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeGeneration, GenerationSwitch } from './generation-switch.js';
import type { Projection } from './projection.js';
import { ReadModelDirectory } from './read-model-directory.js';

const projection = (version: number): Projection => ({
  name: 'tally',
  version,
  createSchema: (db) => db.exec('CREATE TABLE seen (n INTEGER)'),
  prepare: () => () => undefined,
});

describe('GenerationSwitch', () => {
  let dir: string;
  let directory: ReadModelDirectory;
  const warnings = { warn: jest.fn() };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-generations-'));
    directory = new ReadModelDirectory(dir);
    warnings.warn.mockClear();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the published generation, creating and publishing one when there is none', () => {
    const generations = new GenerationSwitch(projection(1), directory, warnings);
    const first = generations.open();
    expect(directory.current('tally')).toBe(first.file);
    closeGeneration(first);
    const again = generations.open();
    expect(again.file).toBe(first.file);
    closeGeneration(again);
  });

  it('maps the file into the query connection as asked, and not into the writer', () => {
    const mapped = new GenerationSwitch(projection(1), directory, warnings, 1 << 20).open();
    expect(mapped.reader.pragma('mmap_size', { simple: true })).toBe(1 << 20);
    expect(mapped.writer.pragma('mmap_size', { simple: true })).toBe(0);
    closeGeneration(mapped);
    const plain = new GenerationSwitch(projection(1), directory, warnings).open();
    expect(plain.reader.pragma('mmap_size', { simple: true })).toBe(0);
    closeGeneration(plain);
  });

  it('starts a new generation over a file of another version, and says so', () => {
    const old = new GenerationSwitch(projection(1), directory, warnings).open();
    closeGeneration(old);
    const current = new GenerationSwitch(projection(2), directory, warnings).open();
    expect(current.file).not.toBe(old.file);
    expect(directory.current('tally')).toBe(current.file);
    expect(warnings.warn).toHaveBeenCalledWith(
      expect.anything(),
      'Read model rebuilt from scratch',
    );
    closeGeneration(current);
  });

  it('tells once the pointer names another generation', async () => {
    const generations = new GenerationSwitch(projection(1), directory, warnings);
    const serving = generations.open();
    const onSwitch = jest.fn();
    const unwatch = generations.watch(serving.file, 5, onSwitch);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onSwitch).not.toHaveBeenCalled();
    directory.publish('tally', directory.newGeneration('tally'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    unwatch();
    expect(onSwitch).toHaveBeenCalled();
    closeGeneration(serving);
  });
});

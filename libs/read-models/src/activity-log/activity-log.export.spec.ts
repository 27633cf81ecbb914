import { parse } from 'csv-parse/sync';
import { readdirSync, readlinkSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ACTIVITY_LOG_CSV_COLUMNS, exportActivityLog } from './activity-log.export.js';
import { ActivityLogUnderTest } from './testing/activity-log.fixtures.js';

const added = (customerId: string, companyName: string) =>
  ({
    type: 'CustomerAdded',
    data: {
      customerId,
      companyProfile: { companyName, domain: `${customerId}.onmicrosoft.com` },
      billingProfile: null,
      addedByPartnerId: 'contoso',
    },
  }) as const;

const read = async (stream: Readable): Promise<string> => {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
};

/** File descriptors this process holds on the read model's file (its connections). */
const openDescriptorsOn = (file: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;

describe('activity-log export', () => {
  let log: ActivityLogUnderTest;
  beforeEach(() => {
    log = new ActivityLogUnderTest();
    log.given([added('c-1', 'Contoso a.s.'), added('c-2', '=HYPERLINK("http://evil","x")')], {
      partnerId: 'contoso',
      actor: { userId: 'u-1', upn: '@jana', role: 'admin-agent' },
    });
  });
  afterEach(() => log.close());

  it('writes CSV newest first, values as JSON, every cell safe from formula injection', async () => {
    const text = await read(exportActivityLog(log.file, 'contoso', {}, 'csv'));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual([...ACTIVITY_LOG_CSV_COLUMNS]);
    expect(rows.map((row) => row.slice(0, 9))).toEqual([
      [
        '2',
        expect.any(String),
        'c-2',
        `'=HYPERLINK("http://evil","x")`,
        'add_customer',
        'customer',
        'u-1',
        `'@jana`,
        'admin-agent',
      ],
      [
        '1',
        expect.any(String),
        'c-1',
        'Contoso a.s.',
        'add_customer',
        'customer',
        'u-1',
        `'@jana`,
        'admin-agent',
      ],
    ]);
    expect(JSON.parse(rows[1]![10]!)).toMatchObject({
      companyProfile: { companyName: 'Contoso a.s.' },
    });
    expect(rows[1]![9]).toBe('');
  });

  it('writes NDJSON: one item per line, as the list shows them, filters applied', async () => {
    const text = await read(
      exportActivityLog(log.file, 'contoso', { customerId: 'c-1' }, 'ndjson'),
    );
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      position: '1',
      customerId: 'c-1',
      customerName: 'Contoso a.s.',
      action: 'add_customer',
      performedBy: { userId: 'u-1', upn: '@jana', role: 'admin-agent' },
    });
    expect(await read(exportActivityLog(log.file, 'fabrikam', {}, 'ndjson'))).toBe('');
  });

  // SQLite keeps a closed connection's descriptor while another connection of the process has
  // the file open (POSIX locks are per process), so these close the writer before counting.
  it('reads only as fast as the consumer takes rows, and closes its connection when destroyed', async () => {
    const companies = Array.from({ length: 5000 }, (_, n) => added(`c-${n + 10}`, 'Northwind'));
    log.given(companies, { partnerId: 'contoso' });
    log.db.close();
    const stream = exportActivityLog(log.file, 'contoso', {}, 'csv');
    stream.once('data', () => stream.pause());
    for (let turn = 0; turn < 20; turn++) await nextTurn();
    expect(openDescriptorsOn(log.file)).toBe(1);
    // The whole file is over 1 MB; a paused stream holds a few buffers of it at most.
    expect(stream.readableLength).toBeLessThan(256 * 1024);
    stream.destroy();
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(openDescriptorsOn(log.file)).toBe(0);
  });

  it('closes its connection once the whole log is read', async () => {
    log.db.close();
    const text = await read(exportActivityLog(log.file, 'contoso', {}, 'ndjson'));
    expect(text.trimEnd().split('\n')).toHaveLength(2);
    expect(openDescriptorsOn(log.file)).toBe(0);
  });
});

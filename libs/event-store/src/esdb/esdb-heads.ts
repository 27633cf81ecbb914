import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type Position,
} from '@eventstore/db-client';
import type { AllFilter } from '../event-store.port.js';
import { lastUserPosition } from './esdb-connection.js';
import { mapEsdbError } from './esdb-errors.js';
import { readAllFiltered } from './esdb-filtered-read.js';
import { drain, userEvents } from './esdb-reads.js';

interface Known {
  readonly head: bigint;
  /** The last record of `$all` (any stream) when `head` was established. */
  readonly scannedTo: Position;
}

/**
 * The last event matching a filter, for lag figures and catch-ups. On a node others share, our
 * last event may lie far behind the end of `$all`, and the server finds it by scanning backwards
 * through everything written since: that scan runs once per filter, then only what was written
 * after the last look is read, forwards. Concurrent askers share one look.
 */
export class FilteredHeads {
  private readonly known = new Map<string, Known>();
  private readonly looking = new Map<string, Promise<bigint>>();

  constructor(private readonly client: EventStoreDBClient) {}

  of(filter: AllFilter): Promise<bigint> {
    const key = JSON.stringify(filter);
    let look = this.looking.get(key);
    if (!look) {
      look = this.look(key, filter).finally(() => this.looking.delete(key));
      this.looking.set(key, look);
    }
    return look;
  }

  private async look(key: string, filter: AllFilter): Promise<bigint> {
    try {
      const end = await this.lastRecord();
      if (end === undefined) return 0n;
      const known = this.known.get(key);
      if (known && known.scannedTo.commit >= end.commit) return known.head;
      const head = known
        ? await this.lastSince(known, filter)
        : await lastUserPosition(this.client, filter);
      this.known.set(key, { head, scannedTo: end });
      return head;
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  /** Where the last record of `$all` is, system records included: one record read. */
  private async lastRecord(): Promise<Position | undefined> {
    const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    for await (const resolved of drain(read)) {
      const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
      if (commit === undefined) return undefined;
      return resolved.event?.position ?? { commit, prepare: commit };
    }
    return undefined;
  }

  private async lastSince(known: Known, filter: AllFilter): Promise<bigint> {
    let head = known.head;
    const read = readAllFiltered(this.client, {
      fromPosition: known.scannedTo,
      direction: FORWARDS,
      filter,
    });
    for await (const event of userEvents(drain(read), filter))
      if (event.position > head) head = event.position;
    return head;
  }
}

import {
  BACKWARDS,
  type EventStoreDBClient,
  type FORWARDS,
  type AllStreamResolvedEvent,
  type BaseOptions,
  type ReadPosition,
  type StreamingRead,
} from '@eventstore/db-client';
// The client (6.2.1, its last version) sends no filter on `readAll`, though the server filters
// reads of `$all` as it filters subscriptions. This module builds the same request as the
// client's own `readAll` with the filter set, from the client's generated messages. Its
// behaviour is pinned by the contract suite against a real node.
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils';
import type { AllFilter } from '../event-store.port.js';
import { SEARCH_WINDOW } from './esdb-mapping.js';

/** A read of `$all` that the server filters by stream-name or event-type prefixes. */
export interface FilteredReadAllOptions {
  readonly fromPosition: ReadPosition;
  readonly direction: typeof FORWARDS | typeof BACKWARDS;
  /** Matching events to return at most; the server stops there. */
  readonly maxCount?: number;
  readonly filter: AllFilter;
}

/** The protected members of the client that its own reads are built with. */
interface ClientInternals {
  GRPCStreamCreator(
    client: typeof StreamsClient,
    debugName: string,
    creator: (grpc: StreamsClient) => ReturnType<StreamsClient['read']>,
  ): () => Promise<ReturnType<StreamsClient['read']>>;
  callArguments(
    options: BaseOptions,
    callOptions: { deadline: number },
  ): Parameters<StreamsClient['read']> extends [unknown, ...infer Rest] ? Rest : never;
}

/** Reads `$all` filtered on the server: foreign events never cross the wire. */
export function readAllFiltered(
  client: EventStoreDBClient,
  options: FilteredReadAllOptions,
): StreamingRead<AllStreamResolvedEvent> {
  const request = new ReadReq().setOptions(requestOptions(options));
  const internals = client as unknown as ClientInternals;
  const createStream = internals.GRPCStreamCreator(StreamsClient, 'readAll', (grpc) =>
    grpc.read(request, ...internals.callArguments({}, { deadline: Infinity })),
  );
  return new ReadStream(
    createStream,
    convertGrpcEvent,
    {},
  ) as StreamingRead<AllStreamResolvedEvent>;
}

function requestOptions(options: FilteredReadAllOptions): ReadReq.Options {
  const all = new ReadReq.Options.AllOptions();
  if (options.fromPosition === 'start') all.setStart(new Empty());
  else if (options.fromPosition === 'end') all.setEnd(new Empty());
  else {
    const position = new ReadReq.Options.Position()
      .setCommitPosition(options.fromPosition.commit.toString(10))
      .setPreparePosition(options.fromPosition.prepare.toString(10));
    all.setPosition(position);
  }
  return new ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setCount(String(options.maxCount ?? Number.MAX_SAFE_INTEGER))
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()))
    .setFilter(filterOptions(options.filter))
    .setReadDirection(
      options.direction === BACKWARDS
        ? ReadReq.Options.ReadDirection.BACKWARDS
        : ReadReq.Options.ReadDirection.FORWARDS,
    );
}

function filterOptions(filter: AllFilter): ReadReq.Options.FilterOptions {
  const byStream = 'streamNamePrefixes' in filter;
  const prefixes = byStream ? filter.streamNamePrefixes : filter.eventTypePrefixes;
  const expression = new ReadReq.Options.FilterOptions.Expression().setPrefixList([...prefixes]);
  const options = new ReadReq.Options.FilterOptions()
    .setMax(SEARCH_WINDOW)
    .setCheckpointintervalmultiplier(1);
  return byStream ? options.setStreamIdentifier(expression) : options.setEventType(expression);
}

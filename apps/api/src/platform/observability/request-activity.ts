import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * How many HTTP requests this process is serving now. Background work (webhook delivery) asks
 * it to give way: while requests are in flight, it keeps to a trickle, so that serving callers
 * is never slowed by more than a little.
 */
@Injectable()
export class RequestActivity {
  private inFlight = 0;

  /** True while at least one request is being served. */
  readonly busy = (): boolean => this.inFlight > 0;

  started(): void {
    this.inFlight++;
  }

  ended(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}

/** Counts each request from its arrival until it is answered or abandoned. */
export function registerRequestActivity(fastify: FastifyInstance, activity: RequestActivity): void {
  const ended = new WeakSet<object>();
  const end = async (request: object): Promise<void> => {
    if (ended.has(request)) return;
    ended.add(request);
    activity.ended();
  };
  fastify.addHook('onRequest', async () => activity.started());
  fastify.addHook('onResponse', end);
  fastify.addHook('onRequestAbort', end);
}

import type { Worker } from 'node:worker_threads';
import {
  type AuditFollowerStatus,
  type AuditLedger,
  type AuditTreeKeeper,
  auditTreeStatus,
} from '@customer-workspace/audit';
import { PositionWaiters } from '@customer-workspace/event-store';
import { apiWorkerFile, SupervisedWorker } from '../../platform/threads/supervised-worker.js';
import type { ThreadLogger } from '../../platform/threads/thread-log.js';
import type {
  AuditThreadSettings,
  FromAuditThread,
  ToAuditThread,
} from './audit-thread.messages.js';

const WORKER_FILE = apiWorkerFile('business', 'audit', 'audit-thread.worker.js');

export interface AuditThreadOptions {
  readonly logger: ThreadLogger;
  readonly stopTimeoutMs?: number;
}

/**
 * Keeps the audit tree in a worker thread of its own (`audit-thread.worker.ts`), so hashing and
 * committing the tree never holds up a request. This thread reads the same audit.db through
 * `ledger` (its own connection) for proofs, checkpoints and `/health`; read-your-writes waits
 * are answered when the thread reports a committed batch at or past their position. A thread
 * that dies is reported as failed and started again (`SupervisedWorker`); it resumes from the
 * tree's checkpoint.
 */
export class AuditThread implements AuditTreeKeeper {
  private readonly thread: SupervisedWorker<ToAuditThread, FromAuditThread>;
  private readonly waiters = new PositionWaiters();
  private failure?: AuditFollowerStatus['failure'];
  private whenStarted?: () => void;

  constructor(
    settings: AuditThreadSettings,
    private readonly ledger: AuditLedger,
    options: AuditThreadOptions,
  ) {
    this.thread = new SupervisedWorker({
      file: WORKER_FILE,
      workerData: settings,
      title: 'The audit thread',
      logger: options.logger,
      ...(options.stopTimeoutMs !== undefined && { stopTimeoutMs: options.stopTimeoutMs }),
      onMessage: (message) => this.received(message, options.logger),
      onLost: (reason) => {
        this.failure = { message: reason, since: this.failure?.since ?? new Date().toISOString() };
        this.started();
      },
    });
  }

  /** The running thread (tests reach it to kill it). */
  get worker(): Worker | undefined {
    return this.thread.worker;
  }

  /** Starts the thread; resolves once it keeps the tree (or it failed to start). */
  start(): Promise<void> {
    const started = new Promise<void>((resolve) => (this.whenStarted = resolve));
    this.thread.start();
    return started;
  }

  /** This process appended events: the thread follows them now instead of at its next poll. */
  appended(): void {
    this.thread.sendOnce({ type: 'appended' });
  }

  /** Stops the thread (it signs the tree as it is first); pending waits answer false. */
  async stop(): Promise<void> {
    await this.thread.stop({ type: 'stop' });
    this.waiters.abandonAll();
  }

  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const checkpoint = this.ledger.tree.checkpoint();
    if (checkpoint !== undefined && checkpoint >= position) return true;
    return this.waiters.wait(position, timeoutMs);
  }

  status(): AuditFollowerStatus {
    return auditTreeStatus(this.ledger, this.failure);
  }

  private started(): void {
    this.whenStarted?.();
    this.whenStarted = undefined;
  }

  private received(message: FromAuditThread, logger: ThreadLogger): void {
    switch (message.type) {
      case 'started':
        this.failure = undefined;
        this.started();
        return;
      case 'tree':
        this.failure = undefined;
        this.thread.healthy();
        this.waiters.reached(message.checkpoint);
        return;
      case 'failed':
        this.failure = message.failure;
        return;
      case 'log':
        logger[message.level](message.details, message.message);
        return;
      default:
        message satisfies never;
    }
  }
}

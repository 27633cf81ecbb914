import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  AuditFollower,
  type AuditFollowerStatus,
  AuditLedger,
  type AuditTreeKeeper,
  resolveAuditSigner,
} from '@customer-workspace/audit';
import { type AppConfig, writableDataDirectory } from '@customer-workspace/config';
import type { EventStore } from '@customer-workspace/event-store';
import { ReadModelBehind } from '@customer-workspace/read-models';
import { type ComponentHealth, HealthService } from '../../platform/health/health.service.js';
import { STORED_EVENTS } from '../../platform/event-store/stored-events.js';
import { AppendedEvents } from '../../platform/event-store/appended-events.js';
import { AuditThread } from './audit-thread.js';
import { AuditTreeOff } from './audit.errors.js';
import { base64Of } from './base64-hash.js';

export const AUDIT_TREE_PROCESS = 'audit-tree';

/** Where an activity-log entry's event stands in the audit tree (null: not covered yet, or off). */
export interface AuditLeafFields {
  readonly leafIndex: number | null;
  /** SHA-256(0x00 ‖ RFC 8785 bytes of the stored event), base64. */
  readonly leafHash: string | null;
}

const NO_LEAF: AuditLeafFields = { leafIndex: null, leafHash: null };

/**
 * The audit tree of this api process (`AUDIT_TREE=on`, the default): the ledger in
 * `DATA_DIR/audit.db` (tree and signed checkpoints) and its follower over the events as stored
 * (`STORED_EVENTS`: never upcast, personal fields as ciphertext), in a thread of its own when
 * the projections run in one (`READ_MODELS_THREAD=worker`, `AuditThread`), else on this thread.
 * Started after the application is up, stopped before the event store closes; `/health` shows
 * it as `process:audit-tree`.
 * With `off`, nothing is opened: the audit routes answer 503 and entries carry no leaf.
 */
@Injectable()
export class AuditTreeService
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(AuditTreeService.name);
  private ledger?: AuditLedger;
  private follower?: AuditTreeKeeper;
  private unsubscribe?: () => void;

  constructor(
    @Inject(STORED_EVENTS) private readonly store: EventStore,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
    private readonly appended: AppendedEvents,
  ) {}

  onModuleInit(): void {
    if (this.config.get('AUDIT_TREE', { infer: true }) === 'off') return;
    const dataDir = writableDataDirectory(this.config.get('DATA_DIR', { infer: true }));
    const signer = resolveAuditSigner({
      DATA_DIR: dataDir,
      AUDIT_SIGNING_KEY: this.config.get('AUDIT_SIGNING_KEY', { infer: true }),
      EVENTSTORE_CONNECTION_STRING: this.config.get('EVENTSTORE_CONNECTION_STRING', {
        infer: true,
      }),
    });
    this.ledger = AuditLedger.inDataDir(dataDir, signer);
    const checkpointIntervalMs = this.config.get('AUDIT_CHECKPOINT_INTERVAL_MS', { infer: true });
    if (this.config.get('READ_MODELS_THREAD', { infer: true }) === 'worker') {
      const thread = new AuditThread(
        {
          dataDir,
          connectionString: this.config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
          streamPrefix: this.config.get('EVENTSTORE_STREAM_PREFIX', { infer: true }),
          signingKey: this.config.get('AUDIT_SIGNING_KEY', { infer: true }),
          checkpointIntervalMs,
        },
        this.ledger,
        {
          logger: this.logger,
          stopTimeoutMs: this.config.get('SHUTDOWN_TIMEOUT_MS', { infer: true }),
        },
      );
      this.unsubscribe = this.appended.subscribe(() => thread.appended());
      this.follower = thread;
      return;
    }
    this.follower = new AuditFollower({
      store: this.store,
      ledger: this.ledger,
      checkpointIntervalMs,
      onError: (error, context) => this.logger.error({ err: error }, `${context} failed`),
    });
  }

  /** The api listens once the tree is kept: its first checkpoint is signed by then. */
  async onApplicationBootstrap(): Promise<void> {
    const follower = this.follower;
    if (!follower) return;
    this.health.register(`process:${AUDIT_TREE_PROCESS}`, () => this.check(follower.status()));
    await follower.start();
  }

  /** Runs before the event store closes (global modules shut down last); signs the tree as it is. */
  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.follower?.stop();
    this.ledger?.close();
  }

  /** The ledger (tree, checkpoints, signer); `AuditTreeOff` (503) on an instance without it. */
  opened(): AuditLedger {
    if (!this.ledger) throw new AuditTreeOff();
    return this.ledger;
  }

  /**
   * The ledger once its tree holds every event up to `position` (read-your-writes, at most
   * `READ_MODEL_WAIT_MS`); `ReadModelBehind` (503) when it does not in time, `AuditTreeOff`
   * without a tree.
   */
  async covering(position: bigint): Promise<AuditLedger> {
    const ledger = this.opened();
    if (await this.reaches(position)) return ledger;
    const reached = ledger.tree.checkpoint();
    throw new ReadModelBehind(AUDIT_TREE_PROCESS, position, reached, this.waitMs());
  }

  /**
   * `minPosition` of an activity-log query: the tree too must hold it, so the entries of one's
   * own writes carry their leaves (503 when it does not in time). Without a tree: no wait.
   */
  async caughtUp(minPosition: bigint | undefined): Promise<void> {
    if (minPosition === undefined || !this.ledger) return;
    await this.covering(minPosition);
  }

  /** Waits (bounded) until the tree holds `position`; false when it does not in time or is off. */
  async reaches(position: bigint): Promise<boolean> {
    if (!this.follower) return false;
    return this.follower.waitFor(position, this.waitMs());
  }

  /**
   * The leaf of an activity-log entry's event: by its position, and only when the tree holds
   * the very event the entry records there.
   */
  leafOf(entry: { readonly position: string; readonly eventId: string }): AuditLeafFields {
    const leaf = this.ledger?.tree.leafAt(BigInt(entry.position));
    if (leaf === undefined || leaf.eventId !== entry.eventId) return NO_LEAF;
    return { leafIndex: leaf.leafIndex, leafHash: base64Of(leaf.leafHash) };
  }

  private waitMs(): number {
    return this.config.get('READ_MODEL_WAIT_MS', { infer: true });
  }

  private async check(status: AuditFollowerStatus): Promise<ComponentHealth> {
    const report = { name: `process:${AUDIT_TREE_PROCESS}`, ...status };
    try {
      const lag = (await this.store.headPosition()) - BigInt(status.position ?? 0);
      return { ...report, lag: (lag > 0n ? lag : 0n).toString() };
    } catch (error) {
      return { ...report, lag: null, error: (error as Error).message };
    }
  }
}

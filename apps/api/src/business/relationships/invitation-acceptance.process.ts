import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { invitationStream, type ResellerRelationshipAccepted } from '@customer-workspace/customers';
import {
  type AllSubscription,
  EVENT_STORE,
  type EventStore,
  InterruptiblePause,
  retryDelay,
} from '@customer-workspace/event-store';

import type { AppConfig } from '@customer-workspace/config';
import { type ComponentHealth, HealthService } from '../../platform/health/health.service.js';
import { AcceptanceConsequences } from './acceptance-consequences.js';
import { ProcessCheckpoints } from './process-checkpoints.store.js';

export const INVITATION_ACCEPTANCE_PROCESS = 'invitation-acceptance';
const ACCEPTED = 'ResellerRelationshipAccepted';

/**
 * Applies the consequences of every `ResellerRelationshipAccepted` to the customer's stream,
 * from a checkpointed catch-up subscription: an acceptance stored by a process that stopped
 * before its consequences is completed here, at the next start at the latest. The HTTP
 * acceptance applies the same consequences itself (read-your-writes); derived event ids make
 * the second application store nothing. A failing event is retried from the checkpoint, with
 * a growing pause and an error log each time; it is never skipped.
 */
@Injectable()
export class InvitationAcceptanceProcess implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InvitationAcceptanceProcess.name);
  private checkpoints?: ProcessCheckpoints;
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private stopping = false;
  private readonly pause = new InterruptiblePause();
  private failure?: { readonly message: string; readonly since: string };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consequences: AcceptanceConsequences,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
  ) {}

  onApplicationBootstrap(): void {
    this.checkpoints = new ProcessCheckpoints(this.config.get('DATA_DIR', { infer: true }));
    this.health.register(`process:${INVITATION_ACCEPTANCE_PROCESS}`, () => this.check());
    this.running = this.run(this.checkpoints);
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.subscription?.stop();
    await this.running;
    this.checkpoints?.close();
  }

  private async run(checkpoints: ProcessCheckpoints): Promise<void> {
    for (let failures = 1; !this.stopping; failures++) {
      try {
        await this.follow(checkpoints);
      } catch (error) {
        if (this.stopping) return;
        this.failure = {
          message: (error as Error)?.message ?? String(error),
          since: this.failure?.since ?? new Date().toISOString(),
        };
        this.logger.error(
          { err: error, process: INVITATION_ACCEPTANCE_PROCESS, failures },
          'Invitation acceptance process failed; retrying from its checkpoint',
        );
        await this.pause.wait(retryDelay(failures));
      }
    }
  }

  private async follow(checkpoints: ProcessCheckpoints): Promise<void> {
    const subscription = this.store.subscribeToAll({
      fromPosition: checkpoints.get(INVITATION_ACCEPTANCE_PROCESS) ?? 'start',
      // By stream, which the server filters, not by type, which can only be told apart here
      // (a shared node holds foreign streams with our type names): only invitations cross the
      // wire, instead of every event of every customer.
      filter: { streamNamePrefixes: [invitationStream('')] },
    });
    this.subscription = subscription;
    if (this.stopping) return subscription.stop();
    for await (const event of subscription) {
      if (event.type === ACCEPTED) {
        const data = event.data as ResellerRelationshipAccepted['data'];
        await this.consequences.apply({ eventId: event.eventId, data, metadata: event.metadata });
      }
      checkpoints.save(INVITATION_ACCEPTANCE_PROCESS, event.position);
      this.failure = undefined;
    }
    if (!this.stopping) throw new Error('The subscription ended (event store closed?)');
  }

  /** `/health`: failed while an acceptance cannot be completed (it is retried, never skipped). */
  private async check(): Promise<ComponentHealth> {
    const position = this.checkpoints?.get(INVITATION_ACCEPTANCE_PROCESS);
    return {
      name: `process:${INVITATION_ACCEPTANCE_PROCESS}`,
      status: this.failure ? 'failed' : 'up',
      position: position?.toString() ?? null,
      ...(this.failure && { failure: this.failure }),
    };
  }
}

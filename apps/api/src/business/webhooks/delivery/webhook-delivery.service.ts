import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { type AppConfig, writableDataDirectory } from '@customer-workspace/config';
import {
  type CommandContext,
  CommandRunner,
  EVENT_STORE,
  type EventStore,
} from '@customer-workspace/event-store';
import { ReadModelBehind } from '@customer-workspace/read-models';
import {
  DEFAULT_RETRY_SCHEDULE,
  type DisableEndpoint,
  SecretSealer,
  type TargetPolicy,
  WebhookDelivery,
  webhookDecider,
  WebhookOutbox,
  WebhookSender,
  webhookStream,
} from '@customer-workspace/webhooks';
import { HealthService } from '../../../platform/health/health.service.js';
import { RequestActivity } from '../../../platform/observability/request-activity.js';
import { WEBHOOK_TARGET_POLICY } from '../webhook-settings.js';

export const WEBHOOK_DELIVERY_PROCESS = 'webhook-delivery';

/** Who the delivery is recorded as when it disables an endpoint (`410`, schedule spent). */
const DELIVERY_ACTOR = {
  userId: 'system:webhook-delivery',
  upn: 'webhook-delivery',
  role: 'system',
};

/**
 * The webhook delivery of this api process (`WEBHOOKS_DELIVERY=on`, the default): follows the
 * log into the outbox (`DATA_DIR/webhooks.db`) and sends from it. With `off`, the outbox is
 * still kept, so the endpoint list and delivery log answer, but nothing is sent from here.
 * Started after the application (projections, routes) is up; stopped before the event store
 * closes.
 */
@Injectable()
export class WebhookDeliveryService
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private outbox?: WebhookOutbox;
  private sender?: WebhookSender;
  private delivery?: WebhookDelivery;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly health: HealthService,
    private readonly runner: CommandRunner,
    private readonly sealer: SecretSealer,
    @Inject(WEBHOOK_TARGET_POLICY) private readonly policy: TargetPolicy,
    private readonly requests: RequestActivity,
  ) {}

  onModuleInit(): void {
    const dataDir = writableDataDirectory(this.config.get('DATA_DIR', { infer: true }));
    this.outbox = new WebhookOutbox(dataDir);
    const sends = this.config.get('WEBHOOKS_DELIVERY', { infer: true }) === 'on';
    this.sender = sends ? new WebhookSender() : undefined;
    const baseUrl = this.config.get('PUBLIC_BASE_URL', { infer: true });
    this.delivery = new WebhookDelivery({
      store: this.store,
      outbox: this.outbox,
      ...(baseUrl !== undefined && { baseUrl }),
      ...(this.sender && {
        dispatch: {
          send: this.sender.send.bind(this.sender),
          sealer: this.sealer,
          policy: this.policy,
          schedule:
            this.config.get('WEBHOOKS_RETRY_SCHEDULE', { infer: true }) ?? DEFAULT_RETRY_SCHEDULE,
          timeoutMs: this.config.get('WEBHOOKS_TIMEOUT_MS', { infer: true }),
          disable: this.disable,
          onError: this.logError,
          // Callers first: while requests are served, deliveries keep to a trickle.
          yieldWhile: this.requests.busy,
        },
      }),
      onError: this.logError,
    });
  }

  onApplicationBootstrap(): void {
    const delivery = this.started();
    this.health.register(`process:${WEBHOOK_DELIVERY_PROCESS}`, async () => ({
      name: `process:${WEBHOOK_DELIVERY_PROCESS}`,
      ...delivery.status(),
    }));
    delivery.start();
  }

  /** Runs before the event store closes (global modules shut down last). */
  async onApplicationShutdown(): Promise<void> {
    await this.delivery?.stop();
    this.sender?.close();
    this.outbox?.close();
  }

  /**
   * The delivery once it has planned everything up to `minPosition` (read-your-writes);
   * `ReadModelBehind` (503) when it does not in time.
   */
  async caughtUp(minPosition: bigint | undefined): Promise<WebhookDelivery> {
    const delivery = this.started();
    if (minPosition === undefined) return delivery;
    const waitMs = this.config.get('READ_MODEL_WAIT_MS', { infer: true });
    if (await delivery.waitFor(minPosition, waitMs)) return delivery;
    const reached = delivery.outbox.checkpoint();
    throw new ReadModelBehind(WEBHOOK_DELIVERY_PROCESS, minPosition, reached, waitMs);
  }

  private started(): WebhookDelivery {
    if (!this.delivery) throw new Error('The webhook delivery is not initialised');
    return this.delivery;
  }

  /** Disables an endpoint in the log, as the delivery process (recorded in the activity log). */
  private readonly disable: DisableEndpoint = async ({ webhookId, partnerId }, because) => {
    const correlationId = randomUUID();
    const context: CommandContext = {
      correlationId,
      causationId: correlationId,
      actor: DELIVERY_ACTOR,
      partnerId,
      occurredAt: new Date().toISOString(),
    };
    await this.runner.run({
      decider: webhookDecider,
      streamId: webhookStream(webhookId),
      command: { type: 'DisableWebhook', data: { webhookId, partnerId, because } },
      context,
    });
    this.logger.warn({ webhookId, partnerId, because }, 'Webhook endpoint disabled');
  };

  private readonly logError = (error: unknown, context: string): void => {
    this.logger.error({ err: error }, `${context} failed`);
  };
}

import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SecretSealer } from '@customer-workspace/webhooks';
import { CreateWebhookController } from './create-webhook/create-webhook.controller.js';
import { CreateWebhookHandler } from './create-webhook/create-webhook.command.js';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.controller.js';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.command.js';
import { GetWebhookController } from './get-webhook/get-webhook.controller.js';
import { GetWebhookHandler } from './get-webhook/get-webhook.query.js';
import { ListEventNamesController } from './list-event-names/list-event-names.controller.js';
import { ListEventNamesHandler } from './list-event-names/list-event-names.query.js';
import { RotateWebhookSecretController } from './rotate-webhook-secret/rotate-webhook-secret.controller.js';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.command.js';
import { TestWebhookController } from './test-webhook/test-webhook.controller.js';
import { TestWebhookHandler } from './test-webhook/test-webhook.command.js';
import { UpdateWebhookController } from './update-webhook/update-webhook.controller.js';
import { UpdateWebhookHandler } from './update-webhook/update-webhook.command.js';
import { CallerEndpoints } from './delivery/caller-endpoints.js';
import { WebhookDeliveryService } from './delivery/webhook-delivery.service.js';
import { ListDeliveriesController } from './list-deliveries/list-deliveries.controller.js';
import { ListDeliveriesHandler } from './list-deliveries/list-deliveries.query.js';
import { ListWebhooksController } from './list-webhooks/list-webhooks.controller.js';
import { ListWebhooksHandler } from './list-webhooks/list-webhooks.query.js';
import { ReplayDeliveriesController } from './replay-deliveries/replay-deliveries.controller.js';
import { ReplayDeliveriesHandler } from './replay-deliveries/replay-deliveries.command.js';
import { WebhookStreams } from './webhook-streams.js';
import { secretSealerOf, targetPolicyOf, WEBHOOK_TARGET_POLICY } from './webhook-settings.js';

/**
 * Routes of the webhook endpoints (admin-agent; the event names for every partner role), and
 * what deliveries need too: the sealer of endpoint secrets (`SecretSealer`, from the configured
 * or generated key) and the deployment's target policy (`WEBHOOK_TARGET_POLICY`).
 */
@Module({
  controllers: [
    // The static `events` route before `:id`, so no one reads it as an endpoint id.
    ListEventNamesController,
    ListWebhooksController,
    CreateWebhookController,
    GetWebhookController,
    UpdateWebhookController,
    DeleteWebhookController,
    RotateWebhookSecretController,
    TestWebhookController,
    ListDeliveriesController,
    ReplayDeliveriesController,
  ],
  providers: [
    { provide: SecretSealer, inject: [ConfigService], useFactory: secretSealerOf },
    { provide: WEBHOOK_TARGET_POLICY, inject: [ConfigService], useFactory: targetPolicyOf },
    ListEventNamesHandler,
    CreateWebhookHandler,
    GetWebhookHandler,
    UpdateWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    TestWebhookHandler,
    WebhookDeliveryService,
    WebhookStreams,
    CallerEndpoints,
    ListWebhooksHandler,
    ListDeliveriesHandler,
    ReplayDeliveriesHandler,
  ],
  exports: [SecretSealer, WEBHOOK_TARGET_POLICY],
})
export class WebhooksModule {}

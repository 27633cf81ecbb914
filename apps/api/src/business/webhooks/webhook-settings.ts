import type { AppConfig } from '@customer-workspace/config';
import { resolveWebhookKey, SecretSealer, type TargetPolicy } from '@customer-workspace/webhooks';
import type { ConfigService } from '@nestjs/config';

/** The `TargetPolicy` of this deployment (`WEBHOOKS_ALLOW_HTTP`, `WEBHOOKS_ALLOWED_HOSTS`). */
export const WEBHOOK_TARGET_POLICY = Symbol('WEBHOOK_TARGET_POLICY');

export function targetPolicyOf(config: ConfigService<AppConfig, true>): TargetPolicy {
  return {
    allowHttp: config.get('WEBHOOKS_ALLOW_HTTP', { infer: true }),
    allowedHosts: config.get('WEBHOOKS_ALLOWED_HOSTS', { infer: true }),
  };
}

/** The sealer of endpoint secrets, with the configured or generated webhook key. */
export function secretSealerOf(config: ConfigService<AppConfig, true>): SecretSealer {
  return new SecretSealer(
    resolveWebhookKey({
      WEBHOOKS_SECRET_KEY: config.get('WEBHOOKS_SECRET_KEY', { infer: true }),
      EVENTSTORE_CONNECTION_STRING: config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }),
      DATA_DIR: config.get('DATA_DIR', { infer: true }),
    }),
  );
}

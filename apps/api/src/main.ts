import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { loadConfig } from '@customer-workspace/config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(process.env);
  const logger = app.get(Logger);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(
      `${signal} received: no new requests; finishing in-flight ones, then closing the event store`,
    );
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => {
        logger.log('Shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  const store = config.EVENTSTORE_CONNECTION_STRING
    ? 'EventStoreDB'
    : `embedded SQLite in ${config.DATA_DIR}`;
  logger.log(
    `Customer Workspace api listening on http://${config.HOST}:${config.PORT} (event store: ${store})`,
  );
}

main().catch((error: unknown) => {
  // Start-up failures (bad settings, unusable data directory) name what is wrong, without a stack.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Customer Workspace api failed to start: ${message}\n`);
  process.exit(1);
});

import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { workspaceSchemaVersionOf } from '@customer-workspace/read-models';
import { MetricsService } from '../observability/metrics.service.js';

/**
 * The generic command runner (load → evolve → decide → append), counted in `/metrics`; new
 * events are written at the schema version the domain declares for their type.
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: CommandRunner,
      inject: [EVENT_STORE, MetricsService],
      useFactory: (store: EventStore, metrics: MetricsService) =>
        new CommandRunner(store, (command, outcome) => metrics.commands.inc({ command, outcome }), {
          schemaVersionOf: workspaceSchemaVersionOf,
        }),
    },
  ],
  exports: [CommandRunner, CqrsModule],
})
export class CommandsModule {}

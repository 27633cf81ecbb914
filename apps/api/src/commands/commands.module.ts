import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { MetricsService } from '../observability/metrics.service.js';

/** The generic command handler (load → evolve → decide → append), counted in `/metrics`. */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    {
      provide: CommandRunner,
      inject: [EVENT_STORE, MetricsService],
      useFactory: (store: EventStore, metrics: MetricsService) =>
        new CommandRunner(store, (command, outcome) => metrics.commands.inc({ command, outcome })),
    },
  ],
  exports: [CommandRunner, CqrsModule],
})
export class CommandsModule {}

import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { RequestActivity } from './request-activity.js';

@Global()
@Module({
  providers: [MetricsService, RequestActivity],
  controllers: [MetricsController],
  exports: [MetricsService, RequestActivity],
})
export class ObservabilityModule {}

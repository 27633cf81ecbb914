import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Global()
@Module({ providers: [HealthService], controllers: [HealthController], exports: [HealthService] })
export class HealthModule {}

import { Global, Module } from '@nestjs/common';
import { ReadModelsService } from './read-models.service.js';

/** The projections of this process and their queries' access to them. */
@Global()
@Module({ providers: [ReadModelsService], exports: [ReadModelsService] })
export class ReadModelsModule {}

import { Module } from '@nestjs/common';

/** Routes of the relationships use cases (each use case in a folder of its own). */
@Module({ controllers: [], providers: [] })
export class RelationshipsModule {}

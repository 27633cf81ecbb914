import { Module } from '@nestjs/common';

/** Routes of the tags use cases (each use case in a folder of its own). */
@Module({ controllers: [], providers: [] })
export class TagsModule {}

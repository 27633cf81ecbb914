import { Module } from '@nestjs/common';

/** Routes of the orders use cases (each use case in a folder of its own). */
@Module({ controllers: [], providers: [] })
export class OrdersModule {}

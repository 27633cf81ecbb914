import 'reflect-metadata';
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemDetailsFilter } from '@customer-workspace/api';
import { httpAdapter, requestValidation } from '@customer-workspace/api';
import { CreateOrderDto } from '@customer-workspace/api';

/**
 * The limit of `http.command`: the same route on the same Nest/Fastify stack, the body
 * validated by the same DTO class and ValidationPipe settings as in `createApp`, then returned
 * as it is: no auth, no command, no store. Run as its own process, like the api.
 */
@Controller('v1/customers')
class OrderEchoController {
  @Post(':id/orders')
  echo(@Param('id') _id: string, @Body() body: CreateOrderDto): CreateOrderDto {
    return body;
  }
}

@Module({ controllers: [OrderEchoController] })
class OrderEchoModule {}

async function main(): Promise<void> {
  // The api's own adapter and validation (app.factory.ts of @customer-workspace/api), default body limit.
  const adapter = httpAdapter(1024 * 1024);
  const app = await NestFactory.create<NestFastifyApplication>(OrderEchoModule, adapter, {
    logger: false,
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(requestValidation());
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

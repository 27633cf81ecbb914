import { type ModuleMetadata, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { setUpOpenApi } from './platform/openapi/openapi.js';
import { loadConfig } from '@customer-workspace/config';
import { ProblemDetailsFilter } from './platform/errors/problem-details.filter.js';
import { CORRELATION_HEADER, correlationIdOf } from './platform/observability/correlation-id.js';
import { ValidationFailed } from './platform/errors/validation-failed.js';
import { registerHttpMetrics } from './platform/observability/http-metrics.hook.js';
import {
  RequestActivity,
  registerRequestActivity,
} from './platform/observability/request-activity.js';
import { MetricsService } from './platform/observability/metrics.service.js';
import { registerRequestBodyLimits } from './platform/security/request-body-limits.js';
import { registerSecurityHeaders } from './platform/security/security-headers.js';

/**
 * While the server shuts down, answers in-flight requests with `Connection: close`, so their
 * keep-alive sockets end with the response instead of holding the shutdown open.
 */
function closeConnectionsWhenDraining(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', async () => {
    draining = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (draining) void reply.header('Connection', 'close');
  });
}

/** The Fastify adapter: body limit, 503 while closing, our correlation ids as request ids. */
export function httpAdapter(bodyLimit: number): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit,
    return503OnClosing: true,
    requestIdHeader: false,
    genReqId: correlationIdOf,
  });
}

/** Body and query validation: whitelist, unknown fields refused, problem details naming each. */
export function requestValidation(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ValidationFailed.fromClassValidator(errors),
  });
}

/**
 * Builds the api (not yet listening). Shared by `main.ts`, the end-to-end tests and benchmarks;
 * `extraImports` lets a test or benchmark mount modules of its own beside the api's.
 */
export async function createApp(
  env: Record<string, string | undefined> = process.env,
  extraImports: ModuleMetadata['imports'] = [],
): Promise<NestFastifyApplication> {
  const config = loadConfig(env);
  const adapter = httpAdapter(config.BODY_LIMIT_BYTES);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, extraImports),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  registerSecurityHeaders(app);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(requestValidation());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  registerRequestBodyLimits(fastify);
  registerHttpMetrics(fastify, app.get(MetricsService));
  registerRequestActivity(fastify, app.get(RequestActivity));
  closeConnectionsWhenDraining(fastify);
  setUpOpenApi(app);
  return app;
}

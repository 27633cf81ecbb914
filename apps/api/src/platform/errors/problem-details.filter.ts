import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblemDetails } from './problem-details.js';

/**
 * Answers every error as `application/problem+json` (docs/contributing.md#errors), Fastify's body-parsing
 * errors (malformed JSON, oversized body) included: Nest routes those here too.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...toProblemDetails(exception), instance: request.url };
    if (problem.status >= 500)
      this.logger.error({ err: exception, url: request.url }, 'Request failed');
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    if (problem.status === 503) void reply.header('Retry-After', '1');
    void reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json')
      .send(problem);
  }
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * Serves the OpenAPI document: the UI at `/docs`, the JSON at `/docs-json` (docs/api.md#reference-openapi). Routes
 * describe their bodies, answers and examples with `@nestjs/swagger` decorators.
 */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Customer Workspace API')
    .setDescription(
      'Customers workspace of a cloud-solution partner: customers, reseller relationships, orders, tags, exports and the activity log. ' +
        'Errors are application/problem+json (RFC 9457). Commands answer with the global `position` of their last event; queries accept `minPosition`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

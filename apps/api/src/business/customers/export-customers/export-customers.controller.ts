import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CUSTOMERS_CSV } from '@customer-workspace/read-models';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { ExportCustomersDto } from './export-customers.dto.js';
import { ExportCustomersService } from './export-customers.service.js';
import { exportLanguage } from './export-language.js';

/** `GET /v1/customers/export`: `Customers.csv`, exactly per docs/product.md rule 2. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class ExportCustomersController {
  constructor(private readonly exports: ExportCustomersService) {}

  @Get('export')
  @Roles('admin-agent', 'sales-agent', 'billing-admin')
  @ApiOperation({
    summary: 'Export the full customer list as Customers.csv (search and filters never apply)',
    description:
      'One row per relationship; five columns with headers in `lang` (or `Accept-Language`); ' +
      'tags joined with `;`; UTF-8 with a byte-order mark; cells a spreadsheet would run as a ' +
      "formula start with `'`. Recorded as `export_customers` before the file is sent " +
      '(`X-Export-Position` names that event). Streamed: memory does not grow with the list.',
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'Customers.csv', content: { 'text/csv': {} } })
  @ApiProblems(400, 401, 403, 404, 503)
  async export(
    @Query() query: ExportCustomersDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lang = exportLanguage(query.lang, acceptLanguage);
    const file = await this.exports.export({
      query,
      lang,
      caller,
      request: requestContext(request, caller, new Date()),
    });
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${CUSTOMERS_CSV}"`)
      .header('Content-Language', lang)
      .header('X-Export-Position', file.position.toString())
      .send(file.body);
  }
}

import { Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '../../../platform/auth/auth.decorators.js';
import { PARTNER_ROLES, type Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import { ApiProblems } from '../../../platform/openapi/api-problems.decorator.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { SubscriptionChangeView } from '../order.view.js';
import {
  ChangeSubscriptionCommand,
  type SubscriptionChange,
} from './change-subscription.command.js';

/** `POST …/subscriptions/{sid}/suspend` and `…/cancel`: every partner role (see docs/product.md#roles). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/customers')
export class ChangeSubscriptionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/subscriptions/:sid/suspend')
  @HttpCode(HttpStatus.OK)
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'Suspend an active subscription the caller ordered',
    description:
      'A suspended or cancelled subscription answers 409; another partner’s subscription, ' +
      'or an unknown one, answers 404.',
  })
  @ApiOkResponse({ type: SubscriptionChangeView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  suspend(
    @Param('id') id: string,
    @Param('sid') subscriptionId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<SubscriptionChangeView> {
    return this.change('SuspendSubscription', id, subscriptionId, caller, request);
  }

  @Post(':id/subscriptions/:sid/cancel')
  @HttpCode(HttpStatus.OK)
  @Roles(...PARTNER_ROLES)
  @ApiOperation({
    summary: 'Cancel an active or suspended subscription the caller ordered (final)',
    description:
      'A cancelled subscription answers 409; another partner’s subscription, ' +
      'or an unknown one, answers 404.',
  })
  @ApiOkResponse({ type: SubscriptionChangeView })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  cancel(
    @Param('id') id: string,
    @Param('sid') subscriptionId: string,
    @Caller() caller: Principal,
    @Req() request: IdempotentRequest,
  ): Promise<SubscriptionChangeView> {
    return this.change('CancelSubscription', id, subscriptionId, caller, request);
  }

  private change(
    change: SubscriptionChange,
    customerId: string,
    subscriptionId: string,
    caller: Principal,
    request: IdempotentRequest,
  ): Promise<SubscriptionChangeView> {
    const context = requestContext(request, caller, new Date(), customerId);
    return this.commands.execute(
      new ChangeSubscriptionCommand(change, customerId, subscriptionId, caller, context),
    );
  }
}

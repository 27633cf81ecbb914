import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { knownPartner, partnerDecider, partnerStream } from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import { PartnerView } from '../partner.view.js';

/** The calling partner (`GET /v1/partners/me`). */
export class GetMyPartnerQuery extends Query<PartnerView> {
  constructor(readonly caller: Principal) {
    super();
  }
}

/** Folds the caller's partner stream; an unregistered partner throws `PartnerNotFound` (404). */
@QueryHandler(GetMyPartnerQuery)
export class GetMyPartnerHandler implements IQueryHandler<GetMyPartnerQuery, PartnerView> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ caller }: GetMyPartnerQuery): Promise<PartnerView> {
    const { state } = await this.runner.load(partnerDecider, partnerStream(caller.partnerId));
    return PartnerView.of(knownPartner(state, caller.partnerId));
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  indirectProviderReference,
  partnerDecider,
  partnerStream,
  type RegisterPartner,
  registeredPartner,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import { PartnerView } from '../partner.view.js';
import type { RegisterPartnerDto } from './register-partner.dto.js';

export class RegisterPartnerCommand {
  constructor(
    readonly body: RegisterPartnerDto,
    readonly request: RequestContext,
  ) {}
}

export type RegisterPartnerResult = PartnerView & { position: string };

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<
  RegisterPartnerCommand,
  RegisterPartnerResult
> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ body, request }: RegisterPartnerCommand): Promise<RegisterPartnerResult> {
    const partnerId = body.id ?? request.newId('partner');
    const provider = body.indirectProviderId
      ? indirectProviderReference(
          (await this.runner.load(partnerDecider, partnerStream(body.indirectProviderId))).state,
        )
      : undefined;
    const command: RegisterPartner = {
      type: 'RegisterPartner',
      data: {
        partnerId,
        name: body.name.trim(),
        programs: body.programs,
        defaultLanguage: body.defaultLanguage ?? 'en',
        ...(body.indirectProviderId === undefined
          ? {}
          : { indirectProviderId: body.indirectProviderId }),
        ...(provider === undefined ? {} : { indirectProvider: provider }),
      },
    };
    const context = { ...request.context, partnerId };
    const streamId = partnerStream(partnerId);
    return this.runner.answer(
      { decider: partnerDecider, streamId, command, ...request, context },
      ({ state }) => PartnerView.of(registeredPartner(state, command.type)),
    );
  }
}

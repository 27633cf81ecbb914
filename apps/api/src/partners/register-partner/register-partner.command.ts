import { CommandHandler as HandlesCommand, type ICommandHandler } from '@nestjs/cqrs';
import {
  indirectProviderReference,
  partnerDecider,
  partnerStream,
  type RegisterPartner,
} from '@customer-workspace/customers';
import { CommandHandler } from '@customer-workspace/event-store';
import type { RequestContext } from '../../commands/command-context.js';
import { PartnerView } from '../partner.view.js';
import type { RegisterPartnerDto } from './register-partner.dto.js';

export class RegisterPartnerCommand {
  constructor(
    readonly body: RegisterPartnerDto,
    readonly request: RequestContext,
  ) {}
}

export type RegisterPartnerResult = PartnerView & { position: string };

@HandlesCommand(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<
  RegisterPartnerCommand,
  RegisterPartnerResult
> {
  constructor(private readonly commands: CommandHandler) {}

  async execute({ body, request }: RegisterPartnerCommand): Promise<RegisterPartnerResult> {
    const partnerId = body.id ?? request.newId('partner');
    const provider = body.indirectProviderId
      ? indirectProviderReference(
          (await this.commands.load(partnerDecider, partnerStream(body.indirectProviderId))).state,
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
    const result = await this.commands.handle(
      partnerDecider,
      partnerStream(partnerId),
      command,
      context,
      request,
    );
    if (result.state.status !== 'registered')
      throw new Error('RegisterPartner left the partner unregistered');
    return { ...PartnerView.of(result.state.partner), position: result.position.toString() };
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  customerDecider,
  type CustomerEvent,
  customerStream,
  type ErasePersonalData,
  PERSONAL_DATA_ERASED,
  type PersonalField,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { AttestationDto } from '../../relationships/remove-relationship/remove-relationship.dto.js';
import type { PersonalDataErasureView } from './erasure.view.js';

export class ErasePersonalDataCommand {
  constructor(
    readonly customerId: string,
    readonly attestation: AttestationDto,
    readonly caller: Principal,
    readonly request: RequestContext,
  ) {}
}

/**
 * Erases the customer's personal data: the decider records the erasure, and the event store's
 * sealing layer destroys the keys once it is stored (the erasure follower after a crash).
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<
  ErasePersonalDataCommand,
  PersonalDataErasureView
> {
  constructor(private readonly runner: CommandRunner) {}

  execute({
    customerId,
    attestation,
    caller,
    request,
  }: ErasePersonalDataCommand): Promise<PersonalDataErasureView> {
    const command: ErasePersonalData = {
      type: 'ErasePersonalData',
      data: { customerId, partnerId: caller.partnerId, attestation },
    };
    const streamId = customerStream(customerId);
    return this.runner.answer(
      { decider: customerDecider, streamId, command, ...request },
      ({ events, replayed }) => ({ erasedFields: erasedFieldsOf(replayed?.events ?? events) }),
    );
  }
}

function erasedFieldsOf(events: readonly CustomerEvent[]): PersonalField[] {
  const erasure = events.find((event) => event.type === PERSONAL_DATA_ERASED);
  return erasure?.type === 'CustomerPersonalDataErased' ? [...erasure.data.erasedFields] : [];
}

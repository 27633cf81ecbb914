import { ConfigService } from '@nestjs/config';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AppConfig } from '@customer-workspace/config';
import {
  customerDecider,
  type CustomerEvent,
  customerStream,
  type ErasePersonalData,
  PERSONAL_DATA_ERASED,
  type PersonalField,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import { AppError } from '@customer-workspace/kernel';
import type { Principal } from '@customer-workspace/auth';
import type { RequestContext } from '../../../platform/commands/command-context.js';
import type { AttestationDto } from '../../relationships/remove-relationship/remove-relationship.dto.js';
import type { PersonalDataErasureView } from './erasure.view.js';
import { PersonalDataErasureProcess } from './personal-data-erasure.process.js';

/**
 * The erasure is stored but its keys are not destroyed yet (the key store failed, the erasure
 * process is catching up): the api does not answer it done. The erasure process keeps trying;
 * a retry with the same `Idempotency-Key` answers 200 once it is done.
 */
export class PersonalDataErasurePending extends AppError {
  readonly kind = 'unavailable';
  constructor(customerId: string, position: string, waitedMs: number) {
    super(
      'personal-data-erasure-pending',
      `The erasure of customer ${customerId}'s personal data is recorded (position ${position}) ` +
        `but its keys were not destroyed within ${waitedMs} ms; the erasure process keeps ` +
        'trying (see /health, process:personal-data-erasure). Retry with the same ' +
        'Idempotency-Key to learn when it is done.',
    );
  }
}

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
 * sealing layer destroys the keys once it is stored (the erasure follower after a crash). It
 * answers once the erasure process has passed the erasure (keys destroyed, kept answers about
 * the customer forgotten), and 503 `personal-data-erasure-pending` when that takes longer than
 * `READ_MODEL_WAIT_MS`.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<
  ErasePersonalDataCommand,
  PersonalDataErasureView
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly erasures: PersonalDataErasureProcess,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async execute({
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
    const answer = await this.runner.answer(
      { decider: customerDecider, streamId, command, ...request },
      ({ events, replayed }) => ({ erasedFields: erasedFieldsOf(replayed?.events ?? events) }),
    );
    const waitMs = this.config.get('READ_MODEL_WAIT_MS', { infer: true });
    if (!(await this.erasures.waitFor(BigInt(answer.position), waitMs)))
      throw new PersonalDataErasurePending(customerId, answer.position, waitMs);
    return answer;
  }
}

function erasedFieldsOf(events: readonly CustomerEvent[]): PersonalField[] {
  const erasure = events.find((event) => event.type === PERSONAL_DATA_ERASED);
  return erasure?.type === 'CustomerPersonalDataErased' ? [...erasure.data.erasedFields] : [];
}

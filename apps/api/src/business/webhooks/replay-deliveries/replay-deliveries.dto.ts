import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import type { ReplayRequest } from '@customer-workspace/webhooks';
import { IsInstant, toInstant } from '../../../platform/read-models/is-instant.validator.js';
import { isGlobalPosition } from '../../../platform/read-models/min-position.dto.js';

interface ReplayFields {
  readonly fromPosition?: string;
  readonly from?: string;
  readonly to?: string;
}

const fieldsOf = (args?: ValidationArguments) => (args?.object ?? {}) as ReplayFields;
const isRange = (body: ReplayFields) => body.from !== undefined || body.to !== undefined;

/** A global position alone: with `from` or `to` beside it, the two forms are mixed. */
const isLonePosition = (value: unknown, args?: ValidationArguments) =>
  !isRange(fieldsOf(args)) && isGlobalPosition(value);

/** `from` before `to`, when both are instants (otherwise their own checks speak). */
const isBeforeTo = (value: unknown, args?: ValidationArguments) => {
  const { to } = fieldsOf(args);
  try {
    return typeof value !== 'string' || typeof to !== 'string' || toInstant(value) < toInstant(to);
  } catch {
    return true;
  }
};

/**
 * `POST /v1/webhooks/{id}/replay` body: `{ "fromPosition" }` or `{ "from", "to" }`. Without
 * `fromPosition`, `from` and `to` are required; with it, they must be absent.
 */
export class ReplayDeliveriesDto implements ReplayFields {
  @ApiPropertyOptional({
    example: '42',
    description: 'Send again the events from this global position on (a decimal string)',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isReplayPosition',
    validator: {
      validate: isLonePosition,
      defaultMessage: (args) =>
        isRange(fieldsOf(args))
          ? 'give fromPosition, or from and to, not both'
          : 'fromPosition must be a global position (a decimal string)',
    },
  })
  readonly fromPosition?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    description: 'With `to`: send again the events that happened from this instant on',
  })
  @ValidateIf((body: ReplayFields) => body.fromPosition === undefined)
  @IsInstant()
  @ValidateBy({
    name: 'isBeforeTo',
    validator: { validate: isBeforeTo, defaultMessage: () => 'from must come before to' },
  })
  readonly from?: string;

  @ApiPropertyOptional({
    example: '2026-12-02T00:00:00Z',
    description: 'With `from`: up to this instant (excluded)',
  })
  @ValidateIf((body: ReplayFields) => body.fromPosition === undefined)
  @IsInstant()
  readonly to?: string;
}

/** The replay a validated body asks for. */
export function replayRequestOf(body: ReplayDeliveriesDto): ReplayRequest {
  if (body.fromPosition !== undefined) return { fromPosition: BigInt(body.fromPosition) };
  return { from: toInstant(body.from!), to: toInstant(body.to!) };
}

import { BigPartnerSteps } from './big-partner.steps.js';
import { type Command, Timeline } from './domain-events.js';
import { CustomerActions } from './customer-actions.js';
import { PartnerActions } from './partner-actions.js';
import { PartnerPicker } from './partner-picker.js';
import { SeededRandom } from './seeded-random.js';
import { type BenchPartner, BenchWorld } from './workload-world.js';

/** Direct-bill partners, biggest first (a few large partners, a long tail of small ones). */
const DIRECT_PARTNERS = 15;
const RESELLERS = 4;
/** Events per command of the mixed commands, and of the big partner's steps, on average. */
const MIXED_EVENTS_PER_COMMAND = 1.45;
const BIG_EVENTS_PER_STEP = 2.45;

type Action = keyof CustomerActions | keyof PartnerActions;

/** Relative frequency of each kind of command of the community. */
const MIX: readonly (readonly [Action, number])[] = [
  ['addCustomer', 24],
  ['acceptInvitation', 4],
  ['revokeInvitation', 1],
  ['assignTag', 18],
  ['unassignTag', 3],
  ['updateBilling', 8],
  ['createOrder', 15],
  ['changeSubscription', 6],
  ['removeRelationship', 3],
  ['createTag', 0.5],
  ['deleteTag', 0.2],
  ['exportCustomers', 0.3],
  ['exportActivityLog', 0.2],
];

/**
 * Two years of a partner community's commands, as real domain events, about `events` of them:
 * partners (direct-bill, an indirect provider and its resellers) register and create tags,
 * then add customers, invite resellers' customers, tag, order, suspend and cancel
 * subscriptions, update billing profiles, remove relationships and export; in between, one
 * large partner (`BigPartnerSteps`) builds its list of `bigCustomers` rows.
 */
export function* benchWorkload(events: number, bigCustomers: number, seed = 1): Generator<Command> {
  const random = new SeededRandom(seed);
  const twoYears = 2 * 365 * 24 * 3600 * 1000;
  const timeline = new Timeline(random, '2024-01-01T08:00:00.000Z', twoYears / (events / 1.6));
  const world = new BenchWorld(random, timeline);
  const big = new BigPartnerSteps(world, bigCustomers);
  let count = 0;
  const emit = function* (commands: Iterable<Command>) {
    for (const command of commands) {
      count += command.events.length;
      yield command;
    }
  };
  yield* emit(world.register('p-provider', 'indirect-provider', 12));
  for (let n = 1; n <= RESELLERS; n++) {
    yield* emit(world.register(`p-reseller-${n}`, 'indirect-reseller', 8, 'p-provider'));
  }
  const direct: BenchPartner[] = [];
  for (let n = 1; n <= DIRECT_PARTNERS; n++) {
    const id = `p-direct-${String(n).padStart(2, '0')}`;
    yield* emit(world.register(id, 'direct-bill', 20));
    direct.push(world.partners.get(id)!);
  }
  yield* emit(big.register());
  const pick = new PartnerPicker(world, direct);
  const customers = new CustomerActions(world, pick);
  const partners = new PartnerActions(world, pick);
  const act = (action: Action): Command[] =>
    action in customers
      ? customers[action as keyof CustomerActions]()
      : partners[action as keyof PartnerActions]();
  const mixedCommands =
    Math.max(0, events - big.adds * BIG_EVENTS_PER_STEP) / MIXED_EVENTS_PER_COMMAND;
  const bigShare = big.adds / (big.adds + mixedCommands);
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  while (count < events || !big.done) {
    if (!big.done && random.chance(bigShare)) {
      yield* emit(big.step());
      continue;
    }
    let roll = random.next() * total;
    const [action] = MIX.find(([, weight]) => (roll -= weight) < 0) ?? MIX[0]!;
    yield* emit(act(action));
  }
  yield* emit(big.finish());
}

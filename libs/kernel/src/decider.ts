/** An event as the domain sees it: a type and its data, without storage details. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * A pure decider (docs/contributing.md#deciders): `decide` turns a command and the current state into new
 * events (or throws a domain error), `evolve` folds one event into the state. No clock, id
 * generator or I/O: whatever varies comes in with the command.
 */
export interface Decider<TCommand, TEvent extends DomainEvent, TState> {
  decide(command: TCommand, state: TState): readonly TEvent[];
  evolve(state: TState, event: TEvent): TState;
  initialState(): TState;
}

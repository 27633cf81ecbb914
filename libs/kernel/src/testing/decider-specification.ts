import type { Decider, DomainEvent } from '../decider.js';

/**
 * Given/When/Then for pure deciders (docs/contributing.md#tests):
 * `spec.given(events).when(command).then(expectedEvents)` or `.thenThrows(matcher)`.
 */
export function deciderSpecification<TCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
) {
  return {
    given(history: readonly TEvent[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        when(command: TCommand) {
          const run = (): readonly TEvent[] => decider.decide(command, state);
          return {
            then(expected: readonly TEvent[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(
              expected: Record<string, unknown> | (new (...args: never[]) => Error),
            ): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeDefined();
              if (typeof expected === 'function') expect(thrown).toBeInstanceOf(expected);
              else expect(thrown).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}

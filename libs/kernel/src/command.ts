/**
 * A command as the domain sees it: a type and its data. Who issued it, when and why travels
 * separately, as the `CommandContext` the generic handler turns into event metadata.
 */
export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Makes a `switch` exhaustive: compiles only when every case has been handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

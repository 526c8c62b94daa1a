/** The handlers one domain contributes: exactly its contract's commands that have a JSON handler. */
import type { HandledCommandName, Handlers } from './context';

export type HandlersFor<Commands> = { [K in keyof Commands & HandledCommandName]: Handlers[K] };

import type { Channel, OutputOf, ParsedInputOf } from '../../shared/api';
import type { CheckedWrite, Deferred, HandlerContext, Refusal } from './context';

export type HandlerResult<C extends Channel> = OutputOf<C> | Refusal | Deferred<OutputOf<C>> | CheckedWrite<OutputOf<C>>;
export type Handler<C extends Channel> = (ctx: HandlerContext, input: ParsedInputOf<C>) => HandlerResult<C>;
/** A domain's handlers: exactly one per channel of that domain's contract part. */
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };

import { z } from 'zod';
import type { Result } from './result.ts';

/**
 * One request a client may send: a zod schema for its payload (validated at the bridge boundary) and the
 * type of the value its ack carries. Every client-to-server event is `(payload, ack)`; the ack always
 * receives a `Result`, never throws and never stays silent.
 */
export interface Rpc<Req extends z.ZodType, Res> {
  readonly request: Req;
  /** Type carrier only: never read at run time. */
  readonly response?: Res;
}

export function rpc<Res>() {
  return <Req extends z.ZodType>(request: Req): Rpc<Req, Res> => ({ request });
}

export type RpcMap = Record<string, Rpc<z.ZodType, unknown>>;

export type Ack<T> = (result: Result<T>) => void;
export type RequestOf<R> = R extends Rpc<infer Q, unknown> ? z.input<Q> : never;
export type ParsedRequestOf<R> = R extends Rpc<infer Q, unknown> ? z.output<Q> : never;
export type ResponseOf<R> = R extends Rpc<z.ZodType, infer S> ? S : never;

/** socket.io `ClientToServerEvents` for a map of requests. */
export type ClientEventsOf<M extends RpcMap> = {
  [K in keyof M]: (payload: RequestOf<M[K]>, ack: Ack<ResponseOf<M[K]>>) => void;
};

/** socket.io `ServerToClientEvents` for a map of broadcast payload schemas. */
export type ServerEventsOf<M extends Record<string, z.ZodType>> = {
  [K in keyof M]: (payload: z.output<M[K]>) => void;
};

export const empty = z.object({}).strict();

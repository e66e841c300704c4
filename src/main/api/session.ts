// The handlers' types, and the session they run on (src/main/services/session.ts, below the API).
import type { ApiArgs, ApiMethod, ApiResults, CallOptions } from '../../shared/api.js';
import type { Session } from '../services/session.js';

export * from '../services/session.js';

export type Handler<M extends ApiMethod> = (session: Session, args: ApiArgs<M>, options: CallOptions) => Promise<ApiResults[M]>;
export type Handlers = { [M in ApiMethod]: Handler<M> };
/** One domain's handlers: exactly the methods its shared declaration (src/shared/api/<domain>.ts) lists. */
export type DomainHandlers<D> = { [M in keyof D & ApiMethod]: Handler<M> };

// src/shared compiles with neither the DOM's nor Node's types. The one platform type its API names is the abort
// signal a caller passes in; both platforms have it, and each caller's own declaration merges with this one.
interface AbortSignal {
  readonly aborted: boolean;
}

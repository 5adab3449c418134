/** How a case's run ended, before any verdict is drawn from its checks. */
export type Termination =
  | { readonly kind: 'completed' }
  /**
   * The time limit passed while `stepId` was running. `inProvider`: the step was a provider call, so the
   * provider process was stuck in it and was killed; otherwise the harness was waiting on a peer.
   */
  | { readonly kind: 'timeout'; readonly stepId: string; readonly limitMs: number; readonly inProvider: boolean }
  /** The provider process died while `stepId` was running. */
  | { readonly kind: 'crash'; readonly stepId: string; readonly detail: string }
  /** The harness could not carry the case out. */
  | { readonly kind: 'error'; readonly detail: string; readonly stepId?: string }
  /** The case was not run. */
  | { readonly kind: 'skip'; readonly reason: string };

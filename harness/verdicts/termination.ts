/** How a case's run ended, before any verdict is drawn from its checks. */
export type Termination =
  | { readonly kind: 'completed' }
  /** The time limit passed while `stepId` was running; the provider process was killed. */
  | { readonly kind: 'timeout'; readonly stepId: string; readonly limitMs: number }
  /** The provider process died while `stepId` was running. */
  | { readonly kind: 'crash'; readonly stepId: string; readonly detail: string }
  /** The harness could not carry the case out. */
  | { readonly kind: 'error'; readonly detail: string; readonly stepId?: string }
  /** The case was not run. */
  | { readonly kind: 'skip'; readonly reason: string };

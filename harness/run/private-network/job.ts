/** What the parent run hands the runner it starts in the private network, and the lines it reads back. */
import type { CaseResult, Standard } from '../../judging/results/result.js';
import type { ProviderSettings } from '../../stacks/providers/provider.js';
import type { InputFolders } from '../runner/inputs.js';

/** The child loads the same inputs as the parent run, from the same folders. */
export interface PrivateNetworkJob extends InputFolders {
  /** The provider's name in the registry; the child runs its isolated() variant. */
  readonly provider: string;
  /** Its settings (the Wine build), so that the child makes the same provider. */
  readonly providerSettings?: ProviderSettings;
  /** What the documented steps are judged against, as in the parent run. */
  readonly against: Standard;
  /**
   * The private cases, when the run knows them all at the start: they run
   * side by side. Left out, they come on stdin, a PrivateCaseRequest a line,
   * and run one after another, each as it comes, until stdin ends.
   */
  readonly cases?: readonly PrivateCaseRequest[];
  /** A port on the outer loopback with a listener: the canary the provider must not reach. */
  readonly canaryPort: number;
  readonly workerScript: string;
  /** Where the child's provider processes write. */
  readonly logFile: string;
}

/** A private case, by id, with its place in the run. */
export interface PrivateCaseRequest {
  readonly id: string;
  readonly index: number;
}

/** One line of the child's stdout. */
export type PrivateNetworkReport =
  /** The namespace is set up and its isolation proven: results follow. */
  | { readonly type: 'isolated' }
  /** The private network could not be used; every private case is SKIP with this reason. */
  | { readonly type: 'unavailable'; readonly reason: string }
  /** The case at `index` has begun: its result is due within its bound (private-run.ts). */
  | { readonly type: 'started'; readonly index: number }
  | { readonly type: 'result'; readonly index: number; readonly result: CaseResult };

export const JOB_VARIABLE = 'WINSOCK_CONFORMANCE_PRIVATE_JOB';

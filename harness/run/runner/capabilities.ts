/**
 * Whether a provider's binding can make every step of a case. A step needs
 * what its call needs, and what each argument it passes (other than NULL)
 * needs; a case with a step the binding cannot make is SKIP, with the reason.
 */
import type { BindingDescription } from '../../stacks/bindings/catalogue.js';
import { callNamed } from '../../language/calls/index.js';
import type { Case } from '../../language/cases/case.js';
import { CAPABILITIES, type Capability } from '../../language/vocabulary/capabilities.js';

/** Why the binding cannot run the case, or undefined when it can. */
export function capabilityGap(testCase: Case, binding: BindingDescription): string | undefined {
  for (const step of testCase.steps) {
    for (const { capability, what } of stepNeeds(step.call, step.args)) {
      if (binding.capabilities.has(capability)) continue;
      return `step ${step.id} ${what}, which needs ${CAPABILITIES[capability]}; the ${binding.name} binding (${binding.summary}) has no way to express it`;
    }
  }
  return undefined;
}

function stepNeeds(call: string, args: { readonly [name: string]: unknown }): { capability: Capability; what: string }[] {
  const declaration = callNamed(call);
  if (declaration === undefined) return [];
  const needs = declaration.needs === undefined ? [] : [{ capability: declaration.needs, what: `calls ${call}` }];
  for (const [name, spec] of Object.entries(declaration.args)) {
    const value = args[name];
    if (spec.needs !== undefined && value !== undefined && value !== null) needs.push({ capability: spec.needs, what: `passes ${name} to ${call}` });
  }
  return needs;
}

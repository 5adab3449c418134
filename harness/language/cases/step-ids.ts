/**
 * Step ids: how expectations files and results name a step. A step's id is
 * its `id:` when it has one, else its call name, with `#2`, `#3`… for the
 * second and later steps making the same call. Numbering counts every step
 * of that call, named or not, so naming one step does not renumber the others.
 */
import type { SourceLocation } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import type { DataPath } from '../yaml/source-map.js';

interface StepNaming {
  readonly call: string;
  readonly id?: string;
}

export function stepIds(steps: readonly StepNaming[]): string[] {
  const callsSoFar = new Map<string, number>();
  return steps.map((step) => {
    const occurrence = (callsSoFar.get(step.call) ?? 0) + 1;
    callsSoFar.set(step.call, occurrence);
    return step.id ?? (occurrence === 1 ? step.call : `${step.call}#${occurrence}`);
  });
}

/**
 * Problems for steps of one case that end up with the same id. `locate`
 * maps a path inside the case (`['steps', 2, 'id']`) to its location.
 */
export function checkStepIds(steps: readonly StepNaming[], locate: (path: DataPath) => SourceLocation): Problem[] {
  const problems: Problem[] = [];
  const firstStepWithId = new Map<string, number>();
  stepIds(steps).forEach((id, index) => {
    const first = firstStepWithId.get(id);
    if (first === undefined) {
      firstStepWithId.set(id, index);
      return;
    }
    // Point at what gave this step its id: its `id:`, or its call for a default id.
    const where = locate(['steps', index, steps[index]?.id === undefined ? 'call' : 'id']);
    const firstLine = locate(['steps', first]).line;
    problems.push(
      problemAt(where, `duplicate step id "${id}": the step at line ${firstLine} has it too; give one of them a different "id"`),
    );
  });
  return problems;
}

import { addMonths } from './calendar.js';

/** An invalid input field and why; messages never echo the value. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An observation is reported after the fact, and within a year of it. */
export function checkObservedAt(observedAt: string, today: string): FieldProblem | null {
  if (observedAt > today) return { field: 'input.observedAt', message: 'Must not be in the future' };
  if (observedAt < addMonths(today, -12)) return { field: 'input.observedAt', message: 'Must be within the last year' };
  return null;
}

/** Free text must say something once blanks are trimmed, within `max` characters. */
export function checkText(field: string, value: string, max: number): FieldProblem | null {
  const length = value.trim().length;
  if (length === 0) return { field, message: 'Must not be blank' };
  if (length > max) return { field, message: `Must be at most ${max} characters` };
  return null;
}

/** An end day may equal the start day (a single day) but not precede it. */
export function checkEndNotBeforeStart(field: string, start: string, end: string | null | undefined): FieldProblem | null {
  return end && end < start ? { field, message: 'Must not precede the start date' } : null;
}

/** The first problem among checks, in order. */
export function firstProblem(...problems: (FieldProblem | null)[]): FieldProblem | null {
  return problems.find((problem) => problem !== null) ?? null;
}

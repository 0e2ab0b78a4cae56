/** zod error override: a missing field says "is required" instead of a type mismatch. */
export function requiredMessage(issue: { code: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;
}

import type { ValidationPolicy } from '../tracking/serving-types';

export const POLICIES: readonly ValidationPolicy[] = ['reject', 'impute', 'pass'];

/** How each validation policy reads in a form. */
export const POLICY_TEXT: Record<ValidationPolicy, string> = {
  reject: 'Reject the row (its prediction is null, with the reason)',
  impute: 'Impute and flag it (bad values take the training mean or mode; out-of-range values are clipped)',
  pass: 'Pass it through as sent (flagged, predicted anyway)',
};

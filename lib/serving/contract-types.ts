/**
 * The shapes of the request contract (contract.ts): a request as read, each row as judged, and
 * the JSON answer. Types only, so contract.ts stays self-contained when it ships as contract.mjs.
 */
import type { IssueKind, ValidationPolicy } from '../tracking/serving-types';

/** A request id as the contract allows it. */
export type RequestId = string | number | null;

/** One value as a request may send it. */
export type RequestValue = number | string | boolean | null;

/** A parsed request: its id and one record (column -> value) per row, for `transformRecord`. */
export interface ParsedRequest {
  id: RequestId;
  records: Array<Record<string, RequestValue>>;
}

/** One problem found: its kind, the column it is about (null for a row or request), a sentence. */
export interface ValidationIssue {
  kind: IssueKind;
  column: string | null;
  message: string;
}

/** What became of one row: `ok` (clean), `flagged` (predicted despite issues), `rejected` (not predicted). */
export type RowVerdict = 'ok' | 'flagged' | 'rejected';

/** One row judged. */
export interface RowValidation {
  row: number;
  verdict: RowVerdict;
  issues: ValidationIssue[];
  /** What the model reads (prototype-free, the contract's columns), or null when rejected. */
  record: Record<string, RequestValue> | null;
  /** The row's values as received, in `columns` order (a row that is not an array: that one value). */
  values: unknown[];
}

/** A request read and judged: every row, in order, with its verdict. */
export interface ValidatedRequest {
  id: RequestId;
  policy: ValidationPolicy;
  /** The columns as the request named them. */
  columns: string[];
  rows: RowValidation[];
  /** Issues of the request as a whole (`empty-batch`). */
  requestIssues: ValidationIssue[];
}

/** What buildResponse needs of the model: its task and class names (in output order), and the version answering. */
export interface ResponseModel {
  task: 'regression' | 'classification';
  classNames: readonly string[];
  version?: number | null;
}

/** The JSON answer of `POST /predict` (200), the same from the endpoint and the package server. */
export interface PredictResponse {
  id: RequestId;
  /** One per row: a number (regression) or the most probable class; null for a rejected row. */
  predictions: Array<number | string | null>;
  /** Classification only: the labels, and one row of probabilities per row in their order (null when rejected). */
  classes?: string[];
  probabilities?: Array<number[] | null>;
  version?: number;
  validation: {
    policy: ValidationPolicy;
    rejected: number;
    flagged: number;
    /** Request-level issues (`empty-batch`). */
    issues: ValidationIssue[];
    /** Only the rows with issues. */
    rows: Array<{ row: number; verdict: RowVerdict; issues: ValidationIssue[] }>;
  };
}

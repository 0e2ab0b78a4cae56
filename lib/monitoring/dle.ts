/**
 * Direct Loss Estimation (NannyML's DLE) for regression: on the labelled reference, learn each
 * row's loss (absolute error, and separately squared error) from its features and the model's
 * prediction; on unlabelled traffic, average the predicted losses. It sees shifts towards regions
 * where the model is known to err more (heteroscedastic noise, harder inputs); like CBPE it
 * cannot see concept drift, where the same inputs start to have different targets.
 */
import { chunkRanges, LOSS_RANGE, referenceBand, samplingError, type ReferenceBand } from './bands';
import { fitBoostedTrees, predictBoostedTrees, toFeatureMatrix, type BoostedTreesModel, type BoostOptions } from './boosted-trees';
import type { EstimatedMetric } from './types';

/** A fitted DLE estimator; plain JSON. */
export interface DleModel {
  kind: 'dle';
  /** Feature columns the caller passes (the prediction is appended as column `width`). */
  width: number;
  /** Predicts |y − ŷ| (target units). */
  absoluteError: BoostedTreesModel;
  /** Predicts (y − ŷ)² (target units squared). */
  squaredError: BoostedTreesModel;
  chunkSize: number;
  /** Reference rows the loss models were fitted on (finite prediction and target). */
  referenceRows: number;
  /** Realized MAE and RMSE over reference chunks: mean ± 3 std (lower edge ≥ 0). */
  bands: { mae: ReferenceBand; rmse: ReferenceBand };
}

/** Features as rows, or a flat row-major array (number[] or Float32Array) of `width` columns. */
export type DleFeatures = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/** Options of `fitDle`. */
export interface FitDleInput {
  features: DleFeatures;
  width: number;
  /** The monitored model's prediction per reference row. */
  predictions: ArrayLike<number>;
  /** The true target per reference row. */
  targets: ArrayLike<number>;
  /** Rows per reference chunk for the bands. */
  chunkSize: number;
  /** Booster settings for both loss models (defaults: 100 trees, depth 3, rate 0.1, 32 bins). */
  boost?: BoostOptions;
}

/** MAE and RMSE of one window (target units); null when the window has no scored row. */
export interface RegressionMetrics {
  mae: number | null;
  rmse: number | null;
  /** Rows counted (the estimate's `rows` may be overridden by the `n` option). */
  rows: number;
}

/**
 * Realized MAE = mean |y − ŷ| and RMSE = √mean (y − ŷ)² over rows where both are finite.
 *
 * @returns nulls (and rows 0) when no row has both
 */
export function realizedRegression(targets: ArrayLike<number>, predictions: ArrayLike<number>): RegressionMetrics {
  let abs = 0;
  let sq = 0;
  let rows = 0;
  for (let i = 0; i < Math.min(targets.length, predictions.length); i++) {
    const e = targets[i]! - predictions[i]!;
    if (!Number.isFinite(e)) continue;
    abs += Math.abs(e);
    sq += e * e;
    rows++;
  }
  return rows > 0 ? { mae: abs / rows, rmse: Math.sqrt(sq / rows), rows } : { mae: null, rmse: null, rows: 0 };
}

/**
 * Appends the prediction as the last column, keeping only rows where `keep(i)` holds (a loss
 * model must see the prediction: the error depends on where the model predicts).
 */
function withPrediction(features: DleFeatures, width: number, predictions: ArrayLike<number>, keep: (i: number) => boolean) {
  const matrix = toFeatureMatrix(features, width);
  if (matrix.rows !== predictions.length) {
    throw new RangeError(`features have ${matrix.rows} rows but predictions ${predictions.length}`);
  }
  const kept: number[] = [];
  for (let i = 0; i < matrix.rows; i++) if (keep(i)) kept.push(i);
  const out = new Float64Array(kept.length * (width + 1));
  kept.forEach((i, r) => {
    for (let j = 0; j < width; j++) out[r * (width + 1) + j] = matrix.data[i * width + j]!;
    out[r * (width + 1) + width] = predictions[i]!;
  });
  return { matrix: { data: out, width: width + 1, rows: kept.length }, kept };
}

/**
 * Fits DLE on a labelled reference: two boosted-tree models predicting |y − ŷ| and (y − ŷ)² from
 * [features…, ŷ], and the bands = mean ± 3 std of the REALIZED MAE and RMSE over consecutive
 * reference chunks of `chunkSize` rows (see `referenceBand`). Rows with a non-finite prediction
 * or target are left out; missing feature values are allowed (the trees route them left).
 *
 * @throws RangeError when lengths differ, width or chunkSize is not a positive integer, or no
 *   reference row has a finite prediction and target
 */
export function fitDle(input: FitDleInput): DleModel {
  const { features, width, predictions, targets, chunkSize, boost } = input;
  if (targets.length !== predictions.length) {
    throw new RangeError(`targets (${targets.length}) and predictions (${predictions.length}) differ in length`);
  }
  const { matrix, kept } = withPrediction(features, width, predictions, (i) => Number.isFinite(targets[i]! - predictions[i]!));
  if (kept.length === 0) throw new RangeError('DLE needs reference rows with a finite prediction and target');
  const absolute = kept.map((i) => Math.abs(targets[i]! - predictions[i]!));
  const squared = absolute.map((e) => e * e);
  const chunks = chunkRanges(targets.length, chunkSize).map(({ start, end }) =>
    realizedRegression(Array.prototype.slice.call(targets, start, end) as number[], Array.prototype.slice.call(predictions, start, end) as number[]),
  );
  return {
    kind: 'dle',
    width,
    absoluteError: fitBoostedTrees(matrix, absolute, boost),
    squaredError: fitBoostedTrees(matrix, squared, boost),
    chunkSize,
    referenceRows: kept.length,
    bands: {
      mae: referenceBand(chunks.map((m) => m.mae), chunkSize, LOSS_RANGE),
      rmse: referenceBand(chunks.map((m) => m.rmse), chunkSize, LOSS_RANGE),
    },
  };
}

/**
 * Estimates a window's MAE and RMSE without targets: predicted losses are clipped at 0 (a loss
 * cannot be negative, but a booster's sum can dip below), then
 * MAE = mean(max(0, predicted |error|)), RMSE = √mean(max(0, predicted error²)).
 * Rows with a non-finite prediction are not scored; an empty window gives nulls, never NaN.
 *
 * @param options.n rows the window stands for when these are a sample of it (sets `rows`)
 * @throws RangeError when width differs from the model's or the rows and predictions disagree
 */
export function estimateDle(
  model: DleModel,
  features: DleFeatures,
  width: number,
  predictions: ArrayLike<number>,
  options: { n?: number } = {},
): RegressionMetrics {
  if (width !== model.width) throw new RangeError(`width ${width} differs from the model's ${model.width}`);
  const { matrix } = withPrediction(features, width, predictions, (i) => Number.isFinite(predictions[i]));
  const rows = options.n ?? matrix.rows;
  if (matrix.rows === 0) return { mae: null, rmse: null, rows };
  const absolute = predictBoostedTrees(model.absoluteError, matrix);
  const squared = predictBoostedTrees(model.squaredError, matrix);
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < matrix.rows; i++) {
    abs += Math.max(0, absolute[i]!);
    sq += Math.max(0, squared[i]!);
  }
  return { mae: abs / matrix.rows, rmse: Math.sqrt(sq / matrix.rows), rows };
}

/**
 * The per-window rows the UI shows: `EstimatedMetric` for mae and rmse with the reference band,
 * the sampling error at the window's rows (std over reference chunks × √(chunkSize / rows); null
 * when the value is null) and the realized value (null when not given).
 */
export function dleEstimatedMetrics(
  model: DleModel,
  estimate: RegressionMetrics,
  realized: Partial<Pick<RegressionMetrics, 'mae' | 'rmse'>> | null = null,
): EstimatedMetric[] {
  const row = (metric: 'mae' | 'rmse', band: ReferenceBand, value: number | null): EstimatedMetric => ({
    metric,
    value,
    samplingError: value === null ? null : samplingError(band, estimate.rows),
    lower: band.lower,
    upper: band.upper,
    realized: realized?.[metric] ?? null,
    rows: estimate.rows,
  });
  return [row('mae', model.bands.mae, estimate.mae), row('rmse', model.bands.rmse, estimate.rmse)];
}

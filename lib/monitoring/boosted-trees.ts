/**
 * A small gradient-boosted regression-tree model (squared loss), in the spirit of LightGBM's
 * histogram algorithm that NannyML's DLE uses: features are bucketed once into ≤ 32 quantile bins,
 * so each split search is a scan over bin histograms instead of a sort. Deterministic (no
 * sampling, ties go to the first feature and bin). The fitted model is plain JSON with raw-value
 * thresholds, so prediction needs no binning.
 */

/** Row-major numeric matrix: row i, column j is data[i * width + j]. */
export interface FeatureMatrix {
  data: ArrayLike<number>;
  width: number;
  rows: number;
}

/**
 * One tree as parallel arrays (node 0 is the root). A leaf has feature −1 and its `value`
 * (already scaled by the learning rate). A split sends a row left when its value is not finite
 * (missing), or when threshold is a number and value ≤ threshold; threshold null means the split
 * is "missing vs. present".
 */
export interface RegressionTree {
  feature: number[];
  threshold: Array<number | null>;
  left: number[];
  right: number[];
  value: number[];
}

/** A fitted booster: prediction = base + Σ tree leaf values. Plain JSON. */
export interface BoostedTreesModel {
  kind: 'gbrt';
  width: number;
  base: number;
  learningRate: number;
  trees: RegressionTree[];
}

/** Hyper-parameters; the defaults fit 5,000 × 12 in well under a second. */
export interface BoostOptions {
  /** Boosting rounds (default 100). */
  trees?: number;
  /** Depth of each tree (default 3: at most 8 leaves). */
  maxDepth?: number;
  /** Shrinkage applied to each tree's leaf values (default 0.1). */
  learningRate?: number;
  /** Quantile bins per feature for present values, at most 255 (default 32). */
  bins?: number;
  /** Fewest training rows in a leaf (default 20, LightGBM's min_data_in_leaf). */
  minLeaf?: number;
}

/**
 * Wraps rows (number[][]) or a flat row-major array + width as a FeatureMatrix (no copy for the
 * flat form).
 *
 * @throws RangeError when width is not a positive integer, a flat array's length is not a multiple
 *   of width, or a row's length differs from width
 */
export function toFeatureMatrix(features: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, width: number): FeatureMatrix {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be a positive integer, got ${width}`);
  const first = features.length > 0 ? features[0] : undefined;
  if (first !== undefined && typeof first !== 'number') {
    const rows = features as ReadonlyArray<ArrayLike<number>>;
    const data = new Float64Array(rows.length * width);
    rows.forEach((row, i) => {
      if (row.length !== width) throw new RangeError(`row ${i} has ${row.length} values, expected ${width}`);
      for (let j = 0; j < width; j++) data[i * width + j] = row[j]!;
    });
    return { data, width, rows: rows.length };
  }
  const flat = features as ArrayLike<number>;
  if (flat.length % width !== 0) throw new RangeError(`flat features (${flat.length}) are not a multiple of width ${width}`);
  return { data: flat, width, rows: flat.length / width };
}

/** Bin edges per feature: value v (finite) falls in bin 1 + #{edges < v}; bin 0 is missing. */
function quantileEdges(matrix: FeatureMatrix, column: number, bins: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < matrix.rows; i++) {
    const v = matrix.data[i * matrix.width + column]!;
    if (Number.isFinite(v)) values.push(v);
  }
  const sorted = Float64Array.from(values).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    let idx = Math.floor((k * sorted.length) / bins);
    // Cut just above the quantile value so that ties stay in one bin, at the midpoint to the next distinct value.
    while (idx + 1 < sorted.length && sorted[idx + 1] === sorted[idx]) idx++;
    if (idx + 1 >= sorted.length) break;
    const edge = (sorted[idx]! + sorted[idx + 1]!) / 2;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}

function binOf(edges: readonly number[], v: number): number {
  if (!Number.isFinite(v)) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return 1 + lo;
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
}

/** Residual sums and row counts per (feature, bin) of one node, and their totals. */
interface Histogram {
  sums: Float64Array;
  counts: Uint32Array;
  total: number;
  count: number;
}

/**
 * Fits a booster with squared loss: base = mean target, then each tree fits the residuals with
 * greedy histogram splits maximising the variance reduction S_L²/n_L + S_R²/n_R − S²/n, and its
 * leaves add learningRate × mean residual. Stops early when a tree finds no split (the residual
 * mean is then 0, so further trees would add nothing).
 *
 * @param targets one finite value per row
 * @throws RangeError when targets' length differs from the rows or a target is not finite
 */
export function fitBoostedTrees(matrix: FeatureMatrix, targets: ArrayLike<number>, options: BoostOptions = {}): BoostedTreesModel {
  const { trees = 100, maxDepth = 3, learningRate = 0.1, minLeaf = 20 } = options;
  const bins = Math.min(255, Math.max(2, Math.floor(options.bins ?? 32)));
  const { rows: n, width } = matrix;
  if (targets.length !== n) throw new RangeError(`targets (${targets.length}) and rows (${n}) differ`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(targets[i])) throw new RangeError(`target ${i} is not finite`);
    sum += targets[i]!;
  }
  const base = n > 0 ? sum / n : 0;
  const model: BoostedTreesModel = { kind: 'gbrt', width, base, learningRate, trees: [] };
  if (n === 0) return model;

  const edges = Array.from({ length: width }, (_, j) => quantileEdges(matrix, j, bins));
  const stride = bins + 1;
  const binned = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width; j++) binned[i * width + j] = binOf(edges[j]!, matrix.data[i * width + j]!);
  }
  const residual = Float64Array.from({ length: n }, (_, i) => targets[i]! - base);
  // Rows of each node are a contiguous range of `order`, partitioned in place at every split.
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  const cells = width * stride;

  const histogram = (from: number, to: number): Histogram => {
    const sums = new Float64Array(cells);
    const counts = new Uint32Array(cells);
    let total = 0;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      const r = residual[i]!;
      total += r;
      const rowOffset = i * width;
      for (let j = 0, cellBase = 0; j < width; j++, cellBase += stride) {
        const cell = cellBase + binned[rowOffset + j]!;
        sums[cell]! += r;
        counts[cell]! += 1;
      }
    }
    return { sums, counts, total, count: to - from };
  };

  // A sibling's histogram is the parent's minus the other child's: only the smaller child is scanned.
  const subtract = (parent: Histogram, child: Histogram): Histogram => {
    const sums = new Float64Array(cells);
    const counts = new Uint32Array(cells);
    for (let c = 0; c < cells; c++) {
      sums[c] = parent.sums[c]! - child.sums[c]!;
      counts[c] = parent.counts[c]! - child.counts[c]!;
    }
    return { sums, counts, total: parent.total - child.total, count: parent.count - child.count };
  };

  const bestSplit = ({ sums, counts, total, count }: Histogram): Split | null => {
    const parent = (total * total) / count;
    let best: Split | null = null;
    for (let j = 0; j < width; j++) {
      let sumLeft = 0;
      let countLeft = 0;
      for (let b = 0; b < stride - 1; b++) {
        sumLeft += sums[j * stride + b]!;
        countLeft += counts[j * stride + b]!;
        const countRight = count - countLeft;
        if (countLeft < minLeaf) continue;
        if (countRight < minLeaf) break;
        const sumRight = total - sumLeft;
        const gain = (sumLeft * sumLeft) / countLeft + (sumRight * sumRight) / countRight - parent;
        // A relative floor so that float noise in a pure node is not taken for a split.
        if (gain > 1e-12 * (1 + Math.abs(parent)) && (best === null || gain > best.gain)) best = { feature: j, bin: b, gain };
      }
    }
    return best;
  };

  for (let t = 0; t < trees; t++) {
    const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (from: number, to: number, depth: number, known: Histogram | null): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(null);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      const canSplit = depth < maxDepth && to - from >= 2 * minLeaf;
      const hist = canSplit ? (known ?? histogram(from, to)) : null;
      const split = hist === null ? null : bestSplit(hist);
      if (hist === null || split === null) {
        let s = 0;
        for (let k = from; k < to; k++) s += residual[order[k]!]!;
        const value = to > from ? (learningRate * s) / (to - from) : 0;
        tree.value[node] = value;
        for (let k = from; k < to; k++) residual[order[k]!]! -= value;
        return node;
      }
      let mid = from;
      for (let k = from; k < to; k++) {
        const i = order[k]!;
        if (binned[i * width + split.feature]! <= split.bin) {
          order[k] = order[mid]!;
          order[mid] = i;
          mid++;
        }
      }
      let leftHist: Histogram | null = null;
      let rightHist: Histogram | null = null;
      if (depth + 1 < maxDepth) {
        if (mid - from <= to - mid) {
          leftHist = histogram(from, mid);
          rightHist = subtract(hist, leftHist);
        } else {
          rightHist = histogram(mid, to);
          leftHist = subtract(hist, rightHist);
        }
      }
      tree.feature[node] = split.feature;
      tree.threshold[node] = split.bin === 0 ? null : edges[split.feature]![split.bin - 1]!;
      tree.left[node] = grow(from, mid, depth + 1, leftHist);
      tree.right[node] = grow(mid, to, depth + 1, rightHist);
      return node;
    };
    grow(0, n, 0, null);
    if (tree.feature.length === 1) break;
    model.trees.push(tree);
  }
  return model;
}

/** The model's prediction for row `row` of `matrix` (a row with missing values follows the missing branch). */
export function predictRow(model: BoostedTreesModel, matrix: FeatureMatrix, row: number): number {
  const offset = row * matrix.width;
  let out = model.base;
  for (const tree of model.trees) {
    let node = 0;
    while (tree.feature[node]! >= 0) {
      const v = matrix.data[offset + tree.feature[node]!]!;
      const threshold = tree.threshold[node] ?? null;
      const left = !Number.isFinite(v) || (threshold !== null && v <= threshold);
      node = left ? tree.left[node]! : tree.right[node]!;
    }
    out += tree.value[node]!;
  }
  return out;
}

/**
 * Predictions for every row of `matrix`.
 *
 * @throws RangeError when the matrix width differs from the model's
 */
export function predictBoostedTrees(model: BoostedTreesModel, matrix: FeatureMatrix): Float64Array {
  if (matrix.width !== model.width) throw new RangeError(`matrix width ${matrix.width} differs from the model's ${model.width}`);
  return Float64Array.from({ length: matrix.rows }, (_, i) => predictRow(model, matrix, i));
}

// The workbench check of "Packaging a model": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotModel, SnapshotModelVersion, WorkbenchSnapshot } from '@/lib/course/types';
import { formatMetric } from '../runs';
import { CHAMPION, judgeOf } from '../05-model-registry/checks';

/** The champion version of a model, when the alias points at a version the model has. */
function championOf(m: SnapshotModel): SnapshotModelVersion | undefined {
  const n = m.aliases[CHAMPION];
  return n === undefined ? undefined : m.versions.find((v) => v.version === n);
}

/** The champion's judging metric and its baseline's (`baseline_val_rmse`, `baseline_val_accuracy`), when both were recorded. */
function againstBaseline(v: SnapshotModelVersion): { metric: string; value: number; baseline: number; beats: boolean } | null {
  const j = judgeOf(v);
  const value = v.metrics[j.metric];
  const baseline = v.metrics[`baseline_${j.metric}`];
  if (value === undefined || baseline === undefined || !Number.isFinite(value) || !Number.isFinite(baseline)) return null;
  return { metric: j.metric, value, baseline, beats: j.lowerIsBetter ? value < baseline : value > baseline };
}

/**
 * Champion to package: passes once a registered model's `@champion` points at one of its
 * versions that is not archived and, when the version recorded its validation metric and the
 * baseline's, beats that baseline: the version a package would be built from. Pure: reads only
 * `snapshot.models`.
 */
export function checkChampionToPackage(snapshot: WorkbenchSnapshot): CheckResult {
  const champions = snapshot.models.flatMap((m) => {
    const v = championOf(m);
    return v ? [{ model: m, version: v, baseline: againstBaseline(v) }] : [];
  });
  const ready = champions.find((c) => !c.version.archived && (c.baseline === null || c.baseline.beats));
  if (ready) {
    const { model, version, baseline } = ready;
    const score = baseline ? ` Its ${baseline.metric} is ${formatMetric(baseline.value)}, against ${formatMetric(baseline.baseline)} for the baseline, and the model card will say so.` : '';
    const hash = version.datasetHash ? ` (content hash ${version.datasetHash.slice(0, 12)})` : '';
    return {
      passed: true,
      feedback: `@champion of “${model.name}” is v${version.version}, trained on ${version.datasetId || 'its dataset'}${hash} to predict ${version.target || 'its target'}.${score} That is the version to package: on the model’s page, Download package gives you its weights, its preprocessing, the model card, the serving app and the Dockerfile in one zip.`,
    };
  }
  if (snapshot.models.length === 0) {
    return { passed: false, feedback: 'You have no registered model yet, so there is nothing to package. Register a finished run from its run page and set @champion on the version.' };
  }
  const losing = champions.find((c) => c.baseline && !c.baseline.beats);
  if (losing) {
    const b = losing.baseline!;
    return {
      passed: false,
      feedback: `@champion of “${losing.model.name}” is v${losing.version.version}, but it does not beat its own baseline: ${b.metric} ${formatMetric(b.value)} against ${formatMetric(b.baseline)}. A model that loses to always predicting the average (or the majority class) is not worth packaging. Promote a version that beats the baseline first.`,
    };
  }
  const archived = champions.find((c) => c.version.archived);
  if (archived) {
    return { passed: false, feedback: `@champion of “${archived.model.name}” points at v${archived.version.version}, which is archived. Move @champion to a version that may serve.` };
  }
  const withVersions = snapshot.models.find((m) => m.versions.length > 0);
  return {
    passed: false,
    feedback: withVersions
      ? `“${withVersions.name}” has versions, but none holds @champion. Set @champion on the version you would ship; that is the one a package is built from.`
      : 'Your registered models have no versions yet. Register a finished run as a version, then set @champion on it.',
  };
}

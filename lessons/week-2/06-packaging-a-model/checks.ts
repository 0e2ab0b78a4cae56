// The workbench check of "Packaging a model": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotModel, SnapshotModelVersion, WorkbenchSnapshot } from '@/lib/course/types';
import { worthShipping } from '@/lib/course/headline';
import { CHAMPION } from '../05-model-registry/checks';

/** The champion version of a model, when the alias points at a version the model has. */
function championOf(m: SnapshotModel): SnapshotModelVersion | undefined {
  const n = m.aliases[CHAMPION];
  return n === undefined ? undefined : m.versions.find((v) => v.version === n);
}

/**
 * Champion to package: passes once a registered model's `@champion` points at one of its
 * versions that is not archived and is worth shipping (`worthShipping`: it beats its baseline on
 * the headline metric by the stated margin on validation AND on test): the version a package
 * would be built from. Pure: reads only `snapshot.models`.
 */
export function checkChampionToPackage(snapshot: WorkbenchSnapshot): CheckResult {
  const champions = snapshot.models.flatMap((m) => {
    const v = championOf(m);
    return v ? [{ model: m, version: v, worth: worthShipping(v.metrics, v.task || undefined) }] : [];
  });
  const ready = champions.find((c) => !c.version.archived && c.worth.worthy);
  if (ready) {
    const { model, version, worth } = ready;
    const score = ` ${worth.reason} The model card opens with that verdict.`;
    const hash = version.datasetHash ? ` (content hash ${version.datasetHash.slice(0, 12)})` : '';
    return {
      passed: true,
      feedback: `@champion of “${model.name}” is v${version.version}, trained on ${version.datasetId || 'its dataset'}${hash} to predict ${version.target || 'its target'}.${score} That is the version to package: on the model’s page, Download package gives you its weights, its preprocessing, the model card, the serving app and the Dockerfile in one zip.`,
    };
  }
  if (snapshot.models.length === 0) {
    return { passed: false, feedback: 'You have no registered model yet, so there is nothing to package. Register a finished run from its run page and set @champion on the version.', notGradable: true };
  }
  const losing = champions.find((c) => !c.version.archived && !c.worth.worthy);
  if (losing) {
    return {
      passed: false,
      feedback: `@champion of “${losing.model.name}” is v${losing.version.version}, but it is not worth packaging yet: ${losing.worth.reason} A model must beat its baseline by the margin on validation and on the held-out test split; one that barely matches always predicting the average (or a constant score) is not worth serving. Promote a version that does, or improve the model (the history features and a lower learning rate help on flights).`,
    };
  }
  const archived = champions.find((c) => c.version.archived);
  if (archived) {
    return { passed: false, feedback: `@champion of “${archived.model.name}” points at v${archived.version.version}, which is archived. Move @champion to a version that may serve.` };
  }
  const withVersions = snapshot.models.find((m) => m.versions.length > 0);
  return {
    passed: false,
    // Versions without @champion are a step missed; models without any version hold nothing to judge.
    ...(withVersions ? {} : { notGradable: true as const }),
    feedback: withVersions
      ? `“${withVersions.name}” has versions, but none holds @champion. Set @champion on the version you would ship; that is the one a package is built from.`
      : 'Your registered models have no versions yet. Register a finished run as a version, then set @champion on it.',
  };
}

import { describe, expect, it } from 'vitest';
import { covariateTruth, datasetDriftRule, findTheDriftedFeature, replay, rule, shift, snapshotWith } from '../test-snapshots';

// Reachability: a replay started with "Hide what changes" is stored with `options.hidden`, which the
// snapshot gives as `hidden: true`; its `truth.feature` is the input the generator moved. The rule
// form's "One column drifted (1 or 0)" stores metric `feature-drift` with the chosen `column`.
const hiddenShift = (feature = 'origin_delay', input = {}) => shift('h1', 1000, feature, 1, 7, { hidden: true, ...input });
const check = (parts: Parameters<typeof snapshotWith>[0]) => findTheDriftedFeature.check(snapshotWith(parts));

describe('find-the-drifted-feature check', () => {
  it('passes with a rule on the input the hidden shift moved, and only then names it', () => {
    const result = check({ replays: [hiddenShift()], alertRules: [datasetDriftRule(), rule('mine', { name: 'airport delays', column: 'origin_delay' })] });
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('Your rule “airport delays” on “flights-delay-api” watches “origin_delay”');
    expect(result.feedback).toContain('hidden “Covariate shift, sudden” replay moved: by 1 standard deviation, from day 7 (window 8) on');
  });

  it('passes whatever the rule’s threshold and K, as long as it is on and on the same endpoint', () => {
    expect(check({ replays: [hiddenShift()], alertRules: [rule('mine', { column: 'origin_delay', forWindows: 3, severity: 'critical' })] }).passed).toBe(true);
    const elsewhere = check({ replays: [hiddenShift()], alertRules: [rule('mine', { column: 'origin_delay', endpoint: 'other-api' })] });
    expect(elsewhere.passed).toBe(false);
    expect(elsewhere.feedback).toContain('No rule on “flights-delay-api” watches a single column yet');
  });

  it('passes on an earlier hidden shift that was found, even when a later one was not', () => {
    const later = shift('h2', 5000, 'distance', 15, 7, { hidden: true });
    expect(check({ replays: [hiddenShift(), later], alertRules: [rule('mine', { column: 'origin_delay' })] }).passed).toBe(true);
  });

  it('fails on a rule on the wrong column, naming the columns watched but not the one that moved', () => {
    const result = check({ replays: [hiddenShift()], alertRules: [rule('a', { column: 'origin' }), rule('b', { column: 'recent_delay' })] });
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('Your rules watch “origin”, “recent_delay” on “flights-delay-api”, and none of them is the input the hidden shift moved');
    expect(result.feedback).not.toContain('origin_delay');
    const one = check({ replays: [hiddenShift()], alertRules: [rule('a', { column: 'hour' })] });
    expect(one.feedback).toContain('Your rule watches “hour” on “flights-delay-api”, and that is not the input');
  });

  it('fails when the rule on the right column is turned off', () => {
    const result = check({ replays: [hiddenShift()], alertRules: [rule('a', { column: 'origin_delay', enabled: false })] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('watches the right column, but it is turned off');
  });

  it('fails with no column rule yet, saying how to add one', () => {
    const result = check({ replays: [hiddenShift()], alertRules: [datasetDriftRule()] });
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('No rule on “flights-delay-api” watches a single column yet');
    expect(result.feedback).toContain('“One column drifted (1 or 0)”');
  });

  it('is not gradable while the hidden shift runs', () => {
    const result = check({ replays: [hiddenShift('origin_delay', { status: 'RUNNING', requestsDone: 2500 })], alertRules: [rule('a', { column: 'origin_delay' })] });
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('is still running (2,500 of 7,000 requests)');
  });

  it('fails for a hidden shift that did not finish, quoting why', () => {
    const result = check({ replays: [hiddenShift('origin_delay', { status: 'INTERRUPTED', requestsDone: 1200, message: 'The tab closed.' })], alertRules: [rule('a', { column: 'origin_delay' })] });
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('did not finish: it is INTERRUPTED after 1,200 requests. The tab closed.');
  });

  it('is not gradable for a hidden shift stored without its truth', () => {
    const result = check({ replays: [hiddenShift('origin_delay', { truth: undefined })], alertRules: [rule('a', { column: 'origin_delay' })] });
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('stored before the workbench kept what a scenario changes');
  });

  it('fails for a hidden replay of another kind of drift', () => {
    const prior = replay('p', 1000, { scenario: 'prior-sudden', hidden: true, truth: { ...covariateTruth('x'), drift: 'prior', feature: null, className: 'true' } });
    const result = check({ replays: [prior] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('was a prior shift, which does not move one input for you to find');
  });

  it('is not gradable for a covariate shift that showed its input', () => {
    const result = check({ replays: [shift('s', 1000, 'distance')], alertRules: [rule('a', { column: 'distance' })] });
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('showed which input it moves');
    expect(result.feedback).toContain('“Hide what changes”');
  });

  it('is not gradable with only a control, or with nothing at all', () => {
    const control = check({ replays: [replay('c', 1000)] });
    expect(control).toMatchObject({ passed: false, notGradable: true });
    expect(control.feedback).toContain('None of your replays hid what it changes');
    expect(check({}).feedback).toContain('No production traffic has run yet');
  });
});

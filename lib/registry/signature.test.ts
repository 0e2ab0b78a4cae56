import { describe, expect, it } from 'vitest';
import { describeSignature, signatureMismatch, signatureOf } from './signature';

const prep = (over: Record<string, unknown> = {}) => ({ task: 'regression', target: 'delay', classNames: [], encoders: [{ kind: 'numeric', column: 'distance' }, { kind: 'onehot', column: 'origin' }], ...over });

describe('model signatures', () => {
  it('reads task, target, typed inputs in order and classes from preprocessing.json', () => {
    const s = signatureOf(prep({ task: 'classification', target: 'delayed', classNames: ['0', '1'] }))!;
    expect(s).toEqual({ task: 'classification', target: 'delayed', inputs: [{ name: 'distance', type: 'number' }, { name: 'origin', type: 'category' }], classes: ['0', '1'] });
    expect(describeSignature(s)).toBe('classification of “delayed” into 0 / 1 from distance (number), origin (category)');
    expect(signatureOf(prep({ task: 'ranking' }))).toBeNull();
    expect(signatureOf(undefined)).toBeNull();
  });

  it('refuses another task, target, inputs (by name, type or order) or classes, and accepts the same', () => {
    const reg = signatureOf(prep())!;
    expect(signatureMismatch(reg, reg, 'm')).toBeNull();
    expect(signatureMismatch(reg, signatureOf(prep({ task: 'classification', target: 'delayed', classNames: ['0', '1'] }))!, 'm')).toContain('its versions are a regression (target “delay”), this run is a classification (target “delayed”)');
    expect(signatureMismatch(reg, signatureOf(prep({ target: 'distance' }))!, 'm')).toContain('its versions predict “delay”, this run predicts “distance”');
    expect(signatureMismatch(reg, signatureOf(prep({ encoders: [{ kind: 'numeric', column: 'distance' }, { kind: 'onehot', column: 'origin' }, { kind: 'numeric', column: 'hour' }] }))!, 'm')).toContain('this run adds hour');
    expect(signatureMismatch(reg, signatureOf(prep({ encoders: [{ kind: 'onehot', column: 'origin' }, { kind: 'numeric', column: 'distance' }] }))!, 'm')).toContain('orders or types them differently');
    const clf = signatureOf(prep({ task: 'classification', classNames: ['a', 'b'] }))!;
    expect(signatureMismatch(clf, { ...clf, classes: ['a', 'c'] }, 'm')).toContain("this run's are a, c");
  });

  it('compares only task and target with a version or run from before signatures', () => {
    const reg = signatureOf(prep())!;
    expect(signatureMismatch({ task: 'regression', target: 'delay' }, reg, 'm')).toBeNull();
    expect(signatureMismatch(reg, { task: 'classification', target: 'delayed' }, 'm')).toContain('this run is a classification');
  });
});

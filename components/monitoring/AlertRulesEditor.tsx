'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { formatDateTime } from '@/components/ui/format-time';
import { isSilenced, validateRule } from '@/lib/monitoring/alerts';
import type { AlertMetric, AlertRule } from '@/lib/monitoring/types';
import { describeServingError } from '@/lib/serving/errors';
import { deleteAlertRule, saveAlertRule, silenceAlertRule } from '@/lib/serving/monitor-actions';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time/clock';

const METRIC_OPTIONS: ReadonlyArray<readonly [AlertMetric, string]> = [
  ['dataset-drift-share', 'Dataset drift share (drifted columns ÷ columns)'],
  ['drifted-columns', 'Drifted columns (count)'],
  ['feature-drift', 'One column drifted (1 or 0)'],
  ['estimated-performance-outside-band', 'Estimated performance outside its band (1 or 0)'],
  ['missing-share', 'Missing share of input values'],
  ['error-rate', 'Error rate (rows the model could not answer)'],
  ['reject-rate', 'Reject rate (rows and requests refused by validation)'],
];
const COMPARATORS = [['>=', '≥'], ['>', '>'], ['<=', '≤'], ['<', '<']] as const;
const SEVERITIES = [['warning', 'warning'], ['critical', 'critical'], ['info', 'info']] as const;
const DAY_MS = 86_400_000;

function ruleText(rule: AlertRule): string {
  const metric = METRIC_OPTIONS.find(([m]) => m === rule.metric)?.[1] ?? rule.metric;
  const comparator = COMPARATORS.find(([c]) => c === rule.comparator)?.[1] ?? rule.comparator;
  return `${metric}${rule.column ? ` of “${rule.column}”` : ''} ${comparator} ${rule.threshold} for ${rule.forWindows} window${rule.forWindows === 1 ? '' : 's'}`;
}

/**
 * The endpoint's alert rules: each is "metric comparator threshold for K consecutive closed
 * windows", pending until it held K windows, then firing. Add one, switch one off, silence its
 * notifications for a day, or delete it.
 */
export function AlertRulesEditor({ endpoint, rules, columns }: { endpoint: string; rules: AlertRule[]; columns: string[] }) {
  const [name, setName] = useState('');
  const [metric, setMetric] = useState<AlertMetric>('feature-drift');
  const [column, setColumn] = useState(columns[0] ?? '');
  const [comparator, setComparator] = useState<string>('>=');
  const [threshold, setThreshold] = useState('1');
  const [forWindows, setForWindows] = useState('1');
  const [severity, setSeverity] = useState<string>('warning');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const db = getDatabase();
  const act = async (fn: () => Promise<void>, ok: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage({ kind: 'ok', text: ok });
    } catch (e) {
      setMessage({ kind: 'error', text: describeServingError(e) });
    }
  };
  const add = () => {
    const checked = validateRule({ id: crypto.randomUUID(), endpoint, name, metric, column: metric === 'feature-drift' ? column || columns[0] : null, comparator, threshold, forWindows, severity });
    if ('error' in checked) {
      setMessage({ kind: 'error', text: checked.error });
      return;
    }
    void act(() => saveAlertRule(db, checked.rule), `Rule “${checked.rule.name}” added: it judges every window that closes from now on.`);
  };
  const now = systemClock.now();
  return (
    <section className="card" aria-labelledby="rules-heading">
      <h3 id="rules-heading">Alert rules</h3>
      <ul className="rule-list" data-testid="alert-rules">
        {rules.map((rule) => (
          <li key={rule.id} data-rule={rule.name} data-enabled={rule.enabled}>
            <strong>{rule.name}</strong> <span className="muted">({rule.severity}{rule.builtIn ? ', default' : ''})</span>: {ruleText(rule)}.
            {isSilenced(rule, now) && <span className="muted"> Silenced until {formatDateTime(rule.silencedUntil!)}.</span>}{' '}
            <button type="button" onClick={() => void act(() => saveAlertRule(db, { ...rule, enabled: !rule.enabled }), rule.enabled ? `“${rule.name}” is off: its open alert resolves at the next window.` : `“${rule.name}” is on again.`)}>
              {rule.enabled ? 'Turn off' : 'Turn on'}
            </button>{' '}
            <button type="button" onClick={() => void act(() => silenceAlertRule(db, rule.id, isSilenced(rule, now) ? null : now + DAY_MS), isSilenced(rule, now) ? 'Silence lifted.' : `“${rule.name}” is silenced for a day: it still fires, without the badge.`)}>
              {isSilenced(rule, now) ? 'Lift silence' : 'Silence for a day'}
            </button>{' '}
            {!rule.builtIn && (
              <button type="button" onClick={() => void act(() => deleteAlertRule(db, rule.id), `Rule “${rule.name}” deleted.`)}>
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      <fieldset className="rule-form">
        <legend>Add a rule</legend>
        <TextField id="rule-name" label="Name" value={name} onChange={setName} />
        <SelectField id="rule-metric" label="Metric" value={metric} options={METRIC_OPTIONS} onChange={setMetric} />
        {metric === 'feature-drift' && <SelectField id="rule-column" label="Column" value={column || columns[0] || ''} options={columns.map((c) => [c, c] as const)} onChange={setColumn} />}
        <SelectField id="rule-comparator" label="Comparison" value={comparator} options={COMPARATORS} onChange={setComparator} />
        <TextField id="rule-threshold" label="Threshold" value={threshold} onChange={setThreshold} inputMode="decimal" />
        <TextField id="rule-for" label="For consecutive windows" value={forWindows} onChange={setForWindows} inputMode="numeric" />
        <SelectField id="rule-severity" label="Severity" value={severity} options={SEVERITIES} onChange={setSeverity} />
        <button type="button" onClick={add}>
          Add rule
        </button>
      </fieldset>
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

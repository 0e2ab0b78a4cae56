import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { aliasTimeline } from '@/lib/registry/aliases';
import type { AliasEvent } from '@/lib/registry/types';
import { formatWhen } from './links';

const when = (at: number) => <time dateTime={new Date(at).toISOString()}>{formatWhen(at)}</time>;

/** Every alias move of a model, newest first, then who held each alias when (from the same events). */
export function AliasHistoryTable({ events }: { events: readonly AliasEvent[] }) {
  const holdings = aliasTimeline(events).reverse();
  return (
    <section className="card" aria-labelledby="alias-history-heading" data-testid="alias-history">
      <h2 id="alias-history-heading">Alias history</h2>
      {events.length === 0 ? (
        <p>No alias has been set yet. Set @champion on the version you would serve.</p>
      ) : (
        <>
          <ScrollRegion label="Alias history">
            <table className="alias-history-table">
              <caption className="visually-hidden">Alias changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Alias</th>
                  <th scope="col">Version</th>
                  <th scope="col">Previous version</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">@{e.alias}</th>
                    <td>{e.version === null ? 'removed' : `v${e.version}`}</td>
                    <td>{e.previousVersion === null ? '—' : `v${e.previousVersion}`}</td>
                    <td>{when(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{e.reason || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <h3>Who held each alias</h3>
          <ScrollRegion label="Alias holders over time">
            <table className="alias-holders-table" data-testid="alias-holders">
              <caption className="visually-hidden">Each version that held an alias, and from when to when, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Alias</th>
                  <th scope="col">Version</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                </tr>
              </thead>
              <tbody>
                {holdings.map((h) => (
                  <tr key={`${h.alias}-${h.from}`}>
                    <th scope="row">@{h.alias}</th>
                    <td>v{h.version}</td>
                    <td>{when(h.from)}</td>
                    <td>{h.to === null ? 'now' : when(h.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

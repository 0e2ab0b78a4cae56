import type { BundleCounts } from '@/lib/tracking/bundle/format';
import { BUNDLED_TABLES, travelOf } from '@/lib/tracking/tables';

/** Each bundled table's count key and label, in the registry's order. */
const KINDS: Array<[keyof BundleCounts, string]> = BUNDLED_TABLES.map((t) => [travelOf(t).count, travelOf(t).label]);

/** What an import will do, kind by kind: new records, records merged with local ones, records already here. */
export function CountsTable({ added, updated, skipped }: { added: BundleCounts; updated: BundleCounts; skipped: BundleCounts }) {
  const rows = KINDS.filter(([k]) => added[k] + updated[k] + skipped[k] > 0);
  if (rows.length === 0) return null;
  return (
    <table className="bundle-counts">
      <caption className="visually-hidden">Records in the bundle, by kind</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">New</th>
          <th scope="col">Merged</th>
          <th scope="col">Already here</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td>{added[k]}</td>
            <td>{updated[k]}</td>
            <td>{skipped[k]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

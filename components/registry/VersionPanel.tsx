'use client';

import { useState } from 'react';
import { aliasesOfVersion } from '@/lib/registry/aliases';
import { describeRegistryError } from '@/lib/registry/errors';
import { archiveVersion, removeAlias, restoreVersion } from '@/lib/registry/registry';
import type { ModelVersion, RegisteredModel } from '@/lib/registry/types';
import { getDatabase } from '@/lib/tracking/db';
import { AliasForm } from './AliasForm';
import { ChampionComparison } from './ChampionComparison';
import { DownloadPackageButton } from './DownloadPackageButton';
import { LineageView } from './LineageView';
import { VersionMessage, type PanelMessage } from './VersionMessage';
import { systemClock } from '@/lib/time';

/** One version: its aliases and what can be done with it (alias, archive, package), how it fares against the champion, and its lineage. */
export function VersionPanel({ model, version, champion }: { model: RegisteredModel; version: ModelVersion; champion: ModelVersion | undefined }) {
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const { name } = model;
  const n = version.version;
  const aliases = aliasesOfVersion(model.aliases, n);
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (error) {
      setMessage({ kind: 'error', text: describeRegistryError(error) });
    } finally {
      setBusy(false);
    }
  };
  const archive = () =>
    act(async () => {
      const { changed, removedAliases } = await archiveVersion(getDatabase(), name, n, systemClock.now());
      if (!changed) return `v${n} was already archived.`;
      return removedAliases.length === 0 ? `Archived v${n}.` : `Archived v${n}; it no longer holds ${removedAliases.map((a) => `@${a}`).join(', ')}.`;
    });
  const restore = () => act(async () => ((await restoreVersion(getDatabase(), name, n, systemClock.now())) ? `Restored v${n}. It holds no alias until you set one.` : `v${n} was not archived.`));
  const unset = (alias: string) =>
    act(async () => ((await removeAlias(getDatabase(), name, alias, systemClock.now())).changed ? `Removed @${alias} from v${n}.` : `@${alias} was already gone.`));
  return (
    <section className="card version-panel" id="version-panel" aria-labelledby="version-heading" data-testid="version-panel" data-version={n}>
      <h2 id="version-heading">
        {name} v{n} {version.archived && <span className="badge archived">archived</span>}
      </h2>
      {version.description && <p className="version-description">{version.description}</p>}
      {Object.keys(version.tags).length > 0 && (
        <p className="tag-line">
          {Object.entries(version.tags).map(([k, v]) => (
            <span key={k} className="badge tag">
              {v ? `${k}=${v}` : k}
            </span>
          ))}
        </p>
      )}
      <div className="held-aliases">
        {aliases.length === 0 ? (
          <p>v{n} holds no alias.</p>
        ) : (
          <ul className="alias-list" aria-label={`Aliases of v${n}`}>
            {aliases.map((alias) => (
              <li key={alias}>
                <span className={`badge alias alias-${alias === 'champion' || alias === 'challenger' ? alias : 'other'}`}>@{alias}</span>{' '}
                <button type="button" className="button secondary small" disabled={busy} onClick={() => void unset(alias)}>
                  Remove @{alias}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {version.archived ? (
        <p className="field-hint">An archived version cannot take an alias. Restore it first.</p>
      ) : (
        <AliasForm name={name} version={n} onDone={setMessage} />
      )}
      <div className="button-row version-actions">
        {version.archived ? (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void restore()} data-testid="restore-button">
            Restore v{n}
          </button>
        ) : (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void archive()} data-testid="archive-button">
            Archive v{n}
          </button>
        )}
        <DownloadPackageButton name={name} version={n} />
      </div>
      <VersionMessage message={message} />
      <ChampionComparison version={version} champion={champion} />
      <LineageView name={name} version={n} />
    </section>
  );
}

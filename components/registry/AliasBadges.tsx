/** Aliases as `@champion` badges; given the alias → version map, as `@champion v3` (the models list). */
export function AliasBadges({ aliases, versions }: { aliases: readonly string[]; versions?: Readonly<Record<string, number>> }) {
  if (aliases.length === 0) return null;
  return (
    <span className="alias-badges">
      {aliases.map((alias) => (
        <span key={alias} className={`badge alias alias-${alias === 'champion' || alias === 'challenger' ? alias : 'other'}`} data-alias={alias}>
          @{alias}
          {versions && Object.hasOwn(versions, alias) ? ` v${versions[alias]}` : ''}
        </span>
      ))}
    </span>
  );
}

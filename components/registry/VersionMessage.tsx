/** The outcome of an action on a version, shown next to the actions. */
export type PanelMessage = { kind: 'ok' | 'error'; text: string };

/** A message for the actions above it: announced politely when they worked, as an alert when they did not. */
export function VersionMessage({ message }: { message: PanelMessage | null }) {
  return (
    <>
      <div aria-live="polite" data-testid="registry-message">
        {message?.kind === 'ok' && <p className="notice ok">{message.text}</p>}
      </div>
      {message?.kind === 'error' && (
        <p className="notice error" role="alert" data-testid="registry-error">
          {message.text}
        </p>
      )}
    </>
  );
}

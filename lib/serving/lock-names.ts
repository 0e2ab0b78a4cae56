/** The Web Lock a replay of `endpoint` holds while it runs: a page tells a live replay from an interrupted one by it. */
export function replayLockName(endpoint: string): string {
  return `mlops-workbench:replay:${endpoint}`;
}

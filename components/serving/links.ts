/** Where an endpoint's page is; with `tab`, that part of it is open. */
export function endpointHref(name: string, tab?: string): string {
  return `/workbench/endpoint?name=${encodeURIComponent(name)}${tab ? `&tab=${encodeURIComponent(tab)}` : ''}`;
}

// The registry's records are stored rows: declared in lib/tracking (which must not import the registry).
export type { AliasEvent, ModelVersion, RegisteredModel } from '../tracking/registry-types';

export declare const RUNTIME_SOURCES: Record<string, string>;
export declare const GENERATED_FILE: string;
export declare function emitModule(source: string, path: string): string;
export declare function generatePackageRuntime(root?: string): string;

export { createRpcClient, RpcError, type CallOptions, type RpcClient, type RpcClientOptions, type RpcFailure, type RpcJob } from './client';
export { createInPageWorker } from './in-page';
export { transferablesOf, type RpcCall, type RpcMethod, type RpcMethods, type RpcReply, type RpcServerPort, type RpcWorkerLike } from './protocol';
export { RpcCancelled, serveRpc, type RpcContext, type RpcHandlers } from './server';

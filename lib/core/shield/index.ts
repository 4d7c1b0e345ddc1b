export { compileProfile, type CompileOptions } from './compile';
export { decide, BOOST_THRESHOLD } from './decide';
export { quoteEvidence } from './evidence';
export { rerank, type RerankOptions } from './rerank';
export { reasonKeys } from './exceptions';
export { foldAuthor } from './text';
export type { CompiledProfile, PolicyStage, PolicyVerdict } from './types';

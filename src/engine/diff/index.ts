/** Comparative analyses over the solver: the law diff and its set questions. */
export { diffLaws, equivalentOn, forbidsAllThat, type DiffResult, type Divergence, type Reason, type SetAnswer, type TopicEquivalence, type AlignedTopic } from './diff.ts';
export { givenFrom, witnessScenario, type GivenFacts, type Witness, type WitnessFact } from './query.ts';
export { Budget, BudgetExceeded } from './witness.ts';
export { changeLine, diffMarkdown, diffTable, notForbidden, repairTable, witnessLine } from './report.ts';
export { repairFlow, type FactChange, type FlowRepair, type Repair, type RepairTarget } from './repair.ts';
export { miniSat, type BackendFactory, type SatBackend } from './solver.ts';

/** The engine's public surface: pure functions over a loaded corpus. */
export * from './types.ts';
export { evaluateScenario, jurisdictionCodes, EngineInputError, type CellResult, type EvaluationResult } from './evaluate.ts';
export { compileCorpus, inForceOn, type CompiledCorpus, type CompiledProvision } from './compiled.ts';
export { runExample, provisionOutcome, FIRING, liftingExceptions } from './examples.ts';
export { renderCondition, renderLeaf, conditionLines, type RenderedNode } from './render.ts';
export type { Explanation, ConditionPart } from './explain.ts';
export type { ProvisionRef, ObligationRef } from './attribution.ts';
export type { Outcome, OutcomeCondition } from './outcomes.ts';
export { flattenFacts, isOpenSet, toAssignment, flowFacts } from './facts.ts';
export { readOnRecord, type RecordReading, type RecordVerdict, type Presumption, type MissingElement } from './record.ts';
export { settlingQuestions, type Question, type QuestionAnswer, type CellMove } from './questions.ts';
export { cellInputs, type CellInput } from './evaluate.ts';
export { checklistOf, type ChecklistItem, type ChecklistDefence, type ChecklistFact, type Standing } from './checklist.ts';

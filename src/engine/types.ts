/**
 * The domain model shared by the corpus loader, the engine and every surface.
 * Shapes mirror the data files in rules/ and scenarios/ (see rules/schemas/).
 */

export type FactType = 'boolean' | 'enum' | 'set' | 'number' | 'date';

export interface ValueDef {
  value: string;
  label: string;
  dpv?: string;
}

export interface FactDef {
  key: string;
  group: string;
  type: FactType;
  /** 'jurisdiction' facts belong to a legal order and are stated per jurisdiction. */
  scope: 'flow' | 'jurisdiction';
  /** A fact the controller cannot change (the data's kind, the subjects): repairs leave it as it is. */
  fixed?: boolean;
  label: string;
  /** For sets: the verb joining label and member ("include"). */
  labelVerb?: string;
  question: string;
  help?: string;
  dpv?: string;
  min?: number;
  values?: ValueDef[];
}

export interface GroupDef {
  id: string;
  label: string;
  help?: string;
}

export interface Vocabulary {
  groups: GroupDef[];
  facts: FactDef[];
  byKey: Map<string, FactDef>;
}

/** JSON-logic as stored in rule files. */
export type Logic = unknown;

/** A remedy (private right of action, fine, penalty) does not decide a verdict: it says what follows a breach. */
export type ProvisionKind = 'scope' | 'prohibition' | 'exception' | 'obligation' | 'remedy';

export interface InForce {
  from: string;
  /** Last day in force (inclusive); absent while in force. */
  to?: string;
}

export interface Example {
  name: string;
  facts: Record<string, unknown>;
  asOf?: string;
  expect: ProvisionOutcome;
}

export type ProvisionOutcome =
  | 'in-scope' | 'out-of-scope'
  | 'forbids' | 'lifted' | 'not-engaged'
  | 'lifts' | 'does-not-lift'
  | 'met' | 'breached'
  | 'available' | 'unavailable'
  | 'unknown';

/** What every provision has, whatever its kind. */
interface ProvisionBase {
  id: string;
  instrument: string;
  jurisdiction: string;
  citation: string;
  citationLocal?: string;
  title: string;
  titleLocal?: string;
  summary: string;
  source: string;
  eli?: string;
  inForce: InForce;
  topics: string[];
  when: Logic;
  /**
   * Overrides the default on-record reading of this provision's condition when its facts are
   * unknown (see record.ts), where the law itself presumes otherwise; `basis` names that law.
   */
  presumption?: { reading: 'holds' | 'not-established'; basis: string };
  interpretation?: string;
  unsure?: string;
  examples: Example[];
  /** File and JSON pointer it was loaded from, for messages. */
  origin: { file: string; pointer: string };
  // The fields of the other kinds, absent here, so that any provision can be asked for them.
  scope?: undefined;
  aspect?: undefined;
  met?: undefined;
  lifts?: undefined;
  limits?: undefined;
  sanctions?: undefined;
}

/** Forbids a flow when `when` holds (and no exception lifts it). */
export interface Prohibition extends ProvisionBase {
  kind: 'prohibition';
}

/** A duty engaged when `when` holds; breached when it is engaged and `met` does not hold. */
export interface Obligation extends Omit<ProvisionBase, 'met'> {
  kind: 'obligation';
  met: Logic;
}

/** Lifts the prohibitions or duties it names when `when` holds. */
export interface Exception extends Omit<ProvisionBase, 'lifts'> {
  kind: 'exception';
  lifts: string[];
}

/** Decides whether its instrument (or the one it `limits`) applies to a flow. */
export interface ScopeRule extends Omit<ProvisionBase, 'scope' | 'aspect' | 'limits'> {
  kind: 'scope';
  /** 'requires' (the instrument applies only if `when` holds) or 'excludes' (not if it holds). */
  scope: 'requires' | 'excludes';
  aspect?: 'material' | 'personal' | 'territorial';
  /**
   * The id of another instrument whose application this rule narrows, for a jurisdiction
   * that displaces an instrument it inherits (Québec's exemption from PIPEDA).
   */
  limits?: string;
}

/** What follows a breach; decides no verdict. */
export interface Remedy extends Omit<ProvisionBase, 'sanctions'> {
  kind: 'remedy';
  /** The prohibitions and obligations whose breach it sanctions (absent: any of its instrument's). */
  sanctions?: string[];
}

/** A provision, by kind: each kind carries the fields only it has. */
export type Provision = Prohibition | Obligation | Exception | ScopeRule | Remedy;

export interface Instrument {
  id: string;
  jurisdiction: string;
  title: string;
  titleLocal?: string;
  citation: string;
  source: string;
  eli?: string;
  versions: { label: string; from: string; to?: string; source?: string }[];
  /** Why its rule file cannot list provisions in pinpoint order (the lint then leaves the order alone). */
  unordered?: string;
  file: string;
}

export interface Jurisdiction {
  code: string;
  name: string;
  inherits: string[];
  instruments: string[];
  /** Location values that put a flow inside this jurisdiction (for actual-territory reading). */
  note?: string;
}

export interface Topic {
  id: string;
  label: string;
}

export interface Corpus {
  vocabulary: Vocabulary;
  topics: Topic[];
  jurisdictions: Map<string, Jurisdiction>;
  instruments: Map<string, Instrument>;
  /** All provision versions, in file order. */
  provisions: Provision[];
}

export interface Party {
  id: string;
  name: string;
  sector?: string;
  kind?: string;
  country?: string;
}

export interface Source {
  title: string;
  url: string;
}

export type Facts = Record<string, unknown>;

/**
 * A set fact stated in part: these members are in, these are out, the rest unknown
 * (`others` may only say so explicitly). A plain array states the whole set.
 */
export interface OpenSet {
  includes?: string[];
  excludes?: string[];
  others?: 'unknown';
}

/** Where facts come from: found by the decision-maker, or only alleged. Keyed by fact key; "*" for every other stated fact. */
export type Provenance = Record<string, 'found' | 'alleged'>;

/** What a decision-maker decided about one flow under one jurisdiction. */
export interface Decision {
  /** The decision-maker and the decision's name or number. */
  by: string;
  source: string;
  /** When the decision was given. */
  date: string;
  jurisdiction: string;
  flow: string;
  /** The date whose law the decision applied. */
  asOf: string;
  outcome: 'forbidden' | 'allowed';
  /** Ids of the provisions the decision found breached. */
  breached: string[];
  note?: string;
}

export interface Flow {
  id: string;
  label: string;
  sender?: string;
  recipient?: string;
  facts: Facts;
  jurisdictionFacts?: Record<string, Facts>;
  provenance?: Provenance;
  note?: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  date?: string;
  place?: string;
  sources: Source[];
  parties: Party[];
  facts: Facts;
  jurisdictionFacts?: Record<string, Facts>;
  provenance?: Provenance;
  flows: Flow[];
  decisions?: Decision[];
}

/**
 * The open verdict of one flow under one jurisdiction on one date. For complete facts it is
 * what `referenceVerdict` (reference.ts, the specification) says: 'forbidden', 'allowed' or
 * 'not-covered'. With unknown facts it is exact over their completions: the one verdict they
 * all give, or 'conditional' when two completions give different verdicts. 'not-covered'
 * (no encoded instrument applies) is never a kind of 'allowed'. The on-record reading is a
 * second verdict beside it (record.ts, `RecordVerdict`).
 */
export type Verdict = 'forbidden' | 'conditional' | 'allowed' | 'not-covered';
export type Mode = 'transplant' | 'actual';

export interface EvaluateOptions {
  asOf: string;
  jurisdictions?: string[];
  mode?: Mode;
  /**
   * How much of each cell to work out (default 'outcomes'): 'verdict' only the open verdict
   * (the fastest path); 'findings' both readings with their deciding provisions, obligations,
   * remedies and the facts each depends on (what a matrix shows); 'outcomes' also the checklist
   * and which values of the unknown facts lead to which verdict; 'explained' also the
   * explanation tree.
   */
  detail?: 'verdict' | 'findings' | 'outcomes' | 'explained';
  /** Ids of defences (exceptions, exemptions, scope exclusions) the on-record reading takes as shown. */
  establish?: string[];
}

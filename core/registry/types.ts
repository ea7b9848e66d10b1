/** The model registry (`data/models.yaml`) as the loader returns it. */

/**
 * What a model is. Events (papers, launches that are not a model) use `paper` / `event`;
 * `family` is set by the loader on `type: family` entries and never written by hand.
 */
export const MODEL_KINDS = [
  'base',
  'code',
  'instruction-tuned',
  'rlhf',
  'chat',
  'reasoning',
  'multimodal',
  'encoder',
  'encoder-decoder',
  'embedding',
  'paper',
  'event',
  'family',
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** How a model grew from its parent: the training stage on the lineage edge. */
export const LINEAGE_STAGES = [
  '预训练',
  '继续预训练',
  '代码训练',
  '监督指令微调',
  'RLHF',
  '强化学习',
  '对话微调',
  '多模态训练',
  '规模扩展',
  '迭代升级',
  '论文成果',
] as const;
export type LineageStage = (typeof LINEAGE_STAGES)[number];

/** `family`: a series of models (GPT, Llama …) that member models name with `family: <id>`. */
export const ENTRY_TYPES = ['model', 'event', 'family'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Where a model is in its life: still served, announced for shutdown, or gone. */
export const MODEL_STATUSES = ['active', 'deprecated', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** The date fields of an entry; `estimated` may name any of them. */
export const DATE_FIELDS = ['released', 'announced', 'paper', 'deprecated', 'shutdown'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as written. */
export interface ReleaseDate {
  /** As written in the registry, shown as is. */
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First and last day the text can mean, as `YYYY-MM-DD`, for ordering and checks. */
  earliest: string;
  latest: string;
  /** Set when the source gives no exact date and this one is an estimate (`estimated:` in the registry). */
  estimated?: true;
}

export interface Parent {
  id: string;
  via: LineageStage;
}

/** A 1-based line/column position in the registry file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Shutdown plan or history of a model, from the maker's deprecation page. */
export interface Lifecycle {
  status: Exclude<ModelStatus, 'active'>;
  /** When the maker announced the deprecation. */
  deprecated?: ReleaseDate;
  /** When the API stopped (or will stop) serving it. */
  shutdown?: ReleaseDate;
  /** Registry id of the model the maker tells users to move to. */
  replacement?: string;
  /** The deprecation page or changelog that gives these dates. */
  sources: string[];
}

export interface ModelEntry {
  id: string;
  type: EntryType;
  name: string;
  aliases: string[];
  org: string;
  /**
   * First public availability (API, product or weights). For a family, the
   * earliest release among its members (its place on the timeline).
   */
  released: ReleaseDate;
  /** When the maker first announced it, if earlier than `released`. */
  announced?: ReleaseDate;
  /** When its paper or technical report appeared. */
  paper?: ReleaseDate;
  kind: ModelKind;
  params?: string;
  /** Weights lineage: the entries this one was trained from. */
  parents: Parent[];
  /** Product succession: the entries this one replaces as the maker's offering (not trained from). */
  supersedes: string[];
  /** Id of the `type: family` entry this model belongs to. */
  family?: string;
  /** For a family: ids of its members, in release order. Empty for other entries. */
  members: string[];
  /** `active` unless the registry says otherwise. */
  status: ModelStatus;
  /** Present when `status` is `deprecated` or `retired`. */
  lifecycle?: Lifecycle;
  summary: string;
  sources: string[];
  /** Where the entry starts in the registry file (for messages). */
  position: SourcePosition;
}

export interface Registry {
  /** Absolute path of the file the registry was read from. */
  file: string;
  /** Entries in file order. */
  entries: ModelEntry[];
  byId: Map<string, ModelEntry>;
}

/** The model registry (`data/models.yaml`) as the loader returns it. */

/** What a model is. Events (papers, launches that are not a model) use `paper` / `event`. */
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
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** How a model grew from its parent: the training stage on the lineage edge. */
export const LINEAGE_STAGES = [
  '预训练',
  '继续预训练',
  '代码训练',
  '监督指令微调',
  'RLHF',
  '对话微调',
  '多模态训练',
  '规模扩展',
  '迭代升级',
  '论文成果',
] as const;
export type LineageStage = (typeof LINEAGE_STAGES)[number];

export type EntryType = 'model' | 'event';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as written. */
export interface ReleaseDate {
  /** As written in the registry, shown as is. */
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First and last day the text can mean, as `YYYY-MM-DD`, for ordering and checks. */
  earliest: string;
  latest: string;
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

export interface ModelEntry {
  id: string;
  type: EntryType;
  name: string;
  aliases: string[];
  org: string;
  released: ReleaseDate;
  kind: ModelKind;
  params?: string;
  parents: Parent[];
  summary: string;
  sources: string[];
  /** Where the entry starts in the registry file (for messages). */
  position: SourcePosition;
  // Optional until the registry loader fills them (registry issue): product succession,
  // family membership and lifecycle. The site shows them when present.
  supersedes?: string[];
  family?: string;
  status?: LifecycleStatus;
  shutdown?: ReleaseDate;
  replacement?: string;
}

export type LifecycleStatus = 'active' | 'deprecated' | 'retired';

export interface Registry {
  /** Absolute path of the file the registry was read from. */
  file: string;
  /** Entries in file order. */
  entries: ModelEntry[];
  byId: Map<string, ModelEntry>;
}

import type {ModelKind, ModelStatus} from './types';

/** Chinese labels for the registry's `kind` values, everywhere the site shows them (the timeline, link tooltips, hover cards). */
export const KIND_LABELS: Record<ModelKind, string> = {
  base: '基座模型',
  code: '代码模型',
  'instruction-tuned': '指令微调模型',
  rlhf: 'RLHF 模型',
  chat: '对话模型',
  reasoning: '推理模型',
  multimodal: '多模态模型',
  encoder: '编码器模型',
  'encoder-decoder': '编码器-解码器模型',
  embedding: '嵌入模型',
  paper: '论文',
  event: '事件',
  family: '模型系列',
};

/** Chinese labels for a model's `status`, as the page's badges and filter show them. */
export const STATUS_LABELS: Record<ModelStatus, string> = {
  active: '在用',
  deprecated: '已停用',
  retired: '已下线',
};

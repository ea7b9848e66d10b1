import type {ModelKind} from '../../core/registry/types';

/** How each kind reads on the site and in link tooltips. */
export const KIND_LABELS: Record<ModelKind, string> = {
  base: '基础模型',
  code: '代码模型',
  'instruction-tuned': '指令微调',
  rlhf: 'RLHF',
  chat: '对话模型',
  reasoning: '推理模型',
  multimodal: '多模态',
  encoder: '编码器',
  'encoder-decoder': '编码器-解码器',
  embedding: '嵌入模型',
  paper: '论文',
  event: '事件',
  family: '模型系列',
};

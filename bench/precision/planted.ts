/**
 * Planted mistakes for the recall table of `bench/precision.md`: one sentence of
 * ours per class the lint must find (issue 20), with the exact message expected.
 */
export interface Planted {
  id: string;
  rule: string;
  text: string;
  message: string;
}

export const PLANTED: Planted[] = [
  {id: '产品名大小写', rule: 'terminology', text: '代码托管在Github的仓库里。', message: '术语不一致：`Github` 应写作 `GitHub`'},
  {id: '中文术语变体', rule: 'terminology', text: '大型语言模型会逐字生成回答。', message: '术语不一致：`大型语言模型` 应写作 `大语言模型`'},
  {id: '多义词（建议）', rule: 'terminology', text: '大模型可以充当代理，替用户调用工具。', message: '术语可能不一致：`代理` 另有别的含义；指本术语时应写作 `智能体`'},
  {id: '引号后的半角逗号', rule: 'cjk-spacing', text: '这叫做 "对齐",目标很难。', message: '中文句子中应使用全角标点：`",目` 应写作 `"，目`'},
  {id: '强调后的半角冒号', rule: 'cjk-spacing', text: '**残差连接**:让梯度直达底层。', message: '中文句子中应使用全角标点：`:让` 应写作 `：让`'},
  {id: '公式后的半角逗号', rule: 'cjk-spacing', text: '向量 $q$,再与键相乘。', message: '中文句子中应使用全角标点：`,再` 应写作 `，再`'},
  {id: '英文前的半角冒号', rule: 'cjk-spacing', text: '答案: GPU 不够。', message: '中文句子中应使用全角标点：`案: G` 应写作 `案：G`'},
  {id: '混用的括号', rule: 'cjk-spacing', text: '多查询注意力(MQA）省显存。', message: '中文句子中应使用全角标点：`力(M` 应写作 `力（M`'},
  {id: '括号与空格', rule: 'cjk-spacing', text: '先看 (只读层) 再说。', message: '中文句子中应使用全角标点：`层) 再` 应写作 `层）再`'},
  {id: '缺少空格', rule: 'cjk-spacing', text: '2023年发布了GPT-4模型。', message: '中英文之间缺少空格：`2023年` 应写作 `2023 年`'},
  {id: '裸露的网址', rule: 'reference-links', text: '下载地址：https://example.com/download 。', message: '正文里有裸露的网址：`https://example.com/download` 应写作 `[说明文字](https://example.com/download)`；要原样输入的地址请放进行内代码'},
  {id: '模型名大小写', rule: 'model-names', text: '后来 chatgpt 流行起来。', message: '模型名称写法不对：`chatgpt` 应写作 `ChatGPT`'},
];

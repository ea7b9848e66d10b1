import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatProblem} from '../problems';
import {indentUnit, normalizeTabs, parseSummary} from '../summary';
import {available, suiteName} from '../../../test-support/corpus';
import {BOOK, CORPUS, fixture, outline} from './helpers';

const read = (book: string) => fs.readFileSync(path.join(fixture(book), 'SUMMARY.md'), 'utf8');
const GUIDE = ['• 首页 README.md', '• 简介 intro.md', '• 指南 guide/README.md', '  • 安装 guide/setup.md', '  • 使用 guide/usage.md'];

describe('parseSummary', () => {
  it('reads a space-indented SUMMARY.md into a chapter with children', () => {
    expect(outline(parseSummary(read('spaces')).entries)).toEqual(GUIDE);
  });

  it('reads a tab-indented SUMMARY.md into the same tree', () => {
    expect(outline(parseSummary(read('tabs')).entries)).toEqual(GUIDE);
  });

  it('reads a leading tab in a 2-space file as one level, where CommonMark’s tab stop would nest it under the item above', () => {
    expect(indentUnit(read('mixed'))).toBe(2);
    expect(outline(parseSummary(read('mixed')).entries)).toEqual([
      '• 首页 README.md',
      '▸ 第一部分',
      '  • 简介 intro.md',
      '  • 指南 guide/README.md',
      '    • 安装 guide/setup.md',
      '  • 使用 guide/usage.md',
    ]);
  });

  it('keeps a 4-space file with one tab line as CommonMark reads it (the corpus shape)', () => {
    const text = '* 部分\n    * [甲](a.md)\n\t* [乙](b.md)\n    * [丙](c.md)\n';
    expect(normalizeTabs(text)).toBe('* 部分\n    * [甲](a.md)\n    * [乙](b.md)\n    * [丙](c.md)\n');
    expect(outline(parseSummary(text).entries)).toEqual(['▸ 部分', '  • 甲 a.md', '  • 乙 b.md', '  • 丙 c.md']);
  });

  it('turns `##` headings into parts that hold the lists after them', () => {
    expect(outline(parseSummary(read('headings')).entries)).toEqual([
      '• 首页 README.md',
      '▸ 入门',
      '  • 简介 intro.md',
      '▸ 进阶',
      '  • 指南 guide/README.md',
      '    • 安装 guide/setup.md',
      '  • 使用 guide/usage.md',
    ]);
  });

  it('turns unlinked items into parts, across lists split by blank lines and bullet characters', () => {
    const summary = parseSummary(read('bare-parts'));
    expect(outline(summary.entries)).toEqual([
      '• 首页 README.md',
      '▸ 入门',
      '  • 简介 intro.md',
      '▸ 指南',
      '  • 安装 guide/setup.md',
      '  • 使用 guide/usage.md',
    ]);
    expect(summary.problems.map((p) => formatProblem(p))).toEqual(['SUMMARY.md:10:1: 警告：条目 `空部分` 既没有链接也没有子条目，已跳过']);
  });

  it('keeps external links in place as external entries', () => {
    expect(outline(parseSummary(read('external')).entries)).toEqual([
      '• 首页 README.md',
      '↗ 项目主页 https://example.com/home',
      '▸ 入门',
      '  • 简介 intro.md',
      '  ↗ API 文档 https://example.com/api',
    ]);
  });

  it('refuses a chapter outside the book folder with its line', () => {
    const summary = parseSummary(read('err-outside'));
    expect(summary.problems.map((p) => formatProblem(p))).toEqual([
      'SUMMARY.md:4:1: 错误：章节 `../spaces/intro.md` 在书的目录之外，已拒绝（章节应是书目录内的相对路径，如 `./01-llm/01-1.md`）',
    ]);
  });

  it.skipIf(!available(BOOK))(suiteName('reads the real book: 13 top-level entries, the tab-indented item a sibling, the `-` list a part', BOOK), () => {
    const text = fs.readFileSync(path.join(CORPUS, 'SUMMARY.md'), 'utf8');
    const summary = parseSummary(text);
    expect(summary.problems).toEqual([]);
    expect(summary.entries.map((e) => e.title)).toEqual([
      '前言',
      '关注《莫尔索随笔》',
      '大语言模型概述',
      'LangChain入门',
      'LlamaIndex 概述',
      'HuggingGPT 实现',
      'LLMOps 专题',
      'Agent 专题',
      'RAG专题',
      'LLM 应用评估与测试',
      '国内模型厂商API解读',
      '基于大型语言模型的生成式AI',
      '参考资料',
    ]);
    expect(outline(summary.entries.slice(3, 4))).toEqual([
      '▸ LangChain入门',
      '  • LangChain介绍 02-langchain/02-1.md',
      '  • LangChain模块学习 02-langchain/02-2.md',
      '  • LangChain之Chains模块 02-langchain/02-2-1.md',
      '  • LangChain之Agents模块 02-langchain/02-2-2.md',
      '  • LangChain之Callback模块 02-langchain/02-2-3.md',
      '  • Embedding嵌入 02-langchain/02-3.md',
      '  • 动手实现文档问答机器人 02-langchain/02-4.md',
    ]);
  });
});

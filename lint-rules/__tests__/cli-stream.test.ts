import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {reporter} from 'vfile-reporter';
import {annotation, command, formatGithub, GithubAnnotations, PER_SEVERITY, rankMessages, type GithubOptions} from '../engine/reporters/github';
import {formatJson, JSON_FORMAT_VERSION, JsonStream} from '../engine/reporters/json';
import {ChunkWriter, shownPath} from '../engine/reporters/stream';
import {cellWidth, formatStylish, reporterStringWidth, StylishStream} from '../engine/reporters/stylish';
import {countSeverities, toVFile, type FileResult, type LintMessage, type Severity} from '../engine/result';

function message(line: number, severity: Severity, text: string, ruleId = 'terminology'): LintMessage {
  return {ruleId, source: 'llmbook', severity, message: text, line, column: 3, endLine: line, endColumn: 9, startOffset: line * 10, endOffset: line * 10 + 6};
}

const results: FileResult[] = [
  {path: '/repo/docs/b.md', messages: [message(12, 'error', '术语不一致：`Github` 应写作 `GitHub`'), message(3, 'warning', 'two\nlines', 'cjk-spacing')]},
  {path: '/repo/docs/a-b.md', messages: []},
  {path: '/repo/docs/a/c.md', messages: [message(1, 'info', '表情 ✔️ 宽度'), {...message(2, 'error', 'no end'), endLine: null, endColumn: null}], fixed: true},
  {path: '/repo/docs/z.md', messages: [{...message(1, 'warning', 'no place'), line: null, column: null, endLine: null, endColumn: null}]},
];

function collect(run: (writer: ChunkWriter) => void): string {
  const chunks: string[] = [];
  const writer = new ChunkWriter((text) => chunks.push(text));
  run(writer);
  writer.end();
  return chunks.join('');
}

/** The CLI feeds stylish in vfile-reporter's order (shown paths, localeCompare). */
const byShownPath = [...results].sort((a, b) => a.path.localeCompare(b.path));

/**
 * The one-shot formulas each streaming sink must match byte for byte: vfile-reporter
 * itself, one `JSON.stringify` of the whole report, every message ranked then cut.
 */
const reference = {
  stylish(all: readonly FileResult[], options: {cwd: string; color?: boolean}): string {
    const files = all.filter((r) => r.messages.length > 0).map((r) => toVFile(r, shownPath(r.path, options.cwd)));
    if (files.length === 0) return `${all.length} 个文件，没有发现问题`;
    return reporter(files, {quiet: true, color: options.color ?? false});
  },
  json(all: readonly FileResult[], cwd: string): string {
    const files = all.map((r) => ({path: shownPath(r.path, cwd), fixed: r.fixed === true, messages: r.messages}));
    return JSON.stringify({version: JSON_FORMAT_VERSION, files, counts: {...countSeverities(all), files: all.length}}, null, 2);
  },
  github(all: readonly FileResult[], options: GithubOptions & {token: string}): string {
    const out = options.rawReport ? [`::stop-commands::${options.token}`, options.rawReport, `::${options.token}::`] : [];
    const shown: Record<Severity, number> = {error: 0, warning: 0, info: 0};
    let hidden = 0;
    for (const located of rankMessages(all, options.root, options.changed)) {
      const severity = located.message.severity;
      if (shown[severity] < (severity === 'info' ? PER_SEVERITY - 1 : PER_SEVERITY)) {
        shown[severity]++;
        out.push(annotation(located));
      } else hidden++;
    }
    if (hidden > 0) out.push(command('notice', {title: 'llmbook lint'}, `另有 ${hidden} 条消息未作为注释显示（GitHub 每步每种级别最多显示 ${PER_SEVERITY} 条）；完整列表见本次运行的 Summary 或本地运行 \`npm run lint\``));
    return out.join('\n');
  },
};

describe('streaming reporters give the same bytes as the one-shot formulas', () => {
  it('stylish: column widths across all files, multi-line reasons, wide characters, summary', () => {
    const stream = new StylishStream({cwd: '/repo'});
    for (const r of byShownPath) stream.add(r);
    expect(collect((w) => stream.finish(w))).toBe(reference.stylish(results, {cwd: '/repo'}));
    expect(formatStylish(results, {cwd: '/repo'})).toBe(reference.stylish(results, {cwd: '/repo'}));
    const clean = new StylishStream({cwd: '/repo'});
    clean.add({path: '/repo/x.md', messages: []});
    expect(collect((w) => clean.finish(w))).toBe('1 个文件，没有发现问题');
  });

  it('stylish with colour', () => {
    const stream = new StylishStream({cwd: '/repo', color: true});
    for (const r of byShownPath) stream.add(r);
    expect(collect((w) => stream.finish(w))).toBe(reference.stylish(results, {cwd: '/repo', color: true}));
    expect(formatStylish(results, {cwd: '/repo', color: true})).toBe(reference.stylish(results, {cwd: '/repo', color: true}));
  });

  it('json: every file in input order, counts; also with no files', () => {
    expect(
      collect((w) => {
        const json = new JsonStream(w, {cwd: '/repo', total: results.length});
        for (const r of results) json.add(r);
        json.finish();
      }),
    ).toBe(reference.json(results, '/repo'));
    expect(formatJson(results, {cwd: '/repo'})).toBe(reference.json(results, '/repo'));
    expect(collect((w) => new JsonStream(w, {cwd: '/repo', total: 0}).finish())).toBe(reference.json([], '/repo'));
    expect(formatJson([], {cwd: '/repo'})).toBe(reference.json([], '/repo'));
  });

  it('github: keeps only the top annotations per severity, changed lines first, and counts the rest', () => {
    const many: FileResult[] = Array.from({length: 6}, (_, f) => ({
      path: `/repo/docs/f${5 - f}.md`,
      messages: Array.from({length: 7}, (_, i) => message(i + 1, (['error', 'warning', 'info'] as const)[(i + f) % 3], `m${f}-${i}`)),
    }));
    const changed = new Map<string, Set<number> | 'all'>([['/repo/docs/f3.md', new Set([5])], ['/repo/docs/f1.md', 'all']]);
    const options = {root: '/repo', changed, rawReport: 'RAW', token: 't'};
    const annotations = new GithubAnnotations({root: '/repo', changed});
    for (const r of [...many].reverse()) annotations.add(r);
    expect(collect((w) => annotations.finish(w, (raw) => raw.write('RAW'), 't'))).toBe(reference.github(many, options));
    expect(formatGithub(many, options)).toBe(reference.github(many, options));
    expect(formatGithub(many, {...options, rawReport: undefined})).toBe(reference.github(many, {...options, rawReport: undefined}));
  });
});

describe('ChunkWriter', () => {
  it('passes whole lines on in large chunks and the rest at the end', () => {
    const chunks: string[] = [];
    const writer = new ChunkWriter((text) => chunks.push(text));
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 100; i++) writer.write(line);
    writer.write('tail');
    writer.end();
    expect(chunks.join('')).toBe(line.repeat(100) + 'tail');
    expect(chunks.length).toBe(2);
    expect(chunks[0].endsWith('\n')).toBe(true);
  });
});

describe('ChunkWriter, written to as the stylish report writes (a newline before each line)', () => {
  it('cuts each chunk after its last newline, and keeps a line without one until it ends', () => {
    const chunks: string[] = [];
    const writer = new ChunkWriter((text) => chunks.push(text));
    const lines = Array.from({length: 300}, (_, i) => `${i}:1 error 中英文之间缺少空格${' '.repeat(i * 7)}`);
    lines.forEach((line, i) => writer.write(i === 0 ? line : `\n${line}`));
    // One long line written in small pieces: no newline to cut at until the next line.
    for (let i = 0; i < 20000; i++) writer.write('长');
    writer.write('\nend');
    writer.end();
    expect(chunks.join('')).toBe(`${lines.join('\n')}${'长'.repeat(20000)}\nend`);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks.length).toBeGreaterThan(2);
  });
});

describe('cellWidth (the stylish column widths)', () => {
  const pieces = [
    'a', 'Z', ' ', '`', '~', '中', '文', '。', '，', '：', '（', '）', '“', '”', '—', '…', '·', '〽', '〪', '\u3099',
    'ｶ', 'ﾞ', '한', '\u1100', '\u1161', 'é', 'e\u0301', '\u0301', '✔', '✔️', '\uFE0F', '\u200D', '👍', '👍🏽', '👨‍👩‍👧',
    '🇨', '🇳', '\t', '\r\n', '\u007F', '\u0085', '\u001B[31m', '\u001B[39m', '\u001B[1m', 'अ', '\u093F',
  ];
  it('is string-width\'s number (the one vfile-reporter pads with) for any mix of scripts, marks, emoji and colours', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        const text = parts.join('');
        expect(cellWidth(text)).toBe(reporterStringWidth(text));
      }),
      {numRuns: 2000},
    );
  });
});

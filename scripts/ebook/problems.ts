/**
 * What the exporter cannot render, reported as `file:line:col` in the chapter's Markdown.
 * The browser finds the problem on the built page; this module finds where it came from.
 */
import {location} from 'vfile-location';

/** A problem as the page reports it (see `browser/extract.js`). */
export interface PageProblem {
  kind: 'image' | 'element' | 'diagram' | 'content';
  /** The image's src, the element's name, the diagram's first words or the missing selector. */
  detail: string;
}

export class EbookError extends Error {
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.name = 'EbookError';
  }
}

function lastSegment(src: string): string {
  const clean = src.split(/[?#]/)[0] ?? src;
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}

function pathnameOf(src: string): string {
  try {
    return decodeURIComponent(new URL(src).pathname);
  } catch {
    return src; // already a path
  }
}

/** Where in the source the problem most likely starts (offset), or -1. */
function findOffset(problem: PageProblem, source: string): number {
  switch (problem.kind) {
    case 'element': {
      const lower = source.toLowerCase();
      return lower.indexOf(`<${problem.detail.toLowerCase()}`);
    }
    case 'image': {
      for (const needle of [problem.detail, pathnameOf(problem.detail), lastSegment(problem.detail)]) {
        const at = needle ? source.indexOf(needle) : -1;
        if (at >= 0) return at;
      }
      return -1;
    }
    case 'diagram': {
      const fence = source.indexOf('```mermaid');
      return fence;
    }
    default:
      return -1;
  }
}

function describe(problem: PageProblem): string {
  switch (problem.kind) {
    case 'element':
      return `无法导出：未知的组件或 HTML 元素 \`<${problem.detail}>\`；请改用 Markdown 或标准 HTML 元素，或为它提供 MDX 组件`;
    case 'image':
      return `无法导出：图片 \`${problem.detail}\` 无法加载；请确认文件存在（例如放在 static/img/ 下或与章节同目录）并且路径正确`;
    case 'diagram':
      return `无法导出：Mermaid 图没有渲染出来（${problem.detail}…）；请在 npm start 中检查它的语法`;
    case 'content':
      return `无法导出：构建出的页面里找不到正文（\`${problem.detail}\`）；请先重新运行 npm run build`;
  }
}

/** One line per problem: `docs/book/x.md:12:3: 无法导出：…`. */
export function formatProblems(file: string, source: string, problems: readonly PageProblem[]): string[] {
  const place = location(source);
  return problems.map((problem) => {
    const offset = findOffset(problem, source);
    const point = offset >= 0 ? place.toPoint(offset) : undefined;
    return `${file}:${point?.line ?? 1}:${point?.column ?? 1}: ${describe(problem)}`;
  });
}

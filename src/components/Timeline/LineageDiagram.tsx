import type {ReactNode} from 'react';
import type {LayoutNode, LineageEra, LineageLayout} from '@site/plugins/timeline/types';
import styles from './styles.module.css';

interface Props {
  layout: LineageLayout;
  /** Entries the filters hide are drawn faintly. */
  visible: ReadonlySet<string>;
  captionId: string;
}

const ARROW_ID = 'timeline-lineage-arrow';
const SUCCESSION_ARROW_ID = 'timeline-lineage-succession';
const STATUS_TEXT = {active: '', deprecated: '（已弃用）', retired: '（已下线）'} as const;

function nodeClass(n: LayoutNode, visible: ReadonlySet<string>): string {
  return [styles.node, n.ghost && styles.nodeGhost, !visible.has(n.id) && styles.dimmed].filter(Boolean).join(' ');
}

function Node({n, visible}: {n: LayoutNode; visible: ReadonlySet<string>}): ReactNode {
  const status = n.status ? STATUS_TEXT[n.status] : '';
  return (
    <a href={`#${n.id}`} className={nodeClass(n, visible)} data-id={n.id} data-ghost={n.ghost ? 'true' : undefined}>
      <title>{`${n.title}${status}${n.ghost ? '，见更早的年代' : ''}`}</title>
      <rect
        className={[styles.nodeBox, n.type === 'event' && styles.nodeEvent, n.status === 'retired' && styles.nodeRetired].filter(Boolean).join(' ')}
        x={n.x}
        y={n.y}
        width={n.width}
        height={n.height}
        rx={6}
      />
      <text className={styles.nodeName} x={n.x + 8} y={n.y + 18}>
        {n.label}
      </text>
      <text className={styles.nodeDate} x={n.x + 8} y={n.y + 33}>
        {n.date}
      </text>
      {n.stages && (
        <text className={styles.nodeStage} x={n.x + 8} y={n.y + 48}>
          {n.stages}
        </text>
      )}
    </a>
  );
}

function Era({era, visible, captionId}: {era: LineageEra; visible: ReadonlySet<string>; captionId: string}): ReactNode {
  const {width, height, nodes, edges, years} = era;
  const titleId = `lineage_era_${era.label}`;
  return (
    <details className={styles.era} open>
      <summary className={styles.eraSummary} id={titleId}>
        {era.label} 年 · {era.count} 个条目
      </summary>
      <div className={styles.diagramScroll} tabIndex={0} role="region" aria-labelledby={titleId} aria-describedby={captionId}>
        <svg className={styles.diagramSvg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={titleId}>
          <g>
            {years.map((y, i) => (
              <g key={`${y.year}-${y.x}`}>
                {i % 2 === 0 && <rect className={styles.yearBand} x={y.x - 8} y={0} width={y.width + 16} height={height} rx={6} />}
                <text className={styles.yearLabel} x={y.x + y.width / 2} y={22} textAnchor="middle">
                  {y.year}
                </text>
              </g>
            ))}
          </g>
          <g>
            {edges.map((e) => (
              <path
                key={`${e.from}>${e.to}`}
                d={e.path}
                data-kind={e.kind}
                className={[styles.edge, e.kind === 'supersedes' && styles.edgeSuccession, !(visible.has(e.from) && visible.has(e.to)) && styles.dimmed]
                  .filter(Boolean)
                  .join(' ')}
                markerEnd={`url(#${e.kind === 'supersedes' ? SUCCESSION_ARROW_ID : ARROW_ID})`}
              />
            ))}
          </g>
          <g>
            {nodes.map((n) => (
              <Node key={n.id} n={n} visible={visible} />
            ))}
          </g>
        </svg>
      </div>
    </details>
  );
}

/** The lineage as SVGs, one an era, laid out at build time: in the static HTML, no script needed. */
export default function LineageDiagram({layout, visible, captionId}: Props): ReactNode {
  return (
    <figure className={styles.diagram}>
      {/* One marker set for every era's SVG: ids must be unique in the page. */}
      <svg width={0} height={0} className={styles.defs} aria-hidden="true" focusable="false">
        <defs>
          <marker id={ARROW_ID} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className={styles.arrow} />
          </marker>
          <marker id={SUCCESSION_ARROW_ID} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className={styles.arrowSuccession} />
          </marker>
        </defs>
      </svg>
      {layout.eras.map((era) => (
        <Era key={era.label} era={era} visible={visible} captionId={captionId} />
      ))}
      <figcaption id={captionId} className={styles.caption}>
        模型谱系图：按年代分段，每一列是一年。实线箭头从父模型指向由它训练而来的模型，框内“←”后是这一步的训练方式；虚线箭头表示产品上的接替关系（新模型取代旧模型）。“更早”一列是前一段年代中的父模型。点击模型可跳到它的条目；图较宽时可在框内左右滚动。
      </figcaption>
    </figure>
  );
}

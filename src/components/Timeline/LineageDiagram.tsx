import type {ReactNode} from 'react';
import type {LineageLayout} from '@site/plugins/timeline/types';
import styles from './styles.module.css';

interface Props {
  layout: LineageLayout;
  /** Entries the filters hide are drawn faintly. */
  visible: ReadonlySet<string>;
  captionId: string;
}

const ARROW_ID = 'timeline-lineage-arrow';

/** The lineage as an SVG laid out at build time: it is in the static HTML, no script needed. */
export default function LineageDiagram({layout, visible, captionId}: Props): ReactNode {
  const {width, height, nodes, edges, years} = layout;
  return (
    <figure className={styles.diagram}>
      <div className={styles.diagramScroll} tabIndex={0} role="region" aria-labelledby={captionId}>
        <svg
          className={styles.diagramSvg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          aria-labelledby={captionId}>
          <defs>
            <marker id={ARROW_ID} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" className={styles.arrow} />
            </marker>
          </defs>
          <g>
            {years.map((y, i) => (
              <g key={y.year}>
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
                className={visible.has(e.from) && visible.has(e.to) ? styles.edge : `${styles.edge} ${styles.dimmed}`}
                markerEnd={`url(#${ARROW_ID})`}
              />
            ))}
          </g>
          <g>
            {edges.map((e) => (
              <text key={`${e.from}>${e.to}`} className={styles.edgeLabel} x={e.labelX} y={e.labelY} textAnchor="middle" dominantBaseline="central">
                {e.via}
              </text>
            ))}
          </g>
          <g>
            {nodes.map((n) => (
              <a key={n.id} href={`#${n.id}`} className={visible.has(n.id) ? styles.node : `${styles.node} ${styles.dimmed}`} data-id={n.id}>
                <title>{n.title}</title>
                <rect
                  className={n.type === 'event' ? `${styles.nodeBox} ${styles.nodeEvent}` : styles.nodeBox}
                  x={n.x}
                  y={n.y}
                  width={n.width}
                  height={n.height}
                  rx={6}
                />
                <text className={styles.nodeName} x={n.x + 8} y={n.y + 17}>
                  {n.label}
                </text>
                <text className={styles.nodeDate} x={n.x + 8} y={n.y + 32}>
                  {n.date}
                </text>
              </a>
            ))}
          </g>
        </svg>
      </div>
      <figcaption id={captionId} className={styles.caption}>
        模型谱系图：每一列是一年，箭头从父模型指向由它演变而来的模型，箭头上的文字是这一步的训练方式；点击模型可跳到它的条目。
      </figcaption>
    </figure>
  );
}

import {useCallback, useEffect, useMemo, useState, type ReactNode} from 'react';
import type {TimelinePageData} from '@site/plugins/timeline/types';
import type {TimelineComponents} from './components';
import Entry from './Entry';
import {Facet} from './Filters';
import {visibleIds} from './filter';
import LineageDiagram from './LineageDiagram';
import styles from './styles.module.css';

interface Props {
  data: TimelinePageData;
  components: TimelineComponents;
}

/**
 * The whole timeline: intro, lineage diagram, filters and the entries by year. The
 * server render shows every entry; the filters only hide entries in the browser.
 * Heading ids other than model ids contain `_`, which registry ids cannot.
 */
export default function TimelineView({data, components}: Props): ReactNode {
  const {Heading} = components;
  const allOrgs = useMemo(() => new Set(data.orgs.map((o) => o.value)), [data.orgs]);
  const allKinds = useMemo(() => new Set(data.kinds.map((k) => k.value)), [data.kinds]);
  const [orgs, setOrgs] = useState<Set<string>>(allOrgs);
  const [kinds, setKinds] = useState<Set<string>>(allKinds);
  const allStatuses = useMemo(() => new Set(data.statuses.map((s) => s.value)), [data.statuses]);
  const [statuses, setStatuses] = useState<Set<string>>(allStatuses);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const visible = useMemo(() => visibleIds(data.years, orgs, kinds, statuses), [data.years, orgs, kinds, statuses]);

  // Following a link to an entry the filters hide clears the filters, then shows it.
  const reveal = useCallback(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || visible.has(id) || !data.years.some((y) => y.entries.some((e) => e.id === id))) return;
    setOrgs(allOrgs);
    setKinds(allKinds);
    setStatuses(allStatuses);
    window.requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
  }, [visible, data.years, allOrgs, allKinds, allStatuses]);
  useEffect(() => {
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, [reveal]);

  return (
    <>
      <Heading as="h1">{data.title}</Heading>
      <p className={styles.intro}>
        {data.description}共 {data.total} 个条目。
        {data.jsonUrl && (
          <>
            {' '}
            机器可读的数据见 <a href={data.jsonUrl}>timeline.json</a>。
          </>
        )}
      </p>

      <section aria-labelledby="lineage_diagram">
        <Heading as="h2" id="lineage_diagram">
          谱系图
        </Heading>
        <LineageDiagram layout={data.lineage} visible={visible} captionId="lineage_caption" />
      </section>

      <section aria-labelledby="timeline_filters" className={styles.filters}>
        <Heading as="h2" id="timeline_filters">
          筛选
        </Heading>
        <div className={styles.facets}>
          <Facet legend="组织" options={data.orgs} selected={orgs} onChange={setOrgs} disabled={!hydrated} />
          <Facet legend="类型" options={data.kinds} selected={kinds} onChange={setKinds} disabled={!hydrated} />
          <Facet legend="状态" options={data.statuses} selected={statuses} onChange={setStatuses} disabled={!hydrated} />
        </div>
        <p role="status" className={styles.status}>
          {visible.size === 0 ? '没有符合筛选条件的条目。' : `显示 ${visible.size} / ${data.total} 个条目`}
        </p>
      </section>

      {data.years.map((year) => (
        <section key={year.year} aria-labelledby={`year_${year.year}`} hidden={!year.entries.some((e) => visible.has(e.id))}>
          <Heading as="h2" id={`year_${year.year}`} className={styles.year}>
            {year.year} 年
          </Heading>
          <ol className={styles.entries}>
            {year.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} hidden={!visible.has(entry.id)} components={components} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

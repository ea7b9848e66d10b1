import type {ReactNode} from 'react';
import type {ChapterMention, Relation, TimelineEntry} from '@site/plugins/timeline/types';
import type {TimelineComponents} from './components';
import {isSafeUrl, sourceLabel} from './filter';
import styles from './styles.module.css';

interface Props {
  entry: TimelineEntry;
  hidden: boolean;
  components: TimelineComponents;
}

function Relations({label, relations, Link}: {label: string; relations: Relation[]; Link: TimelineComponents['Link']}): ReactNode {
  if (relations.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul className={styles.inlineList}>
          {relations.map((r) => (
            <li key={r.id}>
              <Link to={`#${r.id}`}>{r.name}</Link>
              <span className={styles.via}>（{r.via}）</span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function Mentions({mentions, Link}: {mentions: ChapterMention[]; Link: TimelineComponents['Link']}): ReactNode {
  if (mentions.length === 0) return null;
  return (
    <>
      <dt>本书中提及</dt>
      <dd>
        <ul className={styles.mentionList}>
          {mentions.map((m) => (
            <li key={m.permalink}>
              <Link to={m.permalink}>{m.title}</Link>
              {m.sections.length > 0 && (
                <>
                  {'：'}
                  <ul className={styles.inlineList}>
                    {m.sections.map((s) => (
                      <li key={s.id}>
                        <Link to={`${m.permalink}#${s.id}`}>{s.text}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function Sources({sources}: {sources: string[]}): ReactNode {
  return (
    <>
      <dt>来源</dt>
      <dd>
        <ul className={styles.sourceList}>
          {sources.map((url) => (
            <li key={url}>
              {isSafeUrl(url) ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {sourceLabel(url)}
                </a>
              ) : (
                sourceLabel(url)
              )}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** One registry entry: its heading is the `#id` anchor every model link points at. */
export default function Entry({entry, hidden, components: {Heading, Link}}: Props): ReactNode {
  const isEvent = entry.type === 'event';
  return (
    <li
      className={isEvent ? `${styles.entry} ${styles.event}` : styles.entry}
      hidden={hidden}
      data-org={entry.org}
      data-kind={entry.kind}
      data-type={entry.type}>
      <article aria-labelledby={entry.id}>
        <Heading as="h3" id={entry.id} className={styles.entryTitle}>
          {entry.name}
        </Heading>
        <p className={styles.meta}>
          <time dateTime={entry.released}>{entry.released}</time>
          <span className={styles.org}>{entry.org}</span>
          <span className={styles.kind}>{entry.kindLabel}</span>
          {entry.params && <span className={styles.params}>参数量 {entry.params}</span>}
        </p>
        {entry.aliases.length > 0 && <p className={styles.aliases}>又称：{entry.aliases.join('、')}</p>}
        <p className={styles.summary}>{entry.summary}</p>
        <dl className={styles.details}>
          <Relations label="源自" relations={entry.parents} Link={Link} />
          <Relations label="衍生出" relations={entry.children} Link={Link} />
          <Mentions mentions={entry.mentions} Link={Link} />
          <Sources sources={entry.sources} />
        </dl>
      </article>
    </li>
  );
}

import type {ReactNode} from 'react';
import type {ChapterMention, EntryDate, EntryRef, Relation, TimelineEntry} from '@site/plugins/timeline/types';
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

/** Links to other entries (family, members, succession), without a training stage. */
function Refs({label, refs, Link}: {label: string; refs: EntryRef[]; Link: TimelineComponents['Link']}): ReactNode {
  if (refs.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul className={styles.inlineList}>
          {refs.map((r) => (
            <li key={r.id}>
              <Link to={`#${r.id}`}>{r.name}</Link>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** A date as written; an estimate says so (`约 2022-03（估计）`), on the page and to screen readers. */
function DateText({date}: {date: EntryDate}): ReactNode {
  return (
    <>
      <time dateTime={date.text}>{date.text}</time>
      {date.estimated && (
        <abbr className={styles.estimated} title="资料没有给出确切日期，这是估计值">
          （估计）
        </abbr>
      )}
    </>
  );
}

/** Deprecation and shutdown dates, the replacement and the deprecation page. */
function Lifecycle({entry, Link}: {entry: TimelineEntry; Link: TimelineComponents['Link']}): ReactNode {
  if (entry.status === 'active') return null;
  return (
    <>
      <dt>{entry.statusLabel}</dt>
      <dd className={styles.lifecycle}>
        {entry.deprecated && (
          <>
            宣布停用：<DateText date={entry.deprecated} />
            {entry.shutdown ? '；' : '。'}
          </>
        )}
        {entry.shutdown && (
          <>
            停止服务：<DateText date={entry.shutdown} />。
          </>
        )}
        {entry.replacement && (
          <>
            {' '}
            替代模型：<Link to={`#${entry.replacement.id}`}>{entry.replacement.name}</Link>。
          </>
        )}
        {entry.statusSources.length > 0 && (
          <>
            {' '}
            出处：
            {entry.statusSources.map((url, i) => (
              <span key={url}>
                {i > 0 && '、'}
                {isSafeUrl(url) ? (
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    {sourceLabel(url)}
                  </a>
                ) : (
                  sourceLabel(url)
                )}
              </span>
            ))}
          </>
        )}
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
      data-type={entry.type}
      data-status={entry.status}>
      <article aria-labelledby={entry.id}>
        <Heading as="h3" id={entry.id} className={styles.entryTitle}>
          {entry.name}
        </Heading>
        <p className={styles.meta}>
          {entry.type === 'family' ? (
            <span>首个成员：{entry.released}</span>
          ) : (
            <DateText date={{text: entry.released, estimated: entry.estimated}} />
          )}
          {entry.status !== 'active' && <span className={`${styles.badge} ${styles[entry.status]}`}>{entry.statusLabel}</span>}
          <span className={styles.org}>{entry.org}</span>
          <span className={styles.kind}>{entry.kindLabel}</span>
          {entry.params && <span className={styles.params}>参数量 {entry.params}</span>}
        </p>
        {entry.aliases.length > 0 && <p className={styles.aliases}>又称：{entry.aliases.join('、')}</p>}
        <p className={styles.summary}>{entry.summary}</p>
        <dl className={styles.details}>
          {entry.announced && (
            <>
              <dt>宣布</dt>
              <dd>
                <DateText date={entry.announced} />
              </dd>
            </>
          )}
          {entry.paper && (
            <>
              <dt>论文</dt>
              <dd>
                <DateText date={entry.paper} />
              </dd>
            </>
          )}
          <Lifecycle entry={entry} Link={Link} />
          <Refs label="所属系列" refs={entry.family ? [entry.family] : []} Link={Link} />
          <Refs label="成员" refs={entry.members} Link={Link} />
          <Relations label="源自" relations={entry.parents} Link={Link} />
          <Relations label="衍生出" relations={entry.children} Link={Link} />
          <Refs label="接替" refs={entry.supersedes} Link={Link} />
          <Refs label="被接替" refs={entry.supersededBy} Link={Link} />
          <Mentions mentions={entry.mentions} Link={Link} />
          <Sources sources={entry.sources} />
        </dl>
      </article>
    </li>
  );
}

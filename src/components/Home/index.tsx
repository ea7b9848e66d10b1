/**
 * The home page (route added by plugins/home): what the book covers, where to start, what
 * changed lately, the newest models and how to take part. All of it is in the static
 * HTML; nothing here needs client JavaScript.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type {HomeChapter, HomeData} from '@site/plugins/home/types';
import Downloads from '@site/src/components/Downloads';
import {useTimelineData} from '@site/src/components/ModelCard';
import styles from './styles.module.css';

const LATEST_MODELS = 6;

function ChapterLink({chapter}: {chapter: HomeChapter}): ReactNode {
  return (
    <>
      <Link to={chapter.permalink}>{chapter.title}</Link>
      {chapter.description && <span className={styles.description}>{chapter.description}</span>}
    </>
  );
}

function Contents({home}: {home: HomeData}): ReactNode {
  return (
    <section aria-labelledby="home_contents" className={styles.section}>
      <Heading as="h2" id="home_contents">
        目录
      </Heading>
      <ul className={styles.chapters}>
        {home.front.map((c) => (
          <li key={c.permalink}>
            <ChapterLink chapter={c} />
          </li>
        ))}
      </ul>
      {home.parts.map((part) => (
        <div key={part.label} className={styles.part}>
          <Heading as="h3">{part.permalink ? <Link to={part.permalink}>{part.label}</Link> : part.label}</Heading>
          {part.description && <p className={styles.partDescription}>{part.description}</p>}
          <ol className={styles.chapters}>
            {part.chapters.map((c) => (
              <li key={c.permalink}>
                <ChapterLink chapter={c} />
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

function LatestModels(): ReactNode {
  const timeline = useTimelineData();
  if (!timeline) return null;
  const latest = Object.entries(timeline.cards).slice(-LATEST_MODELS).reverse();
  if (latest.length === 0) return null;
  return (
    <section aria-labelledby="home_models" className={styles.section}>
      <Heading as="h2" id="home_models">
        最新收录的模型
      </Heading>
      <ul className={styles.models}>
        {latest.map(([id, card]) => (
          <li key={id} className={styles.model}>
            <Link to={`${timeline.pagePath}#${id}`} className={styles.modelName}>
              {card.name}
            </Link>
            <span className={styles.modelFacts}>
              {card.org} · {card.released} · {card.kind}
            </span>
            <span className={styles.description}>{card.summary}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={timeline.pagePath}>查看完整的模型时间线与谱系图 →</Link>
      </p>
    </section>
  );
}

export default function HomePage({home}: {home: HomeData}): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const start = home.readingPath[0];
  return (
    <Layout title="首页" description={siteConfig.tagline}>
      <main className={`container margin-vert--lg ${styles.home}`}>
        <header className={styles.hero}>
          <Heading as="h1">LLM 应用开发实践笔记</Heading>
          <p className={styles.lead}>
            一本开源的中文电子书，记录用大语言模型构建应用的思路、工具与踩过的坑：从模型的来历与选择讲起。目前共 {home.parts.length} 个部分、
            {home.chapterCount} 篇。
          </p>
          <p className={styles.actions}>
            {start && (
              <Link className="button button--primary" to={start.permalink}>
                开始阅读
              </Link>
            )}
            <Link className="button button--secondary" to="/timeline">
              模型时间线
            </Link>
          </p>
        </header>

        <div className={styles.columns}>
          <div>
            <section aria-labelledby="home_path" className={styles.section}>
              <Heading as="h2" id="home_path">
                从哪里开始
              </Heading>
              <ol className={styles.path}>
                {home.readingPath.map((step) => (
                  <li key={step.permalink}>
                    <span className={styles.step}>{step.step}</span>
                    <ChapterLink chapter={step} />
                  </li>
                ))}
                <li>
                  <span className={styles.step}>随时查阅</span>
                  <Link to="/timeline">模型时间线</Link>
                  <span className={styles.description}>正文里每个模型名都链接到这里：发布时间、演变关系和提到它的章节。</span>
                </li>
              </ol>
            </section>
            <Contents home={home} />
          </div>

          <div>
            {home.recent.length > 0 && (
              <section aria-labelledby="home_recent" className={styles.section}>
                <Heading as="h2" id="home_recent">
                  最近更新
                </Heading>
                <ul className={styles.recent}>
                  {home.recent.map((c) => (
                    <li key={c.permalink}>
                      <Link to={c.permalink}>{c.title}</Link> <time dateTime={c.updated}>{c.updated}</time>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <LatestModels />
            <section aria-labelledby="home_downloads" className={styles.section}>
              <Heading as="h2" id="home_downloads">
                下载整本书
              </Heading>
              <p className={styles.description}>离线阅读、电子阅读器或打印：PDF 与 EPUB 随每次发布从同一份源文件生成。</p>
              <Downloads />
            </section>
            <section aria-labelledby="home_contribute" className={styles.section}>
              <Heading as="h2" id="home_contribute">
                参与贡献
              </Heading>
              <p>
                发现错误、想补充一节或添加一个模型？每页底部的“编辑此页”直达源文件；提交前运行 <code>npm run lint</code>，检查与 CI 一致。
              </p>
              {home.contributing && (
                <p>
                  <ChapterLink chapter={home.contributing} />
                </p>
              )}
            </section>
          </div>
        </div>
      </main>
    </Layout>
  );
}

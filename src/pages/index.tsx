import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

export default function Home(): ReactNode {
  return (
    <Layout title="首页" description="基于大语言模型的应用开发实践记录">
      <main className="container margin-vert--xl">
        <Heading as="h1">LLM 应用开发实践笔记</Heading>
        <p>一本开源的中文电子书，记录用大语言模型构建应用的思路、工具与踩过的坑。</p>
        <p>
          <Link className="button button--primary margin-right--md" to="/docs/book">
            开始阅读
          </Link>
          <Link className="button button--secondary" to="/timeline">
            模型时间线
          </Link>
        </p>
      </main>
    </Layout>
  );
}

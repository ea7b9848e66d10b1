import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type {TimelinePageData} from '@site/plugins/timeline/types';
import TimelineView from './TimelineView';

/** The `/timeline` route; `timeline` is the data the timeline plugin created. */
export default function TimelinePage({timeline}: {timeline: TimelinePageData}): ReactNode {
  return (
    <Layout title={timeline.title} description={timeline.description}>
      <main className="container margin-vert--lg">
        <TimelineView data={timeline} components={{Heading, Link}} />
      </main>
    </Layout>
  );
}

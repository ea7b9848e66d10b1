import type {ComponentType, ReactNode} from 'react';

/**
 * The two theme pieces the view needs, passed in rather than imported so the view
 * renders outside Docusaurus (unit tests use plain elements). The page passes
 * `@theme/Heading` (declares each anchor for `onBrokenAnchors`) and `@docusaurus/Link`
 * (checks each link, honours baseUrl).
 */
export interface TimelineComponents {
  Heading: ComponentType<{as: 'h1' | 'h2' | 'h3'; id?: string; className?: string; children?: ReactNode}>;
  Link: ComponentType<{to: string; className?: string; children?: ReactNode}>;
}

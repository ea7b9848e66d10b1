/**
 * Swizzled (wrapped) MDX link: a link to a model's timeline entry (what remark-model-links
 * makes) opens the model's hover card; every other link is the theme's own.
 */
import type {ComponentProps, ReactNode} from 'react';
import MDXA from '@theme-original/MDXComponents/A';
import ModelLink, {useModelCard} from '@site/src/components/ModelCard';

export default function A(props: ComponentProps<typeof MDXA>): ReactNode {
  const card = useModelCard(typeof props.href === 'string' ? props.href : undefined);
  if (!card) return <MDXA {...props} />;
  return <ModelLink {...props} card={card} />;
}

/**
 * A model link with a hover card (issue 16): name, organisation, date, kind, lifecycle,
 * the summary's first sentence and how often the book mentions it.
 *
 * - Opens on mouse hover and on keyboard focus; Esc closes it; leaving or blurring closes it.
 * - On a touch screen the first tap opens the card and the second follows the link.
 * - The card is `position: fixed` in a portal, so opening it moves nothing on the page.
 * - Without JavaScript the server-rendered link keeps its `title` tooltip; once React runs,
 *   the card replaces it (two tooltips at once would cover each other).
 * The data is the timeline plugin's global data: built with the site, no request per card.
 */
import {useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode} from 'react';
import {createPortal} from 'react-dom';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type {ModelCard, TimelineGlobalData} from '@site/plugins/timeline/types';
import styles from './styles.module.css';

/** Same as plugins/timeline/index.ts PLUGIN_NAME (that module is Node code, not for the browser). */
const TIMELINE_PLUGIN = 'llmbook-timeline';
const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 150;
const MARGIN = 8;

/** The timeline plugin's global data: the cards in release order and the page's path. */
export function useTimelineData(): TimelineGlobalData | undefined {
  return usePluginData(TIMELINE_PLUGIN) as TimelineGlobalData | undefined;
}

/** The card of the model a link points at (`/llm-books/timeline#gpt-4`), or undefined for any other link. */
export function useModelCard(href: string | undefined): ModelCard | undefined {
  const data = useTimelineData();
  if (!data || !href) return undefined;
  const prefix = `${data.pagePath}#`;
  return href.startsWith(prefix) ? data.cards[decodeURIComponent(href.slice(prefix.length))] : undefined;
}

interface Position {
  top: number;
  left: number;
  /** Above the link when there is no room below. */
  above: boolean;
}

/**
 * Below the link, else above it, else as low as the viewport allows; always inside the
 * viewport horizontally. (The visual viewport is what a phone shows.)
 */
function place(anchor: DOMRect, card: {width: number; height: number}): Position {
  const width = window.visualViewport?.width ?? window.innerWidth;
  const height = window.visualViewport?.height ?? window.innerHeight;
  const left = Math.max(MARGIN, Math.min(anchor.left, width - card.width - MARGIN));
  const below = anchor.bottom + MARGIN;
  if (below + card.height <= height - MARGIN) return {top: below, left, above: false};
  const above = anchor.top - MARGIN - card.height;
  if (above >= MARGIN) return {top: above, left, above: true};
  return {top: Math.max(MARGIN, height - card.height - MARGIN), left, above: false};
}

function CardBody({card, id}: {card: ModelCard; id: string}): ReactNode {
  return (
    <>
      <span className={styles.name} id={`${id}-name`}>
        {card.name}
      </span>
      <span className={styles.facts}>
        {card.org} · {card.released} · {card.kind}
      </span>
      {card.status && <span className={styles.status}>{card.status}</span>}
      <span className={styles.summary}>{card.summary}</span>
      <span className={styles.mentions}>{card.mentions > 0 ? `在本书中出现 ${card.mentions} 次` : '本书正文尚未提及'}</span>
    </>
  );
}

type Props = ComponentProps<typeof Link> & {card: ModelCard};

export default function ModelLink({card, title, onClick, ...rest}: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const id = `model-card-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const anchor = useRef<HTMLAnchorElement>(null);
  const cardRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<Position | undefined>();
  const timer = useRef<number | undefined>(undefined);
  // A touch is under way: its focus must not open the card, its click decides.
  const touching = useRef(false);

  const schedule = useCallback((next: boolean, delay: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOpen(next), delay);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const reposition = useCallback(() => {
    if (!anchor.current || !cardRef.current) return;
    const rects = anchor.current.getClientRects();
    const rect = rects[0] ?? anchor.current.getBoundingClientRect();
    setPosition(place(rect, cardRef.current.getBoundingClientRect()));
  }, []);

  // Measure before paint, so the card never shows at a wrong place first.
  useLayoutEffect(() => {
    if (open) reposition();
    else setPosition(undefined);
  }, [open, reposition]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!anchor.current?.contains(target) && !cardRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', reposition, {passive: true});
    window.addEventListener('resize', reposition);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', reposition);
      window.removeEventListener('resize', reposition);
    };
  }, [open, reposition]);

  return (
    <>
      <Link
        {...rest}
        ref={anchor}
        // Server HTML (and a page without JavaScript) keeps the native tooltip.
        title={isBrowser ? undefined : title}
        aria-describedby={open ? id : undefined}
        onPointerDown={(event) => {
          touching.current = event.pointerType === 'touch';
        }}
        onPointerEnter={(event) => {
          if (event.pointerType === 'mouse') schedule(true, OPEN_DELAY_MS);
        }}
        onPointerLeave={(event) => {
          if (event.pointerType === 'mouse') schedule(false, CLOSE_DELAY_MS);
        }}
        onFocus={() => {
          if (!touching.current) schedule(true, 0);
        }}
        onBlur={() => schedule(false, 0)}
        onClick={(event) => {
          // Touch: the first tap shows the card, a second tap (card open) follows the link.
          const touched = touching.current;
          touching.current = false;
          if (touched && !open) {
            event.preventDefault();
            window.clearTimeout(timer.current);
            setOpen(true);
            return;
          }
          onClick?.(event);
        }}
      />
      {open &&
        createPortal(
          <span
            ref={cardRef}
            id={id}
            role="tooltip"
            className={styles.card}
            data-placement={position?.above ? 'above' : 'below'}
            style={position ? {top: position.top, left: position.left} : {visibility: 'hidden', top: 0, left: 0}}
            onPointerEnter={() => window.clearTimeout(timer.current)}
            onPointerLeave={(event) => {
              if (event.pointerType === 'mouse') schedule(false, CLOSE_DELAY_MS);
            }}>
            <CardBody card={card} id={id} />
          </span>,
          document.body,
        )}
    </>
  );
}

/**
 * The facts a model link's hover card shows, keyed by model id. Built once at build time
 * and shipped as the plugin's global data (one small object, loaded with the site), so
 * opening a card costs no request. Pure.
 */
import {STATUS_LABELS} from '../../core/registry/labels';
import type {ModelCard, TimelineEntry} from './types';

/** The summary's first sentence, cut to `max` characters: the card is a glance, the page has the rest. */
export function firstSentence(summary: string, max = 80): string {
  const end = summary.search(/[。！？]/u);
  const sentence = end === -1 ? summary : summary.slice(0, end + 1);
  const chars = Array.from(sentence);
  return chars.length <= max ? sentence : `${chars.slice(0, max - 1).join('')}…`;
}

function statusText(entry: TimelineEntry): string | undefined {
  // An active model says nothing: the card speaks only of a model that is going or gone.
  if (entry.status === 'active') return undefined;
  const parts =
    entry.shutdown === undefined
      ? [STATUS_LABELS[entry.status]]
      : entry.status === 'retired'
        ? [`已于 ${entry.shutdown.text} 下线`]
        : [STATUS_LABELS[entry.status], `计划于 ${entry.shutdown.text} 下线`];
  if (entry.replacement) parts.push(`由 ${entry.replacement.name} 接替`);
  return parts.join('，');
}

export function buildCards(entries: readonly TimelineEntry[]): Record<string, ModelCard> {
  const cards: Record<string, ModelCard> = {};
  for (const entry of entries) {
    const status = statusText(entry);
    cards[entry.id] = {
      name: entry.name,
      org: entry.org,
      released: entry.released,
      kind: entry.kindLabel,
      ...(status === undefined ? {} : {status}),
      summary: firstSentence(entry.summary),
      mentions: entry.mentions.reduce((sum, m) => sum + m.count, 0),
    };
  }
  return cards;
}

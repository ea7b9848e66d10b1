/** Escaping for the little markup the exporter writes itself (cover, TOC, colophon, OPF). */
const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Consecutive chapters that open a new part (or parts) get a part page before them. */
export function newParts<T extends {parts: {label: string; description?: string}[]}>(previous: T | undefined, chapter: T): T['parts'] {
  const before = previous?.parts ?? [];
  let same = 0;
  while (same < before.length && same < chapter.parts.length && before[same]?.label === chapter.parts[same]?.label) same++;
  return chapter.parts.slice(same);
}

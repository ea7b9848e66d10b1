/** Edits of the original text by offset (STYLE.md habit 4): the rest stays byte for byte. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits; an edit that overlaps an earlier one is returned, not applied. */
export function applyEdits(source: string, edits: Edit[]): {text: string; skipped: Edit[]} {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const skipped: Edit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) {
      skipped.push(edit);
      continue;
    }
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return {text: out + source.slice(cursor), skipped};
}

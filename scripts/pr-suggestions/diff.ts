/**
 * The lines a pull request added, read from the unified diff GitHub returns for
 * each changed file (`patch` in "List pull request files"). A suggestion may only
 * replace lines the pull request added, and all of them in one hunk: GitHub
 * anchors a multi-line review comment to a range of one hunk on the RIGHT side.
 */

export interface AddedLine {
  /** The line's text in the new file, without the newline. */
  text: string;
  /** Index of the hunk the line is in (0-based). */
  hunk: number;
}

/** New-file line number → added line. */
export type AddedLines = Map<number, AddedLine>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function addedLines(patch: string): AddedLines {
  const added: AddedLines = new Map();
  let next = 0;
  let hunk = -1;
  for (const line of patch.split('\n')) {
    const header = HUNK.exec(line);
    if (header) {
      hunk++;
      next = Number(header[1]);
      continue;
    }
    if (hunk < 0) continue;
    const marker = line[0];
    if (marker === '+') added.set(next++, {text: line.slice(1).replace(/\r$/, ''), hunk});
    else if (marker === ' ' || line === '') next++;
    // '-' lines are the old file's; '\' is "No newline at end of file".
  }
  return added;
}

/** The text of lines `first`…`last` when every one of them was added in one hunk. */
export function addedBlock(added: AddedLines, first: number, last: number): string[] | undefined {
  const lines: string[] = [];
  const hunk = added.get(first)?.hunk;
  for (let n = first; n <= last; n++) {
    const line = added.get(n);
    if (!line || line.hunk !== hunk) return undefined;
    lines.push(line.text);
  }
  return lines;
}

// A line diff by longest common subsequence: the lines both texts keep, in order, and what was
// removed from the old text or added in the new one. Common leading and trailing lines are matched
// first, so an edit in a long post costs a table of only the changed middle; past `maxCells` (the
// middle's old × new line count) the middle is reported as removed-then-added, still a correct diff
// but not a minimal one (`minimal: false`).

export type DiffKind = "same" | "del" | "add";

export interface DiffLine {
  kind: DiffKind;
  text: string;
  /** 1-based line number in the old text (same, del). */
  oldLine?: number;
  /** 1-based line number in the new text (same, add). */
  newLine?: number;
}

export interface Diff {
  lines: DiffLine[];
  added: number;
  removed: number;
  minimal: boolean;
}

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function diffLines(oldText: string, newText: string, maxCells = 4_000_000): Diff {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }

  const lines: DiffLine[] = [];
  for (let i = 0; i < start; i++) lines.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });

  const n = endA - start;
  const m = endB - start;
  let minimal = true;
  if (n > 0 && m > 0 && n * m <= maxCells) {
    // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB), row-major in one array
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = a[start + i] === b[start + j]
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        lines.push({ kind: "same", text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
        i++; j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
        lines.push({ kind: "del", text: a[start + i]!, oldLine: start + i + 1 });
        i++;
      } else {
        lines.push({ kind: "add", text: b[start + j]!, newLine: start + j + 1 });
        j++;
      }
    }
    for (; i < n; i++) lines.push({ kind: "del", text: a[start + i]!, oldLine: start + i + 1 });
    for (; j < m; j++) lines.push({ kind: "add", text: b[start + j]!, newLine: start + j + 1 });
  } else {
    minimal = n === 0 || m === 0;
    for (let i = start; i < endA; i++) lines.push({ kind: "del", text: a[i]!, oldLine: i + 1 });
    for (let j = start; j < endB; j++) lines.push({ kind: "add", text: b[j]!, newLine: j + 1 });
  }

  for (let k = 0; k < a.length - endA; k++) {
    lines.push({ kind: "same", text: a[endA + k]!, oldLine: endA + k + 1, newLine: endB + k + 1 });
  }
  const added = lines.filter((l) => l.kind === "add").length;
  const removed = lines.filter((l) => l.kind === "del").length;
  return { lines, added, removed, minimal };
}

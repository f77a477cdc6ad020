import { test } from "node:test";
import assert from "node:assert/strict";
import { diffLines, splitLines, type DiffLine } from "../src/lib/diff.ts";

const show = (lines: DiffLine[]) => lines.map((l) => `${l.kind === "same" ? " " : l.kind === "add" ? "+" : "-"}${l.text}`);

/** Both texts can be rebuilt from the diff: the old from same+del lines, the new from same+add lines. */
function rebuilds(oldText: string, newText: string, lines: DiffLine[]) {
  assert.deepEqual(lines.filter((l) => l.kind !== "add").map((l) => l.text), splitLines(oldText));
  assert.deepEqual(lines.filter((l) => l.kind !== "del").map((l) => l.text), splitLines(newText));
}

test("identical texts are all unchanged lines with both line numbers", () => {
  const d = diffLines("a\nb\nc", "a\nb\nc");
  assert.deepEqual(show(d.lines), [" a", " b", " c"]);
  assert.deepEqual(d.lines.map((l) => [l.oldLine, l.newLine]), [[1, 1], [2, 2], [3, 3]]);
  assert.equal(d.added + d.removed, 0);
});

test("a changed line in the middle is one removal and one addition, the rest kept", () => {
  const d = diffLines("# Title\n\nfirst text\n\nend", "# Title\n\nsecond text\n\nend");
  assert.deepEqual(show(d.lines), [" # Title", " ", "-first text", "+second text", " ", " end"]);
  assert.equal(d.added, 1);
  assert.equal(d.removed, 1);
  assert.equal(d.minimal, true);
  const del = d.lines.find((l) => l.kind === "del")!;
  const add = d.lines.find((l) => l.kind === "add")!;
  assert.equal(del.oldLine, 3);
  assert.equal(del.newLine, undefined);
  assert.equal(add.newLine, 3);
});

test("the longest common subsequence is kept, not just a common prefix", () => {
  const oldText = "a\nb\nc\nd\ne\nf";
  const newText = "b\nx\nc\ne\nf\ng";
  const d = diffLines(oldText, newText);
  assert.deepEqual(d.lines.filter((l) => l.kind === "same").map((l) => l.text), ["b", "c", "e", "f"]);
  assert.equal(d.removed, 2); // a, d
  assert.equal(d.added, 2); // x, g
  rebuilds(oldText, newText, d.lines);
});

test("empty texts, pure additions and pure removals", () => {
  assert.deepEqual(diffLines("", "").lines, []);
  assert.deepEqual(show(diffLines("", "one\ntwo").lines), ["+one", "+two"]);
  assert.deepEqual(show(diffLines("one\ntwo\n", "").lines), ["-one", "-two"]);
  assert.deepEqual(show(diffLines("keep\n", "keep\nmore\n").lines), [" keep", "+more"]);
});

test("line endings do not count as changes and a trailing newline is not a line", () => {
  assert.deepEqual(splitLines("a\r\nb\rc\n"), ["a", "b", "c"]);
  const d = diffLines("a\r\nb\r\n", "a\nb");
  assert.equal(d.added + d.removed, 0);
});

test("repeated lines are matched in order", () => {
  const oldText = "x\nx\ny\nx";
  const newText = "x\ny\nx\nx";
  const d = diffLines(oldText, newText);
  assert.equal(d.added + d.removed, 2);
  rebuilds(oldText, newText, d.lines);
});

test("past the cell limit the changed middle is removed-then-added: correct, flagged as not minimal", () => {
  const oldText = "head\n1\n2\n3\ntail";
  const newText = "head\n3\n2\n1\ntail";
  const d = diffLines(oldText, newText, 4);
  assert.equal(d.minimal, false);
  assert.deepEqual(show(d.lines), [" head", "-1", "-2", "-3", "+3", "+2", "+1", " tail"]);
  rebuilds(oldText, newText, d.lines);
  const full = diffLines(oldText, newText);
  assert.equal(full.minimal, true);
  assert.ok(full.added < d.added);
});

test("random edits always rebuild both texts", () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let round = 0; round < 200; round++) {
    const words = ["a", "b", "c", "d"];
    const oldLines = Array.from({ length: rnd(12) }, () => words[rnd(4)]!);
    const newLines = oldLines.filter(() => rnd(4) !== 0);
    for (let k = rnd(4); k > 0; k--) newLines.splice(rnd(newLines.length + 1), 0, words[rnd(4)]!);
    const d = diffLines(oldLines.join("\n"), newLines.join("\n"));
    rebuilds(oldLines.join("\n"), newLines.join("\n"), d.lines);
  }
});

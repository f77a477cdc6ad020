import type { Diff } from "@/lib/diff";

const sign = { same: " ", add: "+", del: "−" } as const;
const spoken = { same: "", add: "added: ", del: "removed: " } as const;

/** A unified line diff: removed lines marked − (old line number), added + (new line number). */
export function DiffView({ diff }: { diff: Diff }) {
  return (
    <div className="diff" role="region" aria-label="Line differences" tabIndex={0}>
      <table>
        <thead className="sr-only"><tr><th scope="col">Old line</th><th scope="col">New line</th><th scope="col">Text</th></tr></thead>
        <tbody>
          {diff.lines.map((l, i) => (
            <tr key={i} className={`diff-${l.kind}`}>
              <td className="ln">{l.oldLine ?? ""}</td>
              <td className="ln">{l.newLine ?? ""}</td>
              <td><span aria-hidden="true" className="sign">{sign[l.kind]}</span><span className="sr-only">{spoken[l.kind]}</span><code>{l.text || " "}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

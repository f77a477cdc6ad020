// One admin action as a plain form posting to a route handler: works without JavaScript, the CSRF
// token travels in a hidden field, `back` says which page (and filter) to return to.
export function AdminAction({ action, csrf, back, fields, label, primary, describedBy }: {
  action: string;
  csrf: string;
  back: string;
  fields: Record<string, string>;
  label: string;
  primary?: boolean;
  describedBy?: string;
}) {
  return (
    <form action={action} method="post" className="inline">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="back" value={back} />
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" className={primary ? "primary" : undefined} aria-describedby={describedBy}>{label}</button>
    </form>
  );
}

-- A report names one reason of a fixed set and may carry a note for the moderator (at most 500
-- characters). Reasons written before were free text: one that is just a reason's name becomes that
-- reason, any other becomes OTHER with the text kept as its note.
alter table comment_report add column note text;

update comment_report
   set reason = case when r.known then r.normalised else 'OTHER' end,
       note   = case when r.known then null else left(comment_report.reason, 500) end
  from (select comment_id, reporter_id,
               upper(translate(btrim(reason), '- ', '__')) as normalised,
               upper(translate(btrim(reason), '- ', '__')) in ('SPAM', 'HARASSMENT', 'OFF_TOPIC', 'OTHER') as known
          from comment_report) r
 where r.comment_id = comment_report.comment_id and r.reporter_id = comment_report.reporter_id;

alter table comment_report
    add constraint comment_report_reason_check check (reason in ('SPAM', 'HARASSMENT', 'OFF_TOPIC', 'OTHER')),
    add constraint comment_report_note_check check (note is null or char_length(note) between 1 and 500);

-- "Add my mistakes to review": a wrong quiz answer becomes a card (origin QUIZ). author_card_key is the
-- key of what a card was made from, once per reader and post: an adopted author card, or a quiz
-- question ("quiz:<questionId>"), so asking twice never makes two cards of one question.
alter table srs_card drop constraint srs_card_origin_check;
alter table srs_card add constraint srs_card_origin_check
    check (origin in ('USER', 'NOTE', 'PASSAGE', 'DRAFT', 'AUTHOR', 'QUIZ'));
comment on column srs_card.author_card_key is
    'key of the origin, unique per reader and post: an adopted author card, or quiz:<questionId>';

-- A deleted user's profile stays as a tombstone (no name), so a late or retried UserProfileChanged
-- cannot bring the name back; names now arrive with UserRegistered (version 0).
alter table author_profile add column deleted boolean not null default false;

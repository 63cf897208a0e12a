-- An SR-wide operation under way (sr.scan, pbd.plug, pbd.unplug, sr.destroy) and its task: it is marked in a
-- short transaction and cleared in another, so that no transaction stays open around the host's work
-- (SrClaims); a mark left by a task that ended without clearing it (its server crashed) is cleared by
-- StaleSrClaims.
alter table sr add column current_operation text;
alter table sr add column current_task uuid;

-- One live file per name in a folder, enforced by the database (issue 15, finding 3): the name check and the insert
-- were separate steps, so two uploads or renames at once left two live files of one name, and every later upload of
-- that name failed. live is TRUE for a live entry and NULL for a binned one; NULLs never collide in a UNIQUE
-- constraint (H2 and PostgreSQL alike), so binned copies keep their names while live ones must differ.
ALTER TABLE sharing_entry ADD COLUMN live BOOLEAN DEFAULT TRUE;
UPDATE sharing_entry SET live = NULL WHERE deleted_at IS NOT NULL;
-- live duplicates the race left behind: every copy but the oldest gets its id appended, nothing is removed
UPDATE sharing_entry SET name = SUBSTRING(name FROM 1 FOR 200) || ' (' || CAST(id AS VARCHAR(20)) || ')'
WHERE deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM sharing_entry o
    WHERE o.folder_id = sharing_entry.folder_id AND o.name = sharing_entry.name AND o.deleted_at IS NULL
      AND o.id < sharing_entry.id);
ALTER TABLE sharing_entry ADD CONSTRAINT sharing_entry_live_name_uk UNIQUE (folder_id, name, live);
ALTER TABLE sharing_entry ADD CONSTRAINT sharing_entry_live_ck
    CHECK ((deleted_at IS NULL AND live) OR (deleted_at IS NOT NULL AND live IS NULL));

-- optimistic locking of renames and moves (finding 7): an update names the lock_version it read
ALTER TABLE sharing_entry ADD COLUMN lock_version INT DEFAULT 0 NOT NULL;

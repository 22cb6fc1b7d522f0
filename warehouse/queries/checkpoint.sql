-- Write every change of the WAL into the database file (before it is copied for analysts).
CHECKPOINT;

SELECT value FROM ledger_state WHERE name = $name;

"""The team database on a PostgreSQL server in the window (issue 17): live refresh of other
clients' changes, the "Team-Datenbank" page of the preferences, the session password."""

"""Repositories: the only place with SQL. They hand plain objects upward, never ORM rows."""

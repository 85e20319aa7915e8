"""Persistence: ORM models, engine and pragmas, migrations, repositories (the only SQL)."""

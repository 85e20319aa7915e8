"""Use cases: one call is one user action and one transaction; plain read models out."""

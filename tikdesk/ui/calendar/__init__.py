"""The editorial calendar tab (issue 19)."""

"""The people tab."""

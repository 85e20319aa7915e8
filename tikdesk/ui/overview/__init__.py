"""The overview tab."""

"""The ideas tab."""

"""The posts tab."""

"""The first-start assistant (issue 20): a short, skippable dialog on a fresh database."""

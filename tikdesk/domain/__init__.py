"""Pure domain: enums, value objects and rules. Imports nothing but the stdlib."""

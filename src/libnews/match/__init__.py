"""Matchers: (Document, Resources) → typed candidates with spans."""

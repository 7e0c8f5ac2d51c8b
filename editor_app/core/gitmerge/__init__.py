"""Merging an issue edited in two places (git merge driver and its helpers)."""

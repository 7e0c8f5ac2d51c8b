"""Masthead: a desktop editorial app for composing newsletter issues."""

__version__ = "0.1.0"

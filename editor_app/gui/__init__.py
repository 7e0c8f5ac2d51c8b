"""PySide6 user interface. Talks to editor_app.core through its public functions."""

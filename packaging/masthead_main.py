"""Entry point of the bundled program: the same `masthead` command as the installed one."""

from editor_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

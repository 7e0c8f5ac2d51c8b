"""One module per `masthead` subcommand; each offers register() and run()."""

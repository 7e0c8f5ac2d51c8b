"""Pure-Python core of Masthead. Never imports Qt."""

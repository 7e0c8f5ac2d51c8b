"""Keeping site-generator template syntax in exported Markdown as plain text.

Hugo expands shortcodes (``{{< name >}}``, ``{{% name %}}``) and Jekyll runs Liquid
(``{{ x }}``, ``{% tag %}``) over the whole content file before any Markdown is read, code
spans and fenced code included. A card that quotes such syntax would otherwise embed an
iframe, or stop the site build on an unknown name. Each profile writes the syntax in the
generator's own escape, which the generator turns back into exactly the text the editor
wrote; ``unescape`` is the inverse the Markdown importer applies to our own export.
"""

from __future__ import annotations

import re

# -- hugo ----------------------------------------------------------------------------------
# Hugo's shortcode comment: "{{</*" … "*/>}}" is output as "{{<" … ">}}" without being
# parsed, whatever lies between (Hugo searches the first "*/>}}"). Everything from the
# opener to the first matching closer goes inside one such comment.
_HUGO_OPENER = re.compile(r"\{\{([<%])")
_HUGO_CLOSER = {"<": ">}}", "%": "%}}"}
# An opener that no closer follows would stop the build ("unclosed shortcode"). Its comment
# is closed by this last line instead: Hugo leaves "<!-- masthead:end >}} -->", an HTML
# comment that the rendered page does not show.
_TRAILER_HEAD = "\n<!-- masthead:end "
_HUGO_TRAILER = _TRAILER_HEAD + "*/{closer} -->\n"


def hugo_escape(text: str) -> str:
    out: list[str] = []
    pos = 0
    while (m := _HUGO_OPENER.search(text, pos)) is not None:
        closer = _HUGO_CLOSER[m.group(1)]
        end = text.find(closer, m.end())
        out.append(text[pos : m.end()] + "/*")
        if end < 0:
            out.append(text[m.end() :] + _HUGO_TRAILER.format(closer=closer))
            return "".join(out)
        out.append(text[m.end() : end] + "*/" + closer)
        pos = end + len(closer)
    out.append(text[pos:])
    return "".join(out)


def hugo_unescape(text: str) -> str:
    """What Hugo's content lexer makes of ``hugo_escape``'s output (less the trailer)."""
    out: list[str] = []
    pos = 0
    while (m := _HUGO_OPENER.search(text, pos)) is not None:
        closer = _HUGO_CLOSER[m.group(1)]
        end = text.find("*/" + closer, m.end() + 2)
        if not text.startswith("/*", m.end()) or end < 0:
            break  # not written by hugo_escape: leave the rest as it is
        inner = text[m.end() + 2 : end]
        trailer = _HUGO_TRAILER.format(closer=closer)
        if text.endswith(trailer) and end == len(text) - len(trailer) + len(_TRAILER_HEAD):
            out.append(text[pos : m.end()] + inner[: -len(_TRAILER_HEAD)])
            return "".join(out)
        out.append(text[pos : m.end()] + inner + closer)
        pos = end + 2 + len(closer)
    out.append(text[pos:])
    return "".join(out)


# -- jekyll --------------------------------------------------------------------------------
# Liquid's own tokenizer: a tag "{% … %}", an output "{{ … }" or "{{ … }}", or a bare opener.
_LIQUID_TOKEN = re.compile(r"\{%.*?%\}|\{\{.*?\}\}?|\{\{|\{%", re.S)
# Inside {% raw %}, any token holding a tag named endraw ends the raw block early.
_ENDRAW = re.compile(r"\{%-?\s*endraw")
_RAW_OPEN, _RAW_CLOSE = "{% raw %}", "{% endraw %}"
_LITERAL = {"{{": '{{ "{{" }}', "{%": '{{ "{%" }}'}
_JEKYLL_WRITTEN = re.compile(r'\{% raw %\}(.*?)\{% endraw %\}|\{\{ "(\{\{|\{%)" \}\}', re.S)


def jekyll_escape(text: str) -> str:
    """Each Liquid token inside ``{% raw %}…{% endraw %}``.

    A token that is only an opener, or that holds an ``endraw`` tag of its own (which would
    end the raw block early), has its opener written as a Liquid string literal instead
    (``{{ "{%" }}`` prints "{%") and the rest is looked at again.
    """
    out: list[str] = []
    pos = 0
    while (m := _LIQUID_TOKEN.search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        token = m.group(0)
        if len(token) > 2 and not _ENDRAW.search(token):
            out.append(_RAW_OPEN + token + _RAW_CLOSE)
            pos = m.end()
        else:
            out.append(_LITERAL[token[:2]])
            pos = m.start() + 2
    out.append(text[pos:])
    return "".join(out)


def jekyll_unescape(text: str) -> str:
    """What Liquid makes of ``jekyll_escape``'s output."""
    return _JEKYLL_WRITTEN.sub(lambda m: m.group(1) if m.group(2) is None else m.group(2), text)


# -- per profile ---------------------------------------------------------------------------
_ESCAPES = {"hugo": (hugo_escape, hugo_unescape), "jekyll": (jekyll_escape, jekyll_unescape)}


def escape_for(profile: str, text: str) -> str:
    """``text`` (the Markdown after the front matter) as the profile's generator must get it."""
    pair = _ESCAPES.get(profile)
    return pair[0](text) if pair else text


def unescape_for(profile: str, text: str) -> str:
    pair = _ESCAPES.get(profile)
    return pair[1](text) if pair else text

"""libnews: Arabic news articles → typed, offset-exact structured data.

>>> from libnews import parse_article
>>> article = parse_article("عاد السراج إلى ليبيا اليوم 15 ديسمبر.", published="2020-12-15")
>>> article.dates[0].value
datetime.date(2020, 12, 15)
"""

from __future__ import annotations

from libnews._version import __version__
from libnews.errors import LibnewsError, ResourceError
from libnews.frames import to_frames
from libnews.html import render_html
from libnews.many import parse_many
from libnews.models import (
    Actor,
    Agreement,
    Article,
    Attribution,
    Clause,
    DateMention,
    Event,
    Span,
    Title,
)
from libnews.options import ParseOptions
from libnews.parse import parse_article
from libnews.resources import Resources, default_resources, load_resources

__all__ = [
    "Actor",
    "Agreement",
    "Article",
    "Attribution",
    "Clause",
    "DateMention",
    "Event",
    "LibnewsError",
    "ParseOptions",
    "ResourceError",
    "Resources",
    "Span",
    "Title",
    "__version__",
    "default_resources",
    "load_resources",
    "parse_article",
    "parse_many",
    "render_html",
    "to_frames",
]


def __dir__() -> list[str]:
    return list(__all__)

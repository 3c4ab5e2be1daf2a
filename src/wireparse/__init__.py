r"""wireparse: news-agency (wire) stories into clean, typed data.

>>> import wireparse
>>> article = wireparse.parse("ANKARA (AA) - Talks went on.\n\nBu haberi paylaşın")
>>> article.dateline.agency, article.body, article.removed[0].reason
('AA', ('Talks went on.',), 'share button')

Everything public is importable from here; modules whose names start with an
underscore are private.
"""

from wireparse._api import clean, detect_profile, explain, parse
from wireparse._batch import parse_many
from wireparse.blocks import BlockKind, ClassifiedBlock, Explanation
from wireparse.evaluation import Check, EvalReport, FieldScore, StoryResult, evaluate
from wireparse.exceptions import (
    CorpusError,
    InputTypeError,
    InvalidProfileError,
    ProfileConflictWarning,
    ProfileError,
    UnknownLanguageError,
    UnknownProfileError,
    WireparseError,
)
from wireparse.models import Article, Byline, Dateline, ParseFailure, Quote, Removal
from wireparse.profiles import (
    BylineForm,
    DatelineForm,
    Profile,
    Rule,
    Signature,
    available_profiles,
    builtin_profiles,
    get_profile,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BlockKind",
    "Byline",
    "BylineForm",
    "Check",
    "ClassifiedBlock",
    "CorpusError",
    "Dateline",
    "DatelineForm",
    "EvalReport",
    "Explanation",
    "FieldScore",
    "InputTypeError",
    "InvalidProfileError",
    "ParseFailure",
    "Profile",
    "ProfileConflictWarning",
    "ProfileError",
    "Quote",
    "Removal",
    "Rule",
    "Signature",
    "StoryResult",
    "UnknownLanguageError",
    "UnknownProfileError",
    "WireparseError",
    "available_profiles",
    "builtin_profiles",
    "clean",
    "detect_profile",
    "evaluate",
    "explain",
    "get_profile",
    "parse",
    "parse_many",
]

r"""wireparse: news-agency (wire) stories into clean, typed data.

>>> import wireparse
>>> article = wireparse.parse("ANKARA (AA) - Talks went on.\n\nBu haberi paylaşın")
>>> article.dateline.agency, article.body, article.removed[0].reason
('AA', ('Talks went on.',), 'share button')

Everything public is importable from here; modules whose names start with an
underscore are private.
"""

import typing

from wireparse._api import clean, detect_profile, explain, parse
from wireparse._batch import parse_many
from wireparse.blocks import BlockKind, ClassifiedBlock, Explanation
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

if typing.TYPE_CHECKING:
    from wireparse.evaluation import Check, EvalReport, FieldScore, StoryResult, evaluate

__version__ = "0.1.0"

# The scoring tools load on first use (PEP 562): parsing never needs them, and
# their patterns were a twelfth of `import wireparse`.
_FROM_EVALUATION = frozenset({"Check", "EvalReport", "FieldScore", "StoryResult", "evaluate"})


def __getattr__(name: str) -> typing.Any:  # noqa: ANN401 - whichever public object is asked for
    if name in _FROM_EVALUATION:
        from wireparse import evaluation  # noqa: PLC0415 - see above

        value = getattr(evaluation, name)
        globals()[name] = value
        return value
    msg = f"module 'wireparse' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM_EVALUATION})


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

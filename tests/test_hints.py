"""Signature hints: a signature is skipped only when it could not have matched.

Detection tries a signature's pattern only when one of its hints occurs in the
head or tail of the story. That is sound only if every match of the pattern
contains one of its hints; these tests check it for every shipped signature
over the labelled corpus and over generated stories in every agency's grammar,
and check that detection gives what trying every pattern gives.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import wireparse
from agency_strategies import AgencyStory, agency_stories
from strategies import aa_stories, mutated_stories, noisy_stories, wrapped_stories
from wireparse import InvalidProfileError, Profile, Signature
from wireparse._detect import EDGE, THRESHOLD, _Plan, detect
from wireparse._normalize import normalize
from wireparse._segment import segment
from wireparse.profiles import builtin_profiles, compile_pattern

CORPUS = Path(__file__).resolve().parent / "corpus"
STORIES = [
    *sorted(CORPUS.glob("*.txt")),
    *sorted((CORPUS.parent / "holdout").glob("*.txt")),
    *sorted((CORPUS.parent / "holdout2").glob("*.txt")),
    *sorted((CORPUS.parent / "holdout3").glob("*.txt")),
]
SIGNATURES = [sig for profile in builtin_profiles() for sig in profile.signatures]


def _lines(text: str) -> list[str]:
    return [block.text for block in segment(normalize(text))]


def _unhinted(signature: Signature, text: str) -> list[str]:
    """Return the matches of *signature* in *text* (every line of it) that hold none of its hints."""
    if not signature.hint:
        return []  # always tried: nothing to hold
    pattern = compile_pattern(signature.pattern, multiline=True)
    return [
        match.group()
        for match in pattern.finditer(text, overlapped=True)
        if not any(hint in match.group() for hint in signature.hint)
    ]


def _reference(lines: list[str], profiles: tuple[Profile, ...]) -> Profile | None:
    """Detection as it was before hints: every pattern of every profile tried."""
    edges = "\n".join(lines if len(lines) <= 2 * EDGE else (*lines[:EDGE], *lines[-EDGE:]))
    best, best_score = None, THRESHOLD - 1
    for profile in profiles:
        value = sum(
            sig.weight
            for sig in profile.signatures
            if compile_pattern(sig.pattern, multiline=True).search(edges)
        )
        if value > best_score:
            best, best_score = profile, value
    return best


def _check(text: str) -> None:
    whole = "\n".join(_lines(text))
    for signature in SIGNATURES:
        assert _unhinted(signature, whole) == [], signature.id
    lines = _lines(text)
    assert detect(lines, builtin_profiles()) == _reference(lines, builtin_profiles())


# Shipped signatures left without hint on purpose, and why.
UNHINTED = {
    "dpa.initials": "every part of a match starts with a lowercase letter, common in text",
}


def test_shipped_signatures_have_hints():
    """Without a hint a signature is tried on every story: all but a chosen few have one."""
    assert SIGNATURES
    for signature in SIGNATURES:
        assert bool(signature.hint) is (signature.id not in UNHINTED), signature.id
    for signature in SIGNATURES:  # a hint starts with a character rare in running text
        for hint in signature.hint:
            assert not hint[0].islower(), (signature.id, hint)


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_hints_hold_on_the_corpus(path: Path):
    """Every match of a shipped signature in a corpus story holds one of its hints."""
    _check(path.read_text(encoding="utf-8"))


def test_the_corpus_has_signature_matches():
    """The corpus test above is not empty: most signatures match somewhere in it."""
    texts = ["\n".join(_lines(p.read_text(encoding="utf-8"))) for p in STORIES]
    matched = {
        sig.id
        for sig in SIGNATURES
        if any(compile_pattern(sig.pattern, multiline=True).search(t) for t in texts)
    }
    assert len(matched) >= len(SIGNATURES) // 2


@given(agency_stories())
def test_hints_hold_in_every_agency_grammar(story: AgencyStory):
    """Datelines and bylines written in each agency's grammar: hints hold, detection agrees."""
    _check(story.text)


@given(
    st.one_of(
        aa_stories().map(lambda s: s.text),
        wrapped_stories().map(lambda s: s.wrapped),
        noisy_stories().map(lambda s: s[0]),
        mutated_stories(),
    )
)
def test_hints_hold_on_other_stories(text: str):
    """Generated stories of other kinds: hints hold, detection agrees."""
    _check(text)


_HINT_WORDS = ("(AFP)", "AFP", "FP)", "P", "(A", "dpa", "dpa-infocom,", "pa-", "aa", "aaa")


@given(st.text(alphabet="(AFPdpa-infocm,)x \n", max_size=60))
def test_one_scan_finds_every_hint(text: str):
    """The single scan reports every hint that occurs, overlapping or nested ones too."""
    profile = Profile(
        name="overlap",
        signatures=[Signature(id="overlap.s", pattern="x", hint=_HINT_WORDS)],
    )
    plan = _Plan((profile,))
    assert plan.present(text)[0] == {word for word in _HINT_WORDS if word in text}


def test_a_profile_without_hints_is_always_tried():
    """A user's signature without hint is searched as before."""
    profile = Profile(
        name="gazette",
        signatures=[Signature(id="gazette.dateline", pattern=r"^\p{Lu}++ \(GZT\) -")],
    )
    assert detect(["PORTVILLE (GZT) - Ferries run late."], [profile]) == profile
    hinted = attrs.evolve(
        profile,
        signatures=[attrs.evolve(profile.signatures[0], hint=("(GZT)",))],
    )
    assert detect(["PORTVILLE (GZT) - Ferries run late."], [hinted]) == hinted
    assert detect(["PORTVILLE (GZ) - Ferries run late."], [hinted]) is None


def test_a_wrong_hint_makes_the_signature_miss():
    """The hint is trusted: one that a match lacks means the pattern is not tried."""
    wrong = Profile(
        name="gazette",
        signatures=[Signature(id="gazette.dateline", pattern=r"\(GZT\) -", hint=("GAZ",))],
    )
    assert detect(["PORTVILLE (GZT) - Ferries run late."], [wrong]) is None


def test_hints_are_validated():
    """An empty hint is refused; a hint must be a list of strings."""
    with pytest.raises(InvalidProfileError, match="hint must not be empty"):
        Signature(id="gazette.s", pattern="x", hint=("",))
    with pytest.raises(TypeError):
        Signature(id="gazette.s", pattern="x", hint="x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hint", "message"),
    [("'x'", "must be list"), ("['']", "must not be empty"), ("[1]", "str items")],
)
def test_hints_are_validated_in_toml(tmp_path: Path, hint: str, message: str):
    """A bad hint in a TOML profile names the file, key and rule."""
    path = tmp_path / "gazette.toml"
    path.write_text(
        f'name = "gazette"\n[[signatures]]\nid = "gazette.s"\npattern = "x"\nhint = {hint}\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidProfileError, match=message) as caught:
        Profile.from_toml(path)
    assert "gazette.s" in str(caught.value)


def test_user_patterns_keep_their_timeout(monkeypatch: pytest.MonkeyPatch):
    """A user's hinted pattern still runs under the timeout; a shipped one needs none."""
    import wireparse._detect as detection  # noqa: PLC0415 - the module whose helper is watched

    calls: list[tuple[str, float | None]] = []
    real = detection.run

    def watched(pattern: regex.Pattern[str], line: str, **kwargs: object) -> object:
        calls.append((str(kwargs["rule_id"]), kwargs["timeout"]))  # type: ignore[arg-type]
        return real(pattern, line, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(detection, "run", watched)
    user = Profile(
        name="gazette",
        signatures=[Signature(id="gazette.dateline", pattern=r"\(GZT\) -", hint=("(GZT)",))],
    )
    assert detect(["PORTVILLE (GZT) - Ferries run late."], [user]) == user
    assert calls == [("gazette.dateline", detection.USER_PATTERN_TIMEOUT)]
    calls.clear()
    reuters = wireparse.get_profile("reuters")
    assert detect(["LONDON (Reuters) - Markets fell."], [reuters]) == reuters
    assert calls == []


def test_hints_nested_deep_are_found():
    """Hints that are prefixes of each other a thousand deep still give one working scan."""
    words = tuple("a" * size for size in range(1, 1200))
    profile = Profile(
        name="deep",
        signatures=[Signature(id="deep.s", pattern="b", hint=words)],
    )
    plan = _Plan((profile,))
    assert plan.present("xx" + "a" * 30 + "b")[0] == set(words[:30])

"""Tests for wireparse.evaluation (evaluate, the report) and ``wireparse eval``."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import wireparse
from wireparse import evaluation
from wireparse._cli import main
from wireparse.evaluation import FIELDS, Check, EvalReport, FieldScore, StoryResult, evaluate
from wireparse.exceptions import CorpusError, InputTypeError, UnknownProfileError
from wireparse.models import Article

SUBSCRIPTION = (
    "Anadolu Agency website contains only a portion of the news stories offered to "
    "subscribers in the AA News Broadcasting System (HAS), and in summarized form. "
    "Please contact us for subscription options."
)

FERRY = f"""\
World

Harbour city opens new ferry line to island villages

Service will cut travel time by half, mayor Selin Ardahan says

Deniz Kaya  | 14.03.2024 - Update : 15.03.2024
Harbour city opens new ferry line to island villages

IZMIR

A new ferry line linking the harbour to three island villages opened on Thursday.

“This line will change daily life for thousands of families,” Ardahan said at the opening ceremony.

Officials expect the service to carry 2,000 passengers a day by summer.

{SUBSCRIPTION}
Related topics
Bu haberi paylaşın
"""

FERRY_LABEL: dict[str, Any] = {
    "source_url": None,
    "agency": "aa",
    "language": "en",
    "truncated": False,
    "section": "World",
    "headline": "Harbour city opens new ferry line to island villages",
    "standfirst": "Service will cut travel time by half, mayor Selin Ardahan says",
    "authors": ["Deniz Kaya"],
    "published": "2024-03-14",
    "updated": "2024-03-15",
    "dateline": {"location": "IZMIR", "agency": None, "date": None},
    "body_first": (
        "A new ferry line linking the harbour to three island villages opened on Thursday."
    ),
    "body_last": "Officials expect the service to carry 2,000 passengers a day by summer.",
    "body_paragraphs": 3,
    "noise": [
        "Harbour city opens new ferry line to island villages",
        SUBSCRIPTION,
        "Related topics",
        "Bu haberi paylaşın",
    ],
    "quotes": [
        {
            "text": "“This line will change daily life for thousands of families,”",
            "speaker": "Ardahan",
        }
    ],
}

LIGHTHOUSE = """\
Lighthouse keepers return to remote northern rock

OSLO, March 3 (Nordwire) - Two keepers moved back on Monday.

The lighthouse was automated in 1987.
"""

LIGHTHOUSE_LABEL: dict[str, Any] = {
    "agency": None,
    "language": "en",
    "headline": "Lighthouse keepers return to remote northern rock",
    "standfirst": None,
    "authors": [],
    "published": None,
    "updated": None,
    "dateline": {"location": "OSLO", "agency": "Nordwire", "date": "March 3"},
    "body_first": "Two keepers moved back on Monday.",
    "body_last": "The lighthouse was automated in 1987.",
    "body_paragraphs": 2,
    "noise": [],
    "quotes": [],
}


def label(base: dict[str, Any], *drop: str, **changes: Any) -> dict[str, Any]:
    """Return a copy of *base* without the keys *drop* and with *changes*."""
    out = {key: value for key, value in base.items() if key not in drop}
    out.update(changes)
    return out


def add_story(folder: Path, name: str, text: str, data: Any) -> None:
    """Write NAME.txt and NAME.json into *folder*."""
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def run_one(folder: Path, text: str, data: dict[str, Any]) -> EvalReport:
    """Score a corpus of one story."""
    add_story(folder, "story", text, data)
    return evaluate(folder)


def dropped(report: EvalReport) -> set[str]:
    """Return the names of the fields that are not fully right."""
    return {score.name for score in report.fields if score.right < score.total}


def fake_parse(monkeypatch: pytest.MonkeyPatch, article: Article) -> None:
    """Make evaluate see *article* whatever the text."""
    monkeypatch.setattr(evaluation, "parse", lambda _text, profile=None: article)  # noqa: ARG005


@pytest.fixture(name="ferry")
def _ferry() -> Article:
    return wireparse.parse(FERRY)


class TestPerfectParse:
    def test_every_scored_field_is_right(self, tmp_path):
        """A story the parser gets fully right scores 1.0 on every field, each scored."""
        report = run_one(tmp_path, FERRY, FERRY_LABEL)
        assert [score.name for score in report.fields] == list(FIELDS)
        assert all(score.ratio == 1.0 for score in report.fields)
        assert all(score.total >= 1 for score in report.fields)
        assert report.field("noise").total == 4
        assert report.failures == ()
        assert report.stories[0].ok

    def test_tagged_dateline_without_byline(self, tmp_path):
        """Dateline parts, empty authors and null dates are all right on a tagged story."""
        report = run_one(tmp_path, LIGHTHOUSE, LIGHTHOUSE_LABEL)
        assert dropped(report) == set()
        assert report.field("dateline.date").total == 1
        assert report.field("authors").right == 1

    def test_checks_follow_the_field_order(self, tmp_path):
        """Within a story the checks come in the order of FIELDS."""
        report = run_one(tmp_path, FERRY, FERRY_LABEL)
        order = [FIELDS.index(check.field) for check in report.stories[0].checks]
        assert order == sorted(order)


class TestMissesCountWhereTheyBelong:
    def test_wrong_headline(self, tmp_path):
        """A headline that differs drops only the headline score."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, headline="Ferry line opens"))
        assert dropped(report) == {"headline"}
        (check,) = report.stories[0].failed
        assert check == Check(
            field="headline",
            ok=False,
            expected='"Ferry line opens"',
            found='"Harbour city opens new ferry line to island villages"',
        )

    def test_whitespace_is_collapsed(self, tmp_path):
        """Text compares equal whatever its whitespace runs and ends."""
        headline = "  Harbour city opens\nnew ferry  line to island villages "
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, headline=headline))
        assert dropped(report) == set()

    def test_noise_line_left_as_a_paragraph(self, tmp_path, monkeypatch, ferry):
        """A noise line kept as a body paragraph drops only the noise score."""
        body = (ferry.body[0], "Related topics", *ferry.body[1:])
        fake_parse(monkeypatch, attrs.evolve(ferry, body=body))
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, "body_paragraphs"))
        assert dropped(report) == {"noise"}
        assert report.field("noise") == FieldScore(name="noise", right=3, total=4)
        (check,) = report.stories[0].failed
        assert check.found == "in body[1]"

    def test_noise_inside_a_paragraph(self, tmp_path, monkeypatch, ferry):
        """A noise line glued into a body paragraph counts as a noise miss."""
        body = (ferry.body[0], ferry.body[1] + "  Bu haberi\npaylaşın", ferry.body[2])
        fake_parse(monkeypatch, attrs.evolve(ferry, body=body))
        report = run_one(tmp_path, FERRY, FERRY_LABEL)
        assert dropped(report) == {"noise"}
        assert report.field("noise").right == 3

    def test_a_tag_that_is_also_a_word_of_the_body(self, tmp_path):
        """A topic tag removed from the tail is right though a body sentence holds its word."""
        text = FERRY.replace("Related topics\n", "Related topics\nIZMIR\nferry\n")
        data = label(FERRY_LABEL, noise=[*FERRY_LABEL["noise"], "ferry"])
        report = run_one(tmp_path, text, data)
        assert report.field("noise") == FieldScore(name="noise", right=5, total=5)

    def test_a_tag_glued_into_the_body_is_a_miss(self, tmp_path, monkeypatch, ferry):
        """The body holds the tag more often than the other lines do: it went into the body."""
        text = FERRY.replace("Related topics\n", "Related topics\nferry\n")
        body = (*ferry.body[:-1], ferry.body[-1] + " ferry")
        fake_parse(monkeypatch, attrs.evolve(ferry, body=body))
        data = label(FERRY_LABEL, "body_last", noise=[*FERRY_LABEL["noise"], "ferry"])
        report = run_one(tmp_path, text, data)
        assert report.field("noise") == FieldScore(name="noise", right=4, total=5)

    def test_missing_quote(self, tmp_path):
        """A labelled quote the parse does not find drops both quotes and speakers."""
        extra = {"text": "We will add a night boat", "speaker": "Ardahan"}
        data = label(FERRY_LABEL, quotes=[*FERRY_LABEL["quotes"], extra])
        report = run_one(tmp_path, FERRY, data)
        assert dropped(report) == {"quotes", "speakers"}
        assert report.field("quotes") == FieldScore(name="quotes", right=1, total=2)
        assert report.field("speakers") == FieldScore(name="speakers", right=1, total=2)
        found = {check.field: check.found for check in report.stories[0].failed}
        assert found == {"quotes": "not found", "speakers": "quote not found"}

    def test_wrong_speaker(self, tmp_path):
        """A found quote with the wrong speaker drops only the speakers score."""
        quotes = [{"text": FERRY_LABEL["quotes"][0]["text"], "speaker": "Deniz Kaya"}]
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, quotes=quotes))
        assert dropped(report) == {"speakers"}
        (check,) = report.stories[0].failed
        assert check.expected == ('"Deniz Kaya" for "This line will change daily life for tho…"')
        assert check.found == '"Selin Ardahan"'

    @pytest.mark.parametrize(
        ("speaker", "ok"),
        [
            ("Selin Ardahan", True),
            ("ardahan", True),
            ("SELIN", True),
            ("Ardah", False),
            ("Ardahan Selin", False),
            (None, False),
        ],
    )
    def test_speaker_is_the_name_or_words_of_it(self, tmp_path, speaker, ok):
        """The label's speaker counts when it is the parsed name or a run of its words."""
        quotes = [{"text": "This line will change daily life for thousands of families"}]
        quotes[0]["speaker"] = speaker
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, quotes=quotes))
        assert report.field("speakers").right == int(ok)
        assert report.field("quotes").right == 1

    def test_quote_text_ignores_edge_punctuation_only(self, tmp_path):
        """Punctuation inside a quote still counts, only the ends are trimmed."""
        quotes = [{"text": "This line will change daily life, for thousands", "speaker": None}]
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, quotes=quotes))
        assert dropped(report) == {"quotes", "speakers"}

    def test_wrong_dateline_part(self, tmp_path):
        """A wrong dateline location drops dateline and dateline.location, not the other parts."""
        dateline = {"location": "ISTANBUL", "agency": None, "date": None}
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, dateline=dateline))
        assert dropped(report) == {"dateline", "dateline.location"}
        assert report.field("dateline.agency").ratio == 1.0

    def test_authors_in_order(self, tmp_path, monkeypatch, ferry):
        """Authors are compared as a list, so the order matters."""
        byline = wireparse.Byline(authors=("Ali Veli", "Deniz Kaya"), raw="x")
        fake_parse(monkeypatch, attrs.evolve(ferry, byline=byline))
        data = label(FERRY_LABEL, authors=["Deniz Kaya", "Ali Veli"])
        assert dropped(run_one(tmp_path, FERRY, data)) == {"authors"}

    def test_paragraph_count(self, tmp_path):
        """A wrong paragraph count drops only body_paragraphs."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, body_paragraphs=4))
        assert dropped(report) == {"body_paragraphs"}

    def test_body_last(self, tmp_path):
        """A wrong last paragraph drops only body_last."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, body_last="The end."))
        assert dropped(report) == {"body_last"}


def _tz(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


class TestDatePrecision:
    @pytest.mark.parametrize(
        "case",
        [
            ("2024-03-14", dt.date(2024, 3, 14), True),
            ("2024-03-14", dt.datetime(2024, 3, 14, 9, 30), True),
            ("2024-03-14", dt.datetime(2024, 3, 14, 23, 0, tzinfo=_tz(3)), True),
            ("2024-03-14", dt.date(2024, 3, 15), False),
            ("2024-03-14T09:30", dt.datetime(2024, 3, 14, 9, 30), True),
            ("2024-03-14T09:30", dt.datetime(2024, 3, 14, 9, 30, 59), True),
            ("2024-03-14T09:30", dt.datetime(2024, 3, 14, 9, 31), False),
            ("2024-03-14T09:30", dt.date(2024, 3, 14), False),
            ("2024-03-14T09:30", dt.datetime(2024, 3, 14, 9, 30, tzinfo=_tz(3)), False),
            ("2024-03-14T09:30+03:00", dt.datetime(2024, 3, 14, 9, 30, tzinfo=_tz(3)), True),
            ("2024-03-14T09:30+03:00", dt.datetime(2024, 3, 14, 9, 30, tzinfo=_tz(2)), False),
            ("2024-03-14T09:30+03:00", dt.datetime(2024, 3, 14, 9, 30), False),
            ("2024-03-14", None, False),
            (None, dt.date(2024, 3, 14), False),
            (None, None, True),
        ],
    )
    def test_published_to_the_label_precision(self, tmp_path, monkeypatch, ferry, case):
        """A date matches to the precision the label gives, offset included when given."""
        wanted, parsed, ok = case
        fake_parse(monkeypatch, attrs.evolve(ferry, published=parsed))
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, published=wanted))
        assert dropped(report) == (set() if ok else {"published"})

    def test_real_parse_with_time(self, tmp_path):
        """A byline time parses to a naive datetime that a time label without offset matches."""
        text = FERRY.replace("14.03.2024 - Update", "14.03.2024 09:30 - Update")
        report = run_one(tmp_path, text, label(FERRY_LABEL, published="2024-03-14T09:30"))
        assert dropped(report) == set()


class TestBlankValues:
    def test_null_needs_none(self, tmp_path):
        """A null label value is wrong when the parse found something."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, standfirst=None))
        assert dropped(report) == {"standfirst"}
        (check,) = report.stories[0].failed
        assert check.expected == "null"

    def test_value_needs_a_value(self, tmp_path):
        """A labelled value is wrong when the parse found None."""
        report = run_one(tmp_path, LIGHTHOUSE, label(LIGHTHOUSE_LABEL, standfirst="Keepers"))
        assert dropped(report) == {"standfirst"}
        assert report.stories[0].failed[0].found == "null"

    def test_empty_authors_without_byline(self, tmp_path):
        """An empty authors list is right when the parse has no byline."""
        report = run_one(tmp_path, LIGHTHOUSE, LIGHTHOUSE_LABEL)
        assert report.field("authors") == FieldScore(name="authors", right=1, total=1)

    def test_empty_authors_with_an_author(self, tmp_path):
        """An empty authors list is wrong when the parse names an author."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, authors=[]))
        assert dropped(report) == {"authors"}
        assert report.stories[0].failed[0].found == '["Deniz Kaya"]'

    def test_null_dateline_needs_none(self, tmp_path, monkeypatch, ferry):
        """A null dateline is right without a dateline, and its parts are not scored."""
        fake_parse(monkeypatch, attrs.evolve(ferry, dateline=None))
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, dateline=None))
        assert dropped(report) == set()
        assert report.field("dateline").total == 1
        assert report.field("dateline.location").total == 0

    def test_null_dateline_with_a_dateline(self, tmp_path):
        """A null dateline is wrong when the parse found one; only dateline drops."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, dateline=None))
        assert dropped(report) == {"dateline"}
        assert report.stories[0].failed[0].found.startswith('{location: "IZMIR"')

    def test_dateline_missing_from_parse(self, tmp_path, monkeypatch, ferry):
        """Without a parsed dateline only the parts the label gives are wrong."""
        fake_parse(monkeypatch, attrs.evolve(ferry, dateline=None))
        report = run_one(tmp_path, FERRY, FERRY_LABEL)
        assert dropped(report) == {"dateline", "dateline.location"}

    def test_empty_body(self, tmp_path, monkeypatch, ferry):
        """A null body_first is right for an empty body."""
        fake_parse(monkeypatch, attrs.evolve(ferry, body=(), quotes=()))
        data = label(FERRY_LABEL, "quotes", body_first=None, body_last=None, body_paragraphs=0)
        assert dropped(run_one(tmp_path, FERRY, data)) == set()


class TestOptionalKeys:
    def test_absent_keys_are_not_scored(self, tmp_path, monkeypatch, ferry):
        """Keys missing from the label are not scored, whatever the parse found."""
        fake_parse(monkeypatch, attrs.evolve(ferry, section=None, body=(*ferry.body, "x")))
        optional = ("section", "standfirst", "published", "updated", "body_last")
        data = label(FERRY_LABEL, *optional, "body_paragraphs", "quotes", "truncated")
        report = run_one(tmp_path, FERRY, data)
        assert dropped(report) == set()
        unscored = {score.name for score in report.fields if score.total == 0}
        assert unscored == {*optional, "body_paragraphs", "quotes", "speakers"}
        assert report.field("quotes").ratio == 1.0


TRUNCATED = """\
Harbour city opens new ferry line to island villages

Share this story

IZMIR (AA) - A new ferry line opened on Thursday.

Related topics
"""


class TestTruncated:
    @pytest.fixture(name="article")
    def _article(self):
        return Article(
            headline="Harbour city opens new ferry line to island villages",
            body=("A new ferry line opened on Thursday.", "Related topics"),
        )

    def _label(self, *, truncated: bool) -> dict[str, Any]:
        return {
            "agency": None,
            "language": None,
            "truncated": truncated,
            "headline": "Harbour city opens new ferry line to island villages",
            "authors": [],
            "dateline": None,
            "body_first": "A new ferry line opened on Thursday.",
            "body_last": "The service starts in May.",
            "noise": ["Share this story", "Related topics"],
        }

    def test_truncated_scores_only_early_noise(self, tmp_path, monkeypatch, article):
        """When truncated, body_last and noise after body_first are not scored."""
        fake_parse(monkeypatch, article)
        report = run_one(tmp_path, TRUNCATED, self._label(truncated=True))
        assert report.field("body_last").total == 0
        assert report.field("noise") == FieldScore(name="noise", right=1, total=1)
        assert dropped(report) == set()

    def test_not_truncated_scores_everything(self, tmp_path, monkeypatch, article):
        """The same story labelled complete scores body_last and every noise line."""
        fake_parse(monkeypatch, article)
        report = run_one(tmp_path, TRUNCATED, self._label(truncated=False))
        assert dropped(report) == {"body_last", "noise"}
        assert report.field("noise") == FieldScore(name="noise", right=1, total=2)


class TestParseErrors:
    def test_raising_story_is_reported_and_the_run_goes_on(self, tmp_path, monkeypatch):
        """A story whose parse raises gets the error and failed checks; others are scored."""
        real = wireparse.parse

        def flaky(text, profile=None):
            if "Lighthouse" in text:
                msg = "boom"
                raise RuntimeError(msg)
            return real(text, profile=profile)

        monkeypatch.setattr(evaluation, "parse", flaky)
        add_story(tmp_path, "a-ferry", FERRY, FERRY_LABEL)
        add_story(tmp_path, "b-lighthouse", LIGHTHOUSE, LIGHTHOUSE_LABEL)
        report = evaluate(tmp_path)
        ferry, lighthouse = report.stories
        assert ferry.ok
        assert lighthouse.error == "RuntimeError: boom"
        assert lighthouse.checks
        assert all(not c.ok and c.found == "(parse failed)" for c in lighthouse.checks)
        assert report.failures == (lighthouse,)
        assert report.field("headline") == FieldScore(name="headline", right=1, total=2)


class TestCorpusErrors:
    def test_missing_folder(self, tmp_path):
        """A folder that does not exist is a CorpusError naming it."""
        with pytest.raises(CorpusError, match="nowhere"):
            evaluate(tmp_path / "nowhere")

    def test_no_pairs(self, tmp_path):
        """A folder without any story and label pair is a CorpusError."""
        (tmp_path / "lone.txt").write_text(FERRY, encoding="utf-8")
        with pytest.raises(CorpusError, match="no story with its label"):
            evaluate(tmp_path)

    def test_invalid_json(self, tmp_path):
        """A label that is not JSON is a CorpusError naming the file."""
        add_story(tmp_path, "story", FERRY, {})
        (tmp_path / "story.json").write_text("{'agency': 'aa'}", encoding="utf-8")
        with pytest.raises(CorpusError, match=r"story\.json: not valid JSON"):
            evaluate(tmp_path)

    @pytest.mark.parametrize(
        "key", ["agency", "language", "headline", "authors", "dateline", "body_first", "noise"]
    )
    def test_missing_required_key(self, tmp_path, key):
        """A label without a required key is a CorpusError naming the file and the key."""
        add_story(tmp_path, "story", FERRY, label(FERRY_LABEL, key))
        with pytest.raises(CorpusError, match=rf"story\.json: missing required key\(s\): {key}"):
            evaluate(tmp_path)

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("authors", "Deniz Kaya"),
            ("published", "14 March 2024"),
            ("published", "2024-02-30"),
            ("dateline", {"location": "IZMIR"}),
            ("noise", ["Related topics", "  "]),
            ("quotes", [{"text": "This line"}]),
            ("quotes", [{"text": "“”", "speaker": None}]),
            ("body_paragraphs", "3"),
            ("truncated", "no"),
        ],
    )
    def test_malformed_value(self, tmp_path, key, value):
        """A label value of the wrong shape is a CorpusError naming the file and the key."""
        add_story(tmp_path, "story", FERRY, label(FERRY_LABEL, **{key: value}))
        with pytest.raises(CorpusError, match=rf"story\.json: key '{key}'"):
            evaluate(tmp_path)

    def test_label_not_an_object(self, tmp_path):
        """A label that is a JSON list is a CorpusError."""
        add_story(tmp_path, "story", FERRY, [FERRY_LABEL])
        with pytest.raises(CorpusError, match="must be a JSON object"):
            evaluate(tmp_path)

    def test_undecodable_story(self, tmp_path):
        """A story that is not UTF-8 is a CorpusError naming the file."""
        add_story(tmp_path, "story", FERRY, FERRY_LABEL)
        (tmp_path / "story.txt").write_bytes(b"\xff\xfe\xfa")
        with pytest.raises(CorpusError, match=r"story\.txt: not UTF-8"):
            evaluate(tmp_path)

    def test_unpaired_files_are_skipped(self, tmp_path):
        """A story without a label, or a label without a story, is skipped and noted."""
        add_story(tmp_path, "story", FERRY, FERRY_LABEL)
        (tmp_path / "draft.txt").write_text(FERRY, encoding="utf-8")
        (tmp_path / "orphan.json").write_text("{}", encoding="utf-8")
        report = evaluate(tmp_path)
        assert report.skipped == ("draft.txt", "orphan.json")
        assert [story.name for story in report.stories] == ["story"]

    def test_unknown_profile(self, tmp_path):
        """An unknown profile name fails before any story is parsed."""
        add_story(tmp_path, "story", FERRY, FERRY_LABEL)
        with pytest.raises(UnknownProfileError):
            evaluate(tmp_path, profile="nosuch")

    def test_profile_of_wrong_type(self, tmp_path):
        """A profile that is neither a Profile, a name nor None is an InputTypeError."""
        add_story(tmp_path, "story", FERRY, FERRY_LABEL)
        with pytest.raises(InputTypeError):
            evaluate(tmp_path, profile=3)  # type: ignore[arg-type]


class TestReport:
    def test_ratio_of_nothing_is_one(self):
        """A field with no checks has the ratio 1.0."""
        assert FieldScore(name="quotes", right=0, total=0).ratio == 1.0
        assert FieldScore(name="quotes", right=1, total=4).ratio == 0.25

    def test_unknown_field(self, tmp_path):
        """Asking for a field that is not scored raises KeyError."""
        report = run_one(tmp_path, FERRY, FERRY_LABEL)
        with pytest.raises(KeyError, match="no field 'body'"):
            report.field("body")

    def test_to_dict_is_plain_json(self, tmp_path):
        """to_dict gives JSON types: fields in order, stories with their checks."""
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, headline="Other"))
        data = json.loads(json.dumps(report.to_dict()))
        assert [item["name"] for item in data["fields"]] == list(FIELDS)
        assert data["fields"][3] == {"name": "headline", "right": 0, "total": 1, "ratio": 0.0}
        (story,) = data["stories"]
        assert (story["name"], story["ok"], story["error"]) == ("story", False, None)
        assert story["checks"][3]["field"] == "headline"
        assert data["skipped"] == []

    def test_values_are_frozen(self):
        """Report values cannot be changed."""
        story = StoryResult(name="x", checks=())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            story.name = "y"  # type: ignore[misc]

    def test_long_texts_are_shown_from_where_they_differ(self, tmp_path):
        """A long mismatch is clipped around its first difference."""
        first = FERRY_LABEL["body_first"].replace("Thursday", "Friday") + " " + "x " * 60
        report = run_one(tmp_path, FERRY, label(FERRY_LABEL, body_first=first))
        (check,) = report.stories[0].failed
        assert check.expected.startswith('"…')
        assert "Friday" in check.expected
        assert "Thursday" in check.found
        assert len(check.expected) < 90


class TTY(io.StringIO):
    def isatty(self):
        return True


class TestCommandLine:
    @pytest.fixture(name="corpus")
    def _corpus(self, tmp_path):
        add_story(tmp_path, "ferry", FERRY, FERRY_LABEL)
        add_story(tmp_path, "lighthouse", LIGHTHOUSE, label(LIGHTHOUSE_LABEL, headline="Keepers"))
        return tmp_path

    def test_table_and_failures(self, corpus, capsys):
        """The table lists every field aligned, then the failed checks, without colour."""
        assert main(["eval", str(corpus)]) == 0
        out = capsys.readouterr().out
        lines = out.splitlines()
        assert lines[0].split() == ["field", "right", "total", "ratio"]
        rows = {line.split()[0]: line.split()[1:] for line in lines[1 : len(FIELDS) + 1]}
        assert list(rows) == list(FIELDS)
        assert rows["headline"] == ["1", "2", "50.0%"]
        assert rows["agency"] == ["2", "2", "100.0%"]
        assert rows["section"] == ["1", "1", "100.0%"]
        assert rows["body_paragraphs"] == ["2", "2", "100.0%"]
        assert len({len(line) for line in lines[: len(FIELDS) + 1]}) == 1
        assert "lighthouse" in lines
        assert '    expected: "Keepers"' in lines
        assert '    found:    "Lighthouse keepers return to remote northern rock"' in lines
        assert lines[-1] == "2 stories, 1 failed"
        assert "\x1b[" not in out

    def test_colour_on_a_terminal(self, corpus, monkeypatch):
        """On a terminal the ratios and failures are coloured, unless NO_COLOR is set."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        out = TTY()
        main(["eval", str(corpus)], stdout=out)
        assert "\x1b[32m100.0%\x1b[0m" in out.getvalue()
        assert "\x1b[31mheadline\x1b[0m" in out.getvalue()
        monkeypatch.setenv("NO_COLOR", "1")
        plain = TTY()
        main(["eval", str(corpus)], stdout=plain)
        assert "\x1b[" not in plain.getvalue()

    def test_json(self, corpus, capsys):
        """--json prints the report's to_dict as JSON."""
        assert main(["eval", str(corpus), "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == evaluate(corpus).to_dict()

    def test_floors_met(self, corpus, capsys):
        """Every field at or above its floor exits 0."""
        assert main(["eval", str(corpus), "--min", "headline=0.5", "--min", "noise=1"]) == 0
        assert capsys.readouterr().err == ""

    def test_floor_missed(self, corpus, capsys):
        """A field below its floor exits 1 and says which."""
        status = main(["eval", str(corpus), "--json", "--min", "headline=0.9", "--min", "noise=1"])
        assert status == 1
        captured = capsys.readouterr()
        assert captured.err == "wireparse: headline is 50.0%, below its floor 90.0%\n"
        json.loads(captured.out)

    @pytest.mark.parametrize("floor", ["body=0.9", "headline", "headline=high", "headline=95"])
    def test_bad_floor_is_a_usage_error(self, corpus, capsys, floor):
        """An unknown field or a bad ratio in --min exits 2."""
        with pytest.raises(SystemExit) as exc:
            main(["eval", str(corpus), "--min", floor])
        assert exc.value.code == 2
        assert "--min" in capsys.readouterr().err

    def test_corpus_error(self, tmp_path, capsys):
        """A malformed corpus prints one line on stderr and exits 2."""
        assert main(["eval", str(tmp_path / "nowhere")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert err.startswith("wireparse: ")

    def test_profile(self, corpus, capsys):
        """--profile takes a built-in name; an unknown one exits 2."""
        assert main(["eval", str(corpus), "--profile", "aa", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["fields"][0]["right"] == 1
        assert main(["eval", str(corpus), "--profile", "nosuch"]) == 2

    def test_parse_error_is_shown(self, corpus, capsys, monkeypatch):
        """A story whose parse raised is listed with the error."""

        def broken(_text, profile=None):  # noqa: ARG001
            msg = "no luck"
            raise ValueError(msg)

        monkeypatch.setattr(evaluation, "parse", broken)
        assert main(["eval", str(corpus)]) == 0
        out = capsys.readouterr().out
        assert "  parse raised ValueError: no luck" in out
        assert "(parse failed)" not in out

    def test_skipped_files_are_noted(self, corpus, capsys):
        """Unpaired files are named in the summary."""
        (corpus / "draft.txt").write_text("x", encoding="utf-8")
        main(["eval", str(corpus)])
        assert capsys.readouterr().out.splitlines()[-1].endswith("skipped (no pair): draft.txt")

"""Hypothesis strategies that build whole wire stories from their parts.

Each strategy returns a :class:`Specimen`: the story's text and the parts it
was built from, so a property can check that ``parse`` gives each part back.
Body words come from :data:`BODY_WORDS`, which ``test_data.py`` proves no
phrase table treats as noise.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen
from hypothesis import strategies as st

from wireparse import get_profile

BODY_WORDS = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "with",
    "was",
    "government",
    "minister",
    "council",
    "talks",
    "agreement",
    "market",
    "prices",
    "river",
    "harbour",
    "budget",
    "election",
    "court",
    "ruling",
    "farmers",
    "exports",
    "weather",
    "storm",
    "vaccine",
    "hospital",
    "railway",
    "bridge",
    "border",
    "village",
    "announced",
    "reported",
    "rose",
    "fell",
    "approved",
    "rejected",
    "opened",
    "closed",
    "yesterday",
    "today",
    "quickly",
    "percent",
    "million",
    "officials",
    "residents",
    "northern",
    "southern",
    "regional",
    "national",
    "new",
    "old",
    "large",
    "small",
)
CAPITAL_WORDS = (
    "Officials",
    "Residents",
    "Farmers",
    "Prices",
    "Talks",
    "The",
    "Regional",
    "National",
    "Exports",
    "Lawmakers",
    "Engineers",
    "Doctors",
    "Teachers",
    "Voters",
)
FIRST_NAMES = (
    "Burç",
    "Ayşe",
    "Şükrü",
    "İlkay",
    "Çağla",
    "Gökhan",
    "Zoë",
    "José",
    "Ahmet",
    "Müge",
    "Jean-Luc",
    "Nuran",
    "Oğuz",
    "Selin",
    "Øystein",
    "Łukasz",
    "Maria",
    "Kenji",
)
SURNAMES = (
    "Eruygur",
    "Öztürk",
    "Yılmaz",
    "Çelik",
    "Şahin",
    "Müller",
    "García",
    "Kowalski",
    "O'Brien",
    "Nakamura",
    "Dubois",
    "al-Hashimi",
    "Abdülkadir",
    "Ndiaye",
    "Ivanova",
)
CITIES = (
    "ISTANBUL",
    "ANKARA",
    "İSTANBUL",
    "Gaziantep",
    "NEW YORK",
    "SÃO PAULO",
    "Şanlıurfa",
    "WASHINGTON",
    "Berlin",
    "ADDIS ABABA",
    "Kuala Lumpur",
    "MOSCOW",
)
TOPIC_WORDS = (
    "Taliban",
    "Russia",
    "Energy",
    "Ankara",
    "Gaza",
    "Ukraine",
    "Climate",
    "Football",
    "Elections",
    "Migration",
    "Oil",
    "Türkiye",
)
AA_FOOTERS = {
    "en": "Anadolu Agency website contains only a portion of the news stories offered to "
    "subscribers in the AA News Broadcasting System (HAS), and in summarized form. "
    "Please contact us for subscription options.",
    "tr": "Anadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere "
    "sunulan haberler, özetlenerek yayımlanmaktadır. Abonelik için lütfen iletişime geçiniz.",
}
RELATED_HEADINGS = {"en": "Related topics", "tr": "İlgili konular"}
SHARE_LINES = {"en": "Share this article", "tr": "Bu haberi paylaşın"}
UPDATE_LABELS = {"en": "Update", "tr": "Güncelleme"}


@frozen(kw_only=True)
class Specimen:
    """A generated story and the parts it was made of."""

    text: str
    section: str | None
    headline: str
    standfirst: str | None
    authors: tuple[str, ...]
    published: dt.date
    updated: dt.date | None
    dateline: str
    body: tuple[str, ...]
    topics: tuple[str, ...]
    noise: tuple[str, ...]


def words(*, min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Lower-case body words joined by spaces."""
    return st.lists(st.sampled_from(BODY_WORDS), min_size=min_size, max_size=max_size).map(" ".join)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One body sentence: a capitalised opener, body words, a full stop."""
    opener = draw(st.sampled_from(CAPITAL_WORDS))
    rest = draw(words(min_size=3, max_size=20))
    comma = draw(st.booleans())
    middle = rest.replace(" ", ", ", 1) if comma and " " in rest else rest
    return f"{opener} {middle}."


def paragraphs() -> st.SearchStrategy[str]:
    """A body paragraph of one to three sentences."""
    return st.lists(sentences(), min_size=1, max_size=3).map(" ".join)


@st.composite
def headlines(draw: st.DrawFn) -> str:
    """A headline: four to twelve words, no closing full stop."""
    opener = draw(st.sampled_from(CAPITAL_WORDS))
    return f"{opener} {draw(words(min_size=3, max_size=11))}"


@st.composite
def names(draw: st.DrawFn) -> str:
    """A person's name, often with non-ASCII letters."""
    first = draw(st.sampled_from(FIRST_NAMES))
    last = draw(st.lists(st.sampled_from(SURNAMES), min_size=1, max_size=2, unique=True))
    return " ".join((first, *last))


def _numeric(day: dt.date, time: dt.time | None) -> str:
    text = day.strftime("%d.%m.%Y")
    return text if time is None else f"{text} {time.strftime('%H:%M')}"


@st.composite
def aa_stories(draw: st.DrawFn, *, language: str | None = None) -> Specimen:
    """An Anadolu Agency web story in the seed's layout, built from random parts.

    Section, standfirst, the repeated headline, the update date, and each
    footer line (boilerplate, related topics with tags, share button) are
    each present or not.
    """
    lang = language or draw(st.sampled_from(("en", "tr")))
    sections = get_profile("aa").sections
    section = draw(st.none() | st.sampled_from(sections))
    headline = draw(headlines())
    # a standfirst that is the headline again is a repeat, and removed as one
    standfirst = draw(st.none() | headlines().filter(lambda line: line != headline))
    authors = tuple(draw(st.lists(names(), min_size=1, max_size=3, unique=True)))
    published = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    pub_time = draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)))
    updated = draw(st.none() | st.integers(0, 30).map(lambda n: published + dt.timedelta(n)))
    city = draw(st.sampled_from(CITIES))
    body = tuple(draw(st.lists(paragraphs(), min_size=1, max_size=8)))
    topics = tuple(draw(st.lists(st.sampled_from(TOPIC_WORDS), max_size=3, unique=True)))
    footer = draw(
        st.fixed_dictionaries(
            {"boiler": st.booleans(), "related": st.booleans(), "share": st.booleans()}
        )
    )
    repeat = draw(st.booleans())
    gap = draw(st.sampled_from(("\n", "\n\n")))
    space = draw(st.sampled_from((" ", "\N{NO-BREAK SPACE} ")))

    joined = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    byline = f"{joined}{space}| {_numeric(published, pub_time)}"
    if updated is not None:
        byline += f" - {UPDATE_LABELS[lang]} : {_numeric(updated, None)}"
    head = [line for line in (section, headline, standfirst) if line is not None]
    lines = [*head, byline]
    noise: list[str] = []
    if repeat:
        lines.append(headline)
        noise.append(headline)
    lines.append(city)
    text = gap.join(lines) + "\n\n" + "\n\n".join(body)
    tail: list[str] = []
    if footer["boiler"]:
        tail.append(AA_FOOTERS[lang])
    if footer["related"]:
        tail.extend((RELATED_HEADINGS[lang], *topics))
    if footer["share"]:
        tail.append(SHARE_LINES[lang])
    noise.extend(line for line in tail if line not in topics)
    if tail:
        text += "\n\n" + "\n".join(tail)
    published_value = published if pub_time is None else dt.datetime.combine(published, pub_time)
    return Specimen(
        text=text,
        section=section,
        headline=headline,
        standfirst=standfirst,
        authors=authors,
        published=published_value,
        updated=updated,
        dateline=city,
        body=body,
        topics=topics if footer["related"] else (),
        noise=tuple(noise),
    )


#: Text with the characters that stress a parser: line breaks of every kind,
#: quote marks, dashes, brackets, bars, digits, controls, bidi and zero-width marks.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                *"\n\r\t |()-_—–“”„«»‹›‘’\"'`./:,;0123456789ABCXYZabc",
                *("\u2028", "\u00a0", "\u200b", "\u200f", "\ufeff", "\x01", "\x02", "\x03"),
            ]
        ),
    ),
    max_size=400,
)


@frozen(kw_only=True)
class WrappedSpecimen:
    """A 1980s-style wire story, one paragraph a line and hard-wrapped at a width."""

    flat: str
    wrapped: str
    headline: str
    authors: tuple[str, ...]
    location: str
    date_text: str
    body: tuple[str, ...]


def _wrap(paragraph: str, width: int) -> list[str]:
    lines: list[str] = []
    current = "    "
    for word in paragraph.split(" "):
        if len(current) + len(word) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = ""
        current += ("" if not current or current.endswith(" ") else " ") + word
    lines.append(current.rstrip())
    return lines


@st.composite
def wrapped_stories(draw: st.DrawFn) -> WrappedSpecimen:
    """A Reuters-21578-style story: upper-case title, optional byline, dateline, body.

    The same story is rendered twice: one paragraph a line, and hard-wrapped at a
    random width with each paragraph's first line indented, as wire terminals did.
    """
    headline = draw(headlines()).upper()
    authors = tuple(draw(st.lists(names(), max_size=2, unique=True)))
    location = draw(st.sampled_from(("SALVADOR", "NEW YORK", "TOKYO", "LA CROSSE, Wis.", "London")))
    month = draw(st.sampled_from(("Feb", "March", "April", "Sept", "Dec")))
    date_text = f"{month} {draw(st.integers(1, 28))}"
    body = tuple(
        draw(
            st.lists(
                st.lists(sentences(), min_size=2, max_size=4).map(" ".join), min_size=1, max_size=6
            )
        )
    )
    width = draw(st.integers(55, 78))
    byline = ["By " + " and ".join(authors) + ", Reuters"] if authors else []
    first = f"{location}, {date_text} - {body[0]}"
    flat = "\n".join([headline, *byline, first, *body[1:], "Reuter"])
    wrapped_lines = [headline, *("    " + b for b in byline)]
    for paragraph in (first, *body[1:]):
        wrapped_lines.extend(_wrap(paragraph, width))
    wrapped_lines.append(" Reuter")
    return WrappedSpecimen(
        flat=flat,
        wrapped="\n".join(wrapped_lines) + "\n",
        headline=headline,
        authors=authors,
        location=location,
        date_text=date_text,
        body=body,
    )


@st.composite
def noise_lines(draw: st.DrawFn, *, tail: bool) -> tuple[list[str], list[str]]:
    """Noise a web page puts around a story, in a random language.

    Returns the lines and, of them, the topic tags (which go to ``topics``,
    not ``removed``). Related-topic blocks with tags are drawn for the tail only.
    """
    from wireparse._phrases import phrase_tables  # noqa: PLC0415

    table = draw(st.sampled_from(sorted(phrase_tables().values(), key=lambda t: t.language)))
    kinds = [
        k
        for k in ("share", "navigation", "related", "read_more", "promo", "credit")
        if table.get(k)
    ]
    lines: list[str] = []
    topics: list[str] = []
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=3)):
        phrases = table.get(kind)
        if kind in ("share", "navigation"):
            bar = draw(st.lists(st.sampled_from(phrases), min_size=1, max_size=4))
            lines.append(draw(st.sampled_from((" | ", "  ", " · "))).join(bar))
        elif kind == "related":
            lines.append(draw(st.sampled_from(phrases)))
            if tail:
                tags = draw(st.lists(st.sampled_from(TOPIC_WORDS), max_size=3, unique=True))
                lines.extend(tags)
                topics.extend(tags)
        else:
            lines.append(f"{draw(st.sampled_from(phrases))} {draw(headlines())}")
    return lines, topics


@st.composite
def noisy_stories(draw: st.DrawFn) -> tuple[str, tuple[str, ...], list[str], list[str]]:
    """A plain story with noise from random languages at its head, tail or both.

    Returns the text, the body, the noise lines and the topic tags.
    """
    headline = draw(headlines())
    body = tuple(draw(st.lists(paragraphs(), min_size=1, max_size=6)))
    where = draw(st.sampled_from(("head", "tail", "both")))
    head, _ = draw(noise_lines(tail=False)) if where in ("head", "both") else ([], [])
    tail, topics = draw(noise_lines(tail=True)) if where in ("tail", "both") else ([], [])
    lines = [*head, headline, *body, *tail]
    text = "\n\n".join(lines)
    noise = [line for line in (*head, *tail) if line not in topics]
    return text, body, noise, topics


#: The quote marks wire copy opens and closes quotations with.
QUOTE_MARKS = (
    ("\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"),
    ("\N{DOUBLE LOW-9 QUOTATION MARK}", "\N{LEFT DOUBLE QUOTATION MARK}"),
    (
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    ),
    ('"', '"'),
    ("\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"),
    ("\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}"),
    ("``", "''"),
)
#: Where the attribution stands: after the quote (speaker or verb first), before it, around it.
ATTRIBUTION_FORMS = ("after", "after-verb-first", "before", "around")


@frozen(kw_only=True)
class QuotedParagraph:
    """A paragraph of quotes and the speaker its attribution names."""

    text: str
    quotes: tuple[str, ...]  # the quoted texts, as extraction should give them
    speaker: str
    form: str


@st.composite
def speakers(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 6) -> tuple[str, ...]:
    """Distinct people, no two sharing a first name or a surname (so none is part of another)."""
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)),
            min_size=min_size,
            max_size=max_size,
            unique_by=(lambda pair: pair[0], lambda pair: pair[1]),
        )
    )
    return tuple(f"{first} {last}" for first, last in pairs)


@st.composite
def quoted_paragraphs(draw: st.DrawFn, *, speaker: str) -> QuotedParagraph:
    """One attributed quotation in a random mark style and attribution form.

    ``“…,” NAME said.`` / ``“…,” said NAME.`` / ``NAME said: “…”`` /
    ``“…,” NAME said, “…”``.
    """
    opening, closing = draw(st.sampled_from(QUOTE_MARKS))
    form = draw(st.sampled_from(ATTRIBUTION_FORMS))
    first = draw(sentences()).removesuffix(".")
    if form == "after":
        return QuotedParagraph(
            text=f"{opening}{first},{closing} {speaker} said.",
            quotes=(first,),
            speaker=speaker,
            form=form,
        )
    if form == "after-verb-first":
        return QuotedParagraph(
            text=f"{opening}{first},{closing} said {speaker}.",
            quotes=(first,),
            speaker=speaker,
            form=form,
        )
    if form == "before":
        return QuotedParagraph(
            text=f"{speaker} said: {opening}{first}.{closing}",
            quotes=(f"{first}.",),
            speaker=speaker,
            form=form,
        )
    second = draw(sentences())
    second = second[0].lower() + second[1:]
    return QuotedParagraph(
        text=f"{opening}{first},{closing} {speaker} said, {opening}{second}{closing}",
        quotes=(first, second),
        speaker=speaker,
        form=form,
    )


#: Pieces of text that stress quote extraction: every mark, names, verbs, sentence ends.
QUOTE_NOISE = (
    *(mark for pair in QUOTE_MARKS for mark in pair),
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
    "\N{SINGLE LOW-9 QUOTATION MARK}",
    "\N{LEFT WHITE CORNER BRACKET}",
    "\N{RIGHT WHITE CORNER BRACKET}",
    "'",
    "`",
    " ",
    " ",
    ", ",
    ". ",
    ": ",
    " - ",
    "\N{EM DASH}",
    "said",
    "told reporters",
    "he",
    "He",
    "Jane Doe",
    "Doe",
    "the ministry",
    "according to",
    "dedi",
    "katanya",
    "заявил",
    "Иван Петров",
    "وقال",
    "说",
    "と述べた",
    "고 말했다",
    "Minister",
    "Reuters",
    "al-",
    "words",
)


def quote_noise(*, max_size: int = 80) -> st.SearchStrategy[str]:
    """Text made of quote marks, names, verbs and sentence ends in any order."""
    return st.lists(st.sampled_from(QUOTE_NOISE), max_size=max_size).map("".join)


#: What scrapers and wire terminals put into text: line breaks of every kind,
#: a byte-order mark, zero-width and bidi marks, transmission control characters.
INSERTIONS = (
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u200e",
    "\u202e",
    "\x01",
    "\x02",
    "\x03",
    "\x1f",
    "\x7f",
    "\t",
    "\u00a0",
)
MARK_CHARS = "\"'“”„«»‹›‘’「」『』`"


@st.composite
def mutated_stories(draw: st.DrawFn) -> str:
    """A generated story, damaged the ways real copy is damaged.

    Lines shuffled, duplicated or dropped; a line cut mid-word; quote marks
    removed or doubled; control, bidi and zero-width characters and odd line
    breaks inserted anywhere.
    """
    source = draw(
        st.one_of(aa_stories().map(lambda s: s.text), wrapped_stories().map(lambda s: s.wrapped))
    )
    lines = source.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        if not lines:
            break
        action = draw(st.sampled_from(("shuffle", "duplicate", "drop", "cut", "marks", "double")))
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        if action == "shuffle":
            lines = draw(st.permutations(lines))
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "drop":
            del lines[at]
        elif action == "cut" and line:
            lines[at] = line[: draw(st.integers(0, len(line)))]
        elif action == "marks":
            lines[at] = "".join(ch for ch in line if ch not in MARK_CHARS)
        else:
            lines[at] = "".join(ch * 2 if ch in MARK_CHARS else ch for ch in line)
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(INSERTIONS)) + text[at:]
    return text

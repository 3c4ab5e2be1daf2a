"""Hypothesis strategies that write datelines and bylines in each agency's own grammar.

Each :class:`Grammar` is the house style of one built-in profile, as
``conventions.md`` records it: the dateline's form, the places and date forms
it uses, and the agency's tag. A drawn :class:`AgencyStory` knows the parts it
was built from, so properties can check that they come back.
"""

from __future__ import annotations

from attrs import frozen
from hypothesis import strategies as st

from strategies import names, paragraphs

EN_MONTHS_REUTERS = (
    "Jan",
    "Feb",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
EN_MONTHS_AP = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
EN_MONTHS_SHORT = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
EN_MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@frozen(kw_only=True)
class Grammar:
    """One agency's dateline grammar."""

    agency: str  # the profile name
    form: str  # with {place}, {date}, {tag}
    places: tuple[str, ...]
    tags: tuple[str, ...]
    months: tuple[str, ...] = ()  # empty: the form has no date
    day_first: bool = False
    year: bool = False
    day_only: bool = False  # the date is the day alone: "MADRID, 21 (EUROPA PRESS)"
    byline: bool = True  # the agency's English copy carries "By NAME" bylines


GRAMMARS = (
    Grammar(
        agency="aa",
        form="{place} ({tag}) - ",
        places=("ANKARA", "ISTANBUL", "GAZİANTEP"),
        tags=("AA",),
        byline=False,
    ),
    Grammar(
        agency="reuters",
        form="{place}, {date} ({tag}) - ",
        places=("KATHMANDU", "NEW YORK", "SAO PAULO"),
        tags=("Reuters",),
        months=EN_MONTHS_REUTERS,
    ),
    Grammar(
        agency="ap",
        form="{place} ({tag}) \N{EM DASH} ",
        places=("CHICAGO", "LA CROSSE, Wis.", "SANTA FE, N.M.", "MEXICO CITY"),
        tags=("AP",),
    ),
    Grammar(
        agency="afp",
        form="{place}, {date} ({tag}) - ",
        places=("STOCKHOLM", "PARIS", "NAIROBI"),
        tags=("AFP",),
        months=EN_MONTHS_SHORT,
        year=True,
    ),
    Grammar(
        agency="xinhua",
        form="{place}, {date} ({tag}) -- ",
        places=("BEIJING", "GAZA", "CARBONDALE, United States"),
        tags=("Xinhua",),
        months=EN_MONTHS_AP,
    ),
    Grammar(
        agency="tass",
        form="{place}, {date}. /{tag}/. ",
        places=("MOSCOW", "ST. PETERSBURG", "VLADIVOSTOK"),
        tags=("TASS",),
        months=EN_MONTHS_LONG,
    ),
    Grammar(
        agency="dpa",
        form="{place} ({tag}) - ",
        places=("Berlin", "Hamburg", "Athen"),
        tags=("dpa",),
    ),
    Grammar(
        agency="efe",
        form="{place}, {date} ({tag}).- ",
        places=("Nueva Delhi", "Tegucigalpa", "Madrid"),
        tags=("EFE",),
        months=("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
        day_first=True,
        byline=False,
    ),
    Grammar(
        agency="ansa",
        form="({tag}) - {place}, {date} - ",
        places=("ROMA", "MILANO", "NAPOLI"),
        tags=("ANSA",),
        months=("GEN", "FEB", "MAR", "APR", "MAG", "GIU", "LUG", "AGO", "SET", "OTT", "NOV", "DIC"),
        day_first=True,
        byline=False,
    ),
    Grammar(
        agency="yonhap",
        form="{place}, {date} ({tag}) -- ",
        places=("SEOUL", "BUSAN", "SEJONG"),
        tags=("Yonhap",),
        months=EN_MONTHS_LONG,
    ),
    Grammar(
        agency="upi",
        form="{place}, {date} ({tag}) -- ",
        places=("WASHINGTON", "MIAMI", "DENVER"),
        tags=("UPI",),
        months=EN_MONTHS_AP,
    ),
    Grammar(
        agency="bernama",
        form="{place}, {date} ({tag}) -- ",
        places=("KUALA LUMPUR", "PUTRAJAYA", "IPOH"),
        tags=("Bernama",),
        months=EN_MONTHS_SHORT,
    ),
    Grammar(
        agency="europapress",
        form="{place}, {date} ({tag}) ",
        places=("MADRID", "SEVILLA", "BARCELONA"),
        tags=("EUROPA PRESS",),
        day_only=True,
        byline=False,
    ),
    Grammar(
        agency="ria",
        form="{place}, {date} \N{EM DASH} {tag}. ",
        places=("МОСКВА", "САНКТ-ПЕТЕРБУРГ", "КАЗАНЬ"),
        tags=("РИА Новости",),
        months=("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
        day_first=True,
        byline=False,
    ),
    Grammar(
        agency="pti",
        form="{place}, {date} ({tag}) ",
        places=("New Delhi", "Mumbai", "Thiruvananthapuram"),
        tags=("PTI",),
        months=EN_MONTHS_SHORT,
        byline=False,
    ),
    Grammar(
        agency="ians",
        form="{place}, {date} ({tag}) ",
        places=("New Delhi", "Dhaka", "Chennai"),
        tags=("IANS",),
        months=EN_MONTHS_SHORT,
        byline=False,
    ),
    Grammar(
        agency="kna",
        form="{place} ({tag}) ",
        places=("Berlin", "Bonn", "Frankfurt am Main"),
        tags=("KNA",),
        byline=False,
    ),
    Grammar(
        agency="kyodo",
        form="{place}, {date} {tag} - ",
        places=("TOKYO", "OSAKA", "KUMAMOTO, Japan"),
        tags=("Kyodo",),
        months=EN_MONTHS_AP,
    ),
    Grammar(
        agency="interfax",
        form="{place}. {date} ({tag}) - ",
        places=("MOSCOW", "MINSK", "ST. PETERSBURG"),
        tags=("Interfax",),
        months=EN_MONTHS_SHORT,
        byline=False,
    ),
    Grammar(
        agency="anp",
        form="{place} ({tag}) - ",
        places=("Amsterdam", "Utrecht", "Den Haag"),
        tags=("ANP",),
        byline=False,
    ),
)


@frozen(kw_only=True)
class AgencyStory:
    """A story written in one agency's grammar, and its parts."""

    text: str
    grammar: Grammar
    location: str
    tag: str
    date_text: str | None
    authors: tuple[str, ...]
    body: tuple[str, ...]


@st.composite
def agency_stories(draw: st.DrawFn, grammar: Grammar | None = None) -> AgencyStory:
    """A headline, perhaps a byline ("By NAME[, Agency]"), a dateline-led body."""
    grammar = grammar or draw(st.sampled_from(GRAMMARS))
    place = draw(st.sampled_from(grammar.places))
    tag = draw(st.sampled_from(grammar.tags))
    date_text = None
    if grammar.day_only:
        date_text = str(draw(st.integers(1, 31)))
    elif grammar.months:
        month = draw(st.sampled_from(grammar.months))
        day = draw(st.integers(1, 28))
        date_text = f"{day} {month}" if grammar.day_first else f"{month} {day}"
        if grammar.year:
            date_text += f", {draw(st.integers(1990, 2030))}"
    dateline = grammar.form.format(place=place, date=date_text, tag=tag)
    body = tuple(draw(st.lists(paragraphs(), min_size=1, max_size=4)))
    authors: tuple[str, ...] = ()
    lines = ["Officials weigh new rules for harbour traffic"]
    if grammar.byline and draw(st.booleans()):
        authors = tuple(draw(st.lists(names(), min_size=1, max_size=2, unique=True)))
        credit = draw(st.sampled_from(("", f", {tag}")))
        lines.append("By " + " and ".join(authors) + credit)
    lines.append(dateline + body[0])
    lines.extend(body[1:])
    return AgencyStory(
        text="\n\n".join(lines),
        grammar=grammar,
        location=place,
        tag=tag,
        date_text=date_text,
        authors=authors,
        body=body,
    )

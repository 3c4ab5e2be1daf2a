"""Agencies' site and feed conventions: photo credits, slugs, sign-offs, page furniture.

Each property writes whole small stories in one agency's house style, with a
line of that agency's furniture built from random names, caption words and
numbers, and checks that the line is removed by the rule that encodes the
convention (its id in ``Article.removed``), while the story's own sentences,
in the agency's language, all stay in the body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

import wireparse
from helpers import accounted
from strategies import (
    BODY_WORDS,
    CAPITAL_WORDS,
    CITIES,
    TOPIC_WORDS,
    headlines,
    names,
    paragraphs,
    words,
)
from wireparse import Article

SOME = settings(max_examples=30, deadline=None)

# Words of our own, per language, that body sentences are made of.
_ZH_WORDS = (
    "今天",
    "当地",
    "有关部门",
    "表示",
    "将",
    "继续",
    "推进",
    "项目",
    "建设",
    "工作",
    "合作",
)
_ZH_NAMES = ("王建国", "李晓宁", "张文斌", "刘海涛", "陈丽华", "杨志强", "赵明亮", "黄春燕")
_JA_WORDS = (
    "政府は",
    "今日",
    "新たな",
    "方針を",
    "明らかにした",
    "関係者によると",
    "計画を",
    "進める",
)
_KO_WORDS = ("정부는", "이날", "새로운", "지원", "방안을", "발표했다", "관계자는", "밝혔다")
_KO_ORGS = ("부산시", "서울시", "국토교통부", "경찰청", "삼성전자", "독자")
_RU_WORDS = ("власти", "города", "заявили", "что", "работы", "продолжатся", "на", "неделе")
_RU_NAMES = ("Иван Петров", "Ольга Смирнова", "Дмитрий Волков", "Анна Соколова")
_TR_WORDS = ("hükümet", "yeni", "karar", "açıkladı", "bakanlık", "yetkilileri", "bugün", "ile")
_IT_WORDS = ("il", "governo", "ha", "annunciato", "oggi", "nuove", "misure", "per", "la", "città")
_ES_WORDS = ("el", "gobierno", "anunció", "hoy", "nuevas", "medidas", "para", "la", "ciudad")
_MS_WORDS = ("kerajaan", "hari", "ini", "mengumumkan", "langkah", "baharu", "bagi", "rakyat")
_DE_WORDS = ("die", "Regierung", "hat", "heute", "neue", "Regeln", "für", "den", "Hafen")
_FR_WORDS = ("le", "gouvernement", "a", "annoncé", "mardi", "de", "nouvelles", "mesures", "pour")
_UK_WORDS = ("уряд", "міста", "заявив", "що", "роботи", "триватимуть", "на", "тижні")
_HI_WORDS = ("सरकार", "ने", "आज", "नई", "योजना", "की", "घोषणा", "है", "और", "के", "लिए")
_AR_WORDS = ("أعلنت", "الحكومة", "اليوم", "عن", "خطة", "جديدة", "في", "المدينة", "من")


def _sentence(
    vocabulary: Sequence[str], joiner: str = " ", end: str = "."
) -> st.SearchStrategy[str]:
    """A sentence of *vocabulary*, its first letter capitalised."""

    def build(parts: list[str]) -> str:
        text = joiner.join(parts)
        return text[:1].upper() + text[1:] + end

    return st.lists(st.sampled_from(vocabulary), min_size=4, max_size=12).map(build)


def _paragraphs(sentence: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Two to four body paragraphs of one to three sentences each."""
    one = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
    return st.lists(one, min_size=2, max_size=4)


EN_BODY = st.lists(paragraphs(), min_size=2, max_size=4)
ZH_BODY = _paragraphs(_sentence(_ZH_WORDS, "", "。")).map(
    lambda ps: [p.replace(" ", "") for p in ps]
)
JA_BODY = _paragraphs(_sentence(_JA_WORDS, "", "。")).map(
    lambda ps: [p.replace(" ", "") for p in ps]
)
KO_BODY = _paragraphs(_sentence(_KO_WORDS))
RU_BODY = _paragraphs(_sentence(_RU_WORDS))
TR_BODY = _paragraphs(_sentence(_TR_WORDS))
IT_BODY = _paragraphs(_sentence(_IT_WORDS))
ES_BODY = _paragraphs(_sentence(_ES_WORDS))
MS_BODY = _paragraphs(_sentence(_MS_WORDS))
DE_BODY = _paragraphs(_sentence(_DE_WORDS))
FR_BODY = _paragraphs(_sentence(_FR_WORDS))
UK_BODY = _paragraphs(_sentence(_UK_WORDS))
HI_BODY = _paragraphs(_sentence(_HI_WORDS, end="।"))
AR_BODY = _paragraphs(_sentence(_AR_WORDS))

# A dateline in each agency's form, and the language its copy is written in here.
DATELINES = {
    "aa": "ANKARA (AA) - ",
    "afp": "PARIS, Jan 21, 2025 (AFP) - ",
    "ansa": "(ANSA) - ROMA, 1 LUG - ",
    "ap": "CHICAGO (AP) \N{EM DASH} ",
    "bernama": "KUALA LUMPUR, Jan 21 (Bernama) -- ",
    "dpa": "Berlin (dpa) - ",
    "efe": "Madrid, 21 ene (EFE).- ",
    "europapress": "MADRID, 21 (EUROPA PRESS) ",
    "ians": "New Delhi, Jan 21 (IANS) ",
    "interfax": "Москва. 21 января. INTERFAX.RU - ",
    "kyodo": "【東京共同】",
    "pti": "New Delhi, Jan 21 (PTI) ",
    "reuters": "LONDON, Jan 21 (Reuters) - ",
    "ria": "МОСКВА, 21 янв \N{EM DASH} РИА Новости. ",
    "upi": "WASHINGTON, Jan. 21 (UPI) -- ",
    "xinhua": "BEIJING, June 11 (Xinhua) -- ",
    "xinhua-zh": "新华社北京9月18日电",
    "yonhap": "(서울=연합뉴스) ",
}


_PARTS = frozenset(("head", "above", "middle", "tail"))


def story(
    dateline: str,
    body: Sequence[str],
    *,
    headline: str = "Officials weigh new rules for harbour traffic",
    **parts: Sequence[str],
) -> str:
    """Lay a story out: *head* lines, headline, *above* lines, dateline-led body, *tail*.

    The *middle* lines stand after the first paragraph.
    """
    assert set(parts) <= _PARTS
    head, above, middle, tail = (parts.get(k, ()) for k in ("head", "above", "middle", "tail"))
    lines = [*head, headline, *above, dateline + body[0], *middle, *body[1:], *tail]
    return "\n\n".join(lines)


def removed_by(article: Article, line: str) -> str | None:
    """Return the id of the rule that removed *line*, or None."""
    return next((r.rule for r in article.removed if r.text == line), None)


def check(
    text: str, profile: str, body: Sequence[str], noise: dict[str, str], headline: str
) -> Article:
    """Parse *text* with *profile*: each *noise* line goes by its rule, the story stays whole."""
    article = wireparse.parse(text, profile=profile)
    for line, rule in noise.items():
        assert removed_by(article, line) == rule, (
            line,
            [(r.text, r.rule) for r in article.removed],
        )
    assert article.body == tuple(body)
    assert article.headline == headline
    assert accounted(text, article)
    return article


EN_CAPTION = st.builds(
    lambda opener, rest, day: f"{opener} {rest} in Chicago, Jan. {day}, 2025.",
    st.sampled_from(CAPITAL_WORDS),
    words(min_size=3, max_size=12),
    st.integers(1, 28),
)


@st.composite
def placed(draw: st.DrawFn, line: str) -> dict[str, list[str]]:
    """A caption line above the first paragraph or after it."""
    return {draw(st.sampled_from(("above", "middle"))): [line]}


class TestPhotoCredits:
    """A caption that closes with the agency's photo credit is removed as a caption."""

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION, names())
    def test_ap(self, data, body, headline, caption, name):
        """'... (AP Photo/Name)', with ', File', or '(AP Photo)' alone."""
        credit = data.draw(
            st.sampled_from((f"(AP Photo/{name})", f"(AP Photo/{name}, File)", "(AP Photo)"))
        )
        line = f"{caption} {credit}"
        text = story(DATELINES["ap"], body, headline=headline, **data.draw(placed(line)))
        check(text, "ap", body, {line: "ap.photo_credit"}, headline)

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION, names())
    def test_xinhua(self, data, body, headline, caption, name):
        """'... (Xinhua/Name)', '(Photo by Name/Xinhua)'."""
        credit = data.draw(st.sampled_from((f"(Xinhua/{name})", f"(Photo by {name}/Xinhua)")))
        line = f"{caption} {credit}"
        text = story(DATELINES["xinhua"], body, headline=headline, **data.draw(placed(line)))
        check(text, "xinhua", body, {line: "xinhua.caption"}, headline)

    @SOME
    @given(st.data(), ZH_BODY, _sentence(_ZH_WORDS, "", "。"))
    def test_xinhua_zh(self, data, body, caption):
        """'…。新华社记者 名 摄' (one or several names), '…。新华社发（名 摄）'."""
        people = data.draw(
            st.lists(st.sampled_from(_ZH_NAMES), min_size=1, max_size=3, unique=True)
        )
        credit = data.draw(
            st.sampled_from((f"新华社记者 {'、'.join(people)} 摄", f"新华社发（{people[0]} 摄）"))
        )
        line = caption.replace(" ", "") + credit
        headline = "某地推进重点项目建设"
        text = story(DATELINES["xinhua-zh"], body, headline=headline, **data.draw(placed(line)))
        check(text, "xinhua", body, {line: "xinhua.caption"}, headline)

    @SOME
    @given(st.data(), ES_BODY, _sentence(_ES_WORDS), names())
    def test_efe(self, data, body, caption, name):
        """'... EFE/Name', '... EFE/EPA/NAME'."""
        credit = data.draw(st.sampled_from((f"EFE/{name}", f"EFE/EPA/{name.upper()}")))
        line = f"{caption} {credit}"
        headline = "El Gobierno anuncia nuevas medidas para la ciudad"
        text = story(DATELINES["efe"], body, headline=headline, **data.draw(placed(line)))
        check(text, "efe", body, {line: "efe.caption"}, headline)

    @SOME
    @given(st.data(), IT_BODY, _sentence(_IT_WORDS, end=""))
    def test_ansa(self, data, body, caption):
        """'... - RIPRODUZIONE RISERVATA'."""
        line = f"{caption} - RIPRODUZIONE RISERVATA"
        headline = "Il governo annuncia nuove misure per la città"
        text = story(DATELINES["ansa"], body, headline=headline, **data.draw(placed(line)))
        check(text, "ansa", body, {line: "ansa.caption"}, headline)

    @SOME
    @given(st.data(), TR_BODY, _sentence(_TR_WORDS, end=""), names())
    def test_aa(self, data, body, caption, name):
        """'... Fotoğraf: Name/AA'."""
        line = f"{caption} Fotoğraf: {name}/AA"
        headline = "Hükümet yeni kararı açıkladı"
        text = story(DATELINES["aa"], body, headline=headline, **data.draw(placed(line)))
        check(text, "aa", body, {line: "aa.photo_credit"}, headline)

    @SOME
    @given(st.data(), KO_BODY)
    def test_yonhap(self, data, body):
        """'[기관 제공. 재판매 및 DB 금지]', '[연합뉴스 자료사진]'."""
        org = data.draw(st.sampled_from(_KO_ORGS))
        line = data.draw(
            st.sampled_from((f"[{org} 제공. 재판매 및 DB 금지]", "[연합뉴스 자료사진]"))
        )
        headline = "정부, 새로운 지원 방안 발표"
        text = story(DATELINES["yonhap"], body, headline=headline, **data.draw(placed(line)))
        check(text, "yonhap", body, {line: "yonhap.photo_credit"}, headline)

    @SOME
    @given(st.data(), JA_BODY, st.integers(1, 31))
    def test_kyodo_ja(self, data, body, day):
        """'…＝21日、ソウル（共同）', '…＝21日、ワシントン（ロイター＝共同）'."""
        place = data.draw(st.sampled_from(("ソウル", "東京都内", "ワシントン", "北京")))
        source = data.draw(st.sampled_from(("共同", "ロイター＝共同")))
        line = f"記者会見する関係者＝{day}日、{place}（{source}）"
        headline = "政府、新たな方針を発表"
        text = story(DATELINES["kyodo"], body, headline=headline, **data.draw(placed(line)))
        check(text, "kyodo", body, {line: "kyodo.caption_ja"}, headline)

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION, st.integers(2000, 2030))
    def test_bernama(self, data, body, headline, caption, year):
        """'... --fotoBERNAMA (2025) COPYRIGHT RESERVED', Malay 'HAK CIPTA TERPELIHARA'."""
        notice = data.draw(st.sampled_from(("COPYRIGHT RESERVED", "HAK CIPTA TERPELIHARA")))
        line = f"{caption} --fotoBERNAMA ({year}) {notice}"
        text = story(DATELINES["bernama"], body, headline=headline, **data.draw(placed(line)))
        check(text, "bernama", body, {line: "bernama.photo_credit"}, headline)

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION, names())
    def test_reuters(self, data, body, headline, caption, name):
        """'[Item 1 of N] ... REUTERS/Name[/File Photo] Purchase Licensing Rights, opens new tab'."""
        items = data.draw(st.integers(2, 9))
        item = data.draw(st.sampled_from(("", f"Item 1 of {items} ")))
        end = data.draw(
            st.sampled_from(
                ("", "/File Photo", "/File Photo Purchase Licensing Rights, opens new tab")
            )
        )
        line = f"{item}{caption} REUTERS/{name}{end}"
        text = story(DATELINES["reuters"], body, headline=headline, **data.draw(placed(line)))
        check(text, "reuters", body, {line: "reuters.photo_credit"}, headline)

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION, names())
    def test_upi(self, data, body, headline, caption, name):
        """'... File Photo by Name/UPI | License Photo'."""
        line = f"{caption} File Photo by {name}/UPI | License Photo"
        text = story(DATELINES["upi"], body, headline=headline, **data.draw(placed(line)))
        check(text, "upi", body, {line: "upi.caption"}, headline)


_SLUG_WORDS = ("politics", "vote", "strike", "mining", "accident", "eau", "sécheresse", "economy")
_SLUG_PLACES = ("France", "Chile", "US", "Mideast", "Ukraine", "Football")


class TestFeedSlugsAndHeaders:
    """Feed copy opens with slugs and headers: removed as slugs, the headline under them kept."""

    @SOME
    @given(
        EN_BODY,
        headlines(),
        st.sampled_from(_SLUG_PLACES),
        st.lists(st.sampled_from(_SLUG_WORDS), min_size=1, max_size=4),
    )
    def test_afp_slug(self, body, headline, place, keywords):
        """'Chile-mining-accident', 'France-agriculture-eau-sécheresse', 'France-strike'."""
        line = "-".join((place, *keywords))
        text = story(DATELINES["afp"], body, headline=headline, head=[line])
        check(text, "afp", body, {line: "afp.slug"}, headline)

    @SOME
    @given(
        st.data(),
        DE_BODY,
        st.lists(
            st.sampled_from(("Schifffahrt", "Häfen", "Hamburg", "Verkehr", "Bahn")),
            min_size=1,
            max_size=4,
        ),
    )
    def test_iptc7901_header_and_slugline(self, data, body, keywords):
        """'dpa0187 4 wi 412 vvvvb dpa', then the slugline 'Schifffahrt/Häfen/Hamburg/'."""
        agency = data.draw(st.sampled_from(("dpa", "kna")))
        number, priority, count = (
            data.draw(st.integers(*r)) for r in ((0, 9999), (1, 6), (20, 2000))
        )
        category = data.draw(st.sampled_from(("wi", "pl", "vm", "sp", "ku")))
        source = {"dpa": "dpa", "kna": "bkn"}[agency]
        header = f"{source}{number:04d} {priority} {category} {count} vvvvb {agency.upper()}"
        slug = "/".join(keywords) + "/"
        headline = "Hamburger Hafen meldet wieder mehr Container"
        dateline = {"dpa": DATELINES["dpa"], "kna": "Bonn (KNA) "}[agency]
        text = story(dateline, body, headline=headline, head=[header, slug])
        rules = {header: f"{agency}.iptc7901_header", slug: f"{agency}.iptc7901_slug"}
        check(text, agency, body, rules, headline)

    @SOME
    @given(
        st.data(),
        EN_BODY,
        headlines(),
        st.lists(
            st.sampled_from(("POWER", "TARIFF", "RBI", "POLICY", "RAIN", "COURT")),
            min_size=1,
            max_size=3,
        ),
    )
    def test_pti_codes(self, data, body, headline, keywords):
        """'DEL38' and 'PB-POWER-TARIFF', on two lines or one."""
        bureau = data.draw(st.sampled_from(("DEL", "MUM", "CAL", "MDS", "BOM", "LGD")))
        number = data.draw(st.integers(1, 99))
        desk = data.draw(st.sampled_from(("PB", "UP", "BIZ", "DEL", "FGN")))
        code, slug = f"{bureau}{number}", "-".join((desk, *keywords))
        if data.draw(st.booleans()):
            head = {code: "pti.slug", slug: "pti.slug"}
        else:
            head = {f"{code} {slug}": "pti.slug"}
        text = story(DATELINES["pti"], body, headline=headline, head=list(head))
        check(text, "pti", body, head, headline)

    @given(st.sampled_from(("Asia-Pacific", "Russia-Ukraine", "Science-Technology")), EN_BODY)
    def test_a_section_label_is_no_afp_slug(self, label, body):
        """One hyphen between capitalised words is a section label, not a slug."""
        article = wireparse.parse(story(DATELINES["afp"], body, head=[label]), profile="afp")
        assert removed_by(article, label) is None


class TestSignoffsAndTrailers:
    """End marks, trailers and page furniture are removed by the agency's rule."""

    @SOME
    @given(KO_BODY)
    def test_yonhap_korean_end_mark(self, body):
        """Korean copy ends '(끝)' where English copy ends '(END)'."""
        headline = "정부, 새로운 지원 방안 발표"
        text = story(DATELINES["yonhap"], body, headline=headline, tail=["minsu@yna.co.kr", "(끝)"])
        check(
            text,
            "yonhap",
            body,
            {"(끝)": "yonhap.end", "minsu@yna.co.kr": "yonhap.email"},
            headline,
        )

    @SOME
    @given(
        ES_BODY,
        st.lists(st.sampled_from(("foto", "vídeo", "audio", "fotos")), min_size=1, max_size=3),
    )
    def test_efe_media(self, body, media):
        """'(foto)(vídeo)' alone on the last line."""
        line = "".join(f"({m})" for m in media)
        headline = "El Gobierno anuncia nuevas medidas"
        text = story(DATELINES["efe"], body, headline=headline, tail=[line])
        check(text, "efe", body, {line: "efe.media"}, headline)

    @SOME
    @given(IT_BODY, st.sampled_from(("Riproduzione riservata", "RIPRODUZIONE RISERVATA")))
    def test_ansa_copyright_in_either_case(self, body, notice):
        """'Riproduzione riservata © Copyright ANSA' as well as in capitals."""
        line = f"{notice} © Copyright ANSA"
        headline = "Il governo annuncia nuove misure"
        text = story(DATELINES["ansa"], body, headline=headline, tail=[line])
        check(text, "ansa", body, {line: "ansa.copyright"}, headline)

    @SOME
    @given(EN_BODY, headlines(), st.sampled_from(("huaxia", "Liu Xin", "Wang Ming")))
    def test_xinhua_source_and_editor_under_the_headline(self, body, headline, editor):
        """'Source: Xinhua' and 'Editor: huaxia' under the headline; 'Enditem' at the end."""
        lines = {"Source: Xinhua": "xinhua.source", f"Editor: {editor}": "xinhua.editor"}
        text = story(
            DATELINES["xinhua"], body, headline=headline, above=list(lines), tail=["Enditem"]
        )
        check(text, "xinhua", body, {**lines, "Enditem": "xinhua.enditem"}, headline)

    @SOME
    @given(
        ZH_BODY, st.sampled_from(_ZH_NAMES), st.sampled_from(("字体：小 中 大", "字体：大 中 小"))
    )
    def test_xinhua_zh_page_tools_and_editor(self, body, editor, font):
        """'字体：小 中 大' under the date line, '责任编辑：名' (with or without brackets) at the end."""
        signed = f"责任编辑：{editor}"
        headline = "某地推进重点项目建设"
        text = story(DATELINES["xinhua-zh"], body, headline=headline, above=[font], tail=[signed])
        check(
            text, "xinhua", body, {font: "xinhua.font_size", signed: "xinhua.editor_zh"}, headline
        )

    @SOME
    @given(st.data(), RU_BODY)
    def test_ria_page_links(self, data, body):
        """'Медиабанк' and 'Читать ria.ru в' under the lead photo."""
        read_in = data.draw(st.sampled_from(("Читать ria.ru в", "Читать ria.ru в Telegram")))
        lines = {"Медиабанк": "ria.mediabank", read_in: "ria.read_in"}
        headline = "Власти города заявили о новых работах"
        text = story(DATELINES["ria"], body, headline=headline, above=list(lines))
        check(text, "ria", body, lines, headline)

    @SOME
    @given(RU_BODY, st.sampled_from(("Telegram", "VK", "Дзен")))
    def test_interfax_channel_link(self, body, service):
        """'Подписаться на "Интерфакс" в Telegram'."""
        line = f'Подписаться на "Интерфакс" в {service}'
        headline = "Власти города заявили о новых работах"
        text = story(DATELINES["interfax"], body, headline=headline, tail=[line])
        check(text, "interfax", body, {line: "interfax.subscribe"}, headline)

    @SOME
    @given(TR_BODY, st.sampled_from(("kanallarını", "kanalını")))
    def test_aa_whatsapp_blurb(self, body, channel):
        """'📲 Haberler artık cebinizde' and 'AA'nın WhatsApp kanallarını takip edin, ...'."""
        lines = {
            "\N{MOBILE PHONE WITH RIGHTWARDS ARROW AT LEFT} Haberler artık cebinizde": "aa.whatsapp",
            f"AA'nın WhatsApp {channel} takip edin, gelişmelerden anında haberdar olun.": "aa.whatsapp",
        }
        headline = "Hükümet yeni kararı açıkladı"
        text = story(DATELINES["aa"], body, headline=headline, middle=list(lines))
        check(text, "aa", body, lines, headline)

    @SOME
    @given(EN_BODY, headlines())
    def test_bernama_sign_off_and_app_promotion(self, body, headline):
        """'-- BERNAMA', then 'Download the Bernama Apps'."""
        lines = {"-- BERNAMA": "bernama.trailer", "Download the Bernama Apps": "bernama.apps"}
        text = story(DATELINES["bernama"], body, headline=headline, tail=list(lines))
        check(text, "bernama", body, lines, headline)

    @SOME
    @given(
        EN_BODY,
        headlines(),
        st.sampled_from(("Power Up", "Daily Briefing", "Sustainable Switch")),
        words(min_size=3, max_size=10),
    )
    def test_reuters_newsletter(self, body, headline, title, blurb):
        """'The Reuters Power Up newsletter provides ... Sign up here.' inside the story."""
        line = f"The Reuters {title} newsletter {blurb}. Sign up here."
        text = story(DATELINES["reuters"], body, headline=headline, middle=[line])
        check(text, "reuters", body, {line: "reuters.newsletter"}, headline)

    @SOME
    @given(JA_BODY)
    def test_kyodo_name_line(self, body):
        """'共同通信' alone under the date line of a Japanese page."""
        headline = "政府、新たな方針を発表"
        text = story(DATELINES["kyodo"], body, headline=headline, above=["共同通信"])
        check(text, "kyodo", body, {"共同通信": "kyodo.source"}, headline)

    @SOME
    @given(
        st.sampled_from(("ians", "dpa", "reuters")),
        st.sampled_from(("Tags", "Topics", "Keywords", "Schlagwörter", "Themen")),
        st.lists(st.sampled_from(TOPIC_WORDS), min_size=1, max_size=5, unique=True),
        EN_BODY,
        headlines(),
    )
    def test_tag_line(self, agency, heading, topics, body, headline):
        """A related-topics heading with its topics after a colon, at the end: 'Tags: a, b'."""
        line = f"{heading}: {', '.join(topics)}"
        text = story(DATELINES[agency], body, headline=headline, tail=[line, "Share this story"])
        check(text, agency, body, {line: "generic.tag_line"}, headline)


class TestPhrases:
    """Buttons and headings added to the phrase tables."""

    @SOME
    @given(ES_BODY)
    def test_spanish_comment_button(self, body):
        """'Comentar' under the story is a share-bar button."""
        headline = "El Gobierno anuncia nuevas medidas"
        text = story(DATELINES["europapress"], body, headline=headline, tail=["Comentar"])
        check(text, "europapress", body, {"Comentar": "phrases.es.share"}, headline)

    @SOME
    @given(
        st.sampled_from(("Suggested Topics:", "Latest Headlines", "Photos")),
        st.lists(st.sampled_from(TOPIC_WORDS), min_size=1, max_size=4, unique=True),
        EN_BODY,
        headlines(),
    )
    def test_english_related_headings(self, heading, topics, body, headline):
        """'Suggested Topics:', 'Latest Headlines', 'Photos' head the short lines after them."""
        text = story(DATELINES["reuters"], body, headline=headline, tail=[heading, *topics])
        article = check(text, "reuters", body, {heading: "phrases.en.related"}, headline)
        assert article.topics == tuple(topics)

    @given(st.sampled_from(BODY_WORDS))
    def test_the_new_headings_open_no_sentence(self, word):
        """A sentence that opens with the heading's words is no heading."""
        for heading in ("Photos", "Latest Headlines", "Suggested Topics", "Comentar"):
            assert wireparse.parse(f"Headline here\n\n{heading} {word} today.").body


class TestDatelinesAndBylines:
    """Agency forms of datelines and bylines the held-out stories showed."""

    @SOME
    @given(
        EN_BODY, headlines(), st.sampled_from(("Jan", "March", "Sept", "Dec")), st.integers(1, 28)
    )
    def test_reuters_date_only_dateline(self, body, headline, month, day):
        """'March 12 (Reuters) - ...': the place is in the feed's metadata, not the text."""
        text = story(f"{month} {day} (Reuters) - ", body, headline=headline)
        article = check(text, "reuters", body, {}, headline)
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.agency, article.dateline.date_text) == (
            None,
            "Reuters",
            f"{month} {day}",
        )

    @SOME
    @given(RU_BODY, st.sampled_from(_RU_NAMES))
    def test_ria_signed_dateline_names_the_author(self, body, name):
        """'МОСКВА, 21 янв — РИА Новости, Анна Соколова.': the name is the story's author."""
        dateline = f"МОСКВА, 21 янв \N{EM DASH} РИА Новости, {name}. "
        headline = "Власти города заявили о новых работах"
        article = check(story(dateline, body, headline=headline), "ria", body, {}, headline)
        assert article.byline is not None
        assert article.byline.authors == (name,)
        assert article.dateline is not None
        assert article.dateline.agency == "РИА Новости"

    @SOME
    @given(IT_BODY)
    def test_ansa_staff_byline(self, body):
        """'Redazione ANSA' under the headline is a byline that names no person."""
        headline = "Il governo annuncia nuove misure"
        text = story(DATELINES["ansa"], body, headline=headline, above=["Redazione ANSA"])
        article = check(text, "ansa", body, {}, headline)
        assert article.byline is not None
        assert article.byline.authors == ()
        assert article.standfirst is None

    @SOME
    @given(
        HI_BODY,
        st.sampled_from(("कुल्लू", "शिमला", "नई दिल्ली", "मंडी", "पटना")),
        st.integers(1, 28),
        st.sampled_from(("जुलाई", "मार्च", "दिसंबर")),
    )
    def test_ians_hindi_dateline(self, body, place, day, month):
        """'कुल्लू, 15 जुलाई (आईएएनएस)। ...': the Hindi service's form, which tells IANS copy."""
        headline = "सरकार ने नई योजना की घोषणा की"
        text = story(f"{place}, {day} {month} (आईएएनएस)। ", body, headline=headline)
        _read_with_dateline(text, "ians", body, (place, "आईएएनएस", f"{day} {month}"))

    @SOME
    @given(
        UK_BODY,
        st.sampled_from(("ПОЛТАВА", "КИЇВ", "ЛЬВІВ", "ХАРКІВ", "ОДЕСА")),
        st.integers(1, 28),
        st.sampled_from(("травня", "січня", "жовтня")),
    )
    def test_interfax_ukraine_dateline(self, body, place, day, month):
        """'ПОЛТАВА. 14 травня. ІНТЕРФАКС-УКРАЇНА - ...', with the Ukrainian І."""
        headline = "Уряд міста заявив про нові роботи"
        text = story(f"{place}. {day} {month}. ІНТЕРФАКС-УКРАЇНА - ", body, headline=headline)
        _read_with_dateline(text, "interfax", body, (place, "ІНТЕРФАКС-УКРАЇНА", f"{day} {month}"))

    @SOME
    @given(UK_BODY)
    def test_interfax_ukraine_menu_tab(self, body):
        """'Новини', the menu tab above the section at the page's top, is no section."""
        headline = "Уряд міста заявив про нові роботи"
        dateline = "КИЇВ. 14 травня. ІНТЕРФАКС-УКРАЇНА - "
        text = story(dateline, body, headline=headline, head=["Новини", "Економіка"])
        article = check(text, "interfax", body, {"Новини": "interfax.menu"}, headline)
        assert article.section == "Економіка"

    @SOME
    @given(
        EN_BODY,
        headlines(),
        st.sampled_from(("Itarsi", "Sehore", "Mandi", "Kullu")),
        st.sampled_from(("MP", "HP", "UP")),
        st.integers(1, 28),
    )
    def test_pti_place_with_its_state(self, body, headline, place, state, day):
        """'Itarsi (MP), Dec 2 (PTI) ...': the state's abbreviation is part of the place."""
        text = story(f"{place} ({state}), Dec {day} (PTI) ", body, headline=headline)
        article = check(text, "pti", body, {}, headline)
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.date_text) == (
            f"{place} ({state})",
            f"Dec {day}",
        )

    @SOME
    @given(
        AR_BODY,
        st.sampled_from(("تشينغداو", "بكين", "شانغهاي", "هانغتشو")),
        st.integers(1, 28),
        st.sampled_from(("يوليو", "مارس", "أكتوبر")),
    )
    def test_xinhua_arabic_dateline_and_page(self, body, place, day, month):
        """'تشينغداو 21 يوليو 2025 (شينخوا) ...' tells Xinhua copy; the site's name at the top
        is removed and the date beside it read, and the Arabic notice at the end is removed."""
        headline = "الحكومة تعلن عن خطة جديدة في المدينة"
        notice = "حقوق النشر © وكالة أنباء شينخوا. جميع الحقوق محفوظة."
        text = story(
            f"{place} {day} {month} 2025 (شينخوا) ",
            body,
            headline=headline,
            head=["arabic.news.cn"],
            above=["2025-07-21 10:30:45 | arabic.news.cn"],
            tail=[notice],
        )
        article = wireparse.parse(text)
        assert article.agency == "xinhua"
        assert article.body == tuple(body)
        assert article.headline == headline
        assert removed_by(article, "arabic.news.cn") == "xinhua.site"
        assert removed_by(article, notice) == "generic.copyright"
        assert article.published is not None
        assert (article.published.date(), article.published.hour) == (dt.date(2025, 7, 21), 10)
        assert article.dateline is not None
        assert (article.dateline.location, article.dateline.agency, article.dateline.date_text) == (
            place,
            "شينخوا",
            f"{day} {month} 2025",
        )


_HI_INITIALS = ("एसकेपी", "एबीएम", "आरएस", "केआर", "पीएसके", "एसजीके")
_CURRENCIES = ("ringgit", "euros", "yuan", "rupees", "yen")
_HEADINGS_ES = "El Gobierno anuncia nuevas medidas para la ciudad"


class TestEndMatter:
    """What the agencies' pages print under the story: trailers, notes, promotions, links."""

    @SOME
    @given(EN_BODY, headlines(), names(), st.sampled_from(CITIES), words(min_size=3, max_size=10))
    def test_ap_contributors_and_description(self, body, headline, name, city, blurb):
        """'___', 'Associated Press writer NAME in CITY contributed to this report.', then
        'The Associated Press is an independent global news organization ...'."""
        lines = {
            "___": "generic.separator",
            f"Associated Press writer {name} in {city} contributed to this report.": (
                "ap.contributors"
            ),
            f"The Associated Press is an independent global news organization {blurb}.": (
                "ap.about"
            ),
        }
        text = story(DATELINES["ap"], body, headline=headline, tail=list(lines))
        check(text, "ap", body, lines, headline)

    @SOME
    @given(EN_BODY, headlines(), st.sampled_from(("X", "Bluesky", "Instagram", "Threads")))
    def test_dpa_follow_line(self, body, headline, service):
        """'Follow dpa International on X' under the dpa-infocom line."""
        line = f"Follow dpa International on {service}"
        text = story(DATELINES["dpa"], body, headline=headline, tail=[line])
        check(text, "dpa", body, {line: "dpa.follow"}, headline)

    @SOME
    @given(
        EN_BODY,
        headlines(),
        st.tuples(st.floats(0.5, 9999, allow_nan=False), st.sampled_from(_CURRENCIES)),
        names(),
    )
    def test_reuters_currency_note_and_page_end(self, body, headline, rate, name):
        """'($1 = 4.2850 ringgit)', the credit, 'Purchase Licensing Rights', then 'Read Next'
        and another story's headline."""
        note = f"($1 = {rate[0]:.4f} {rate[1]})"
        other = f"{name.split()[-1]} sets June export levy unchanged"
        lines = [note, f"(Reporting by {name}; Editing by {name})", "Purchase Licensing Rights"]
        text = story(
            DATELINES["reuters"], body, headline=headline, tail=[*lines, "Read Next", other]
        )
        check(
            text,
            "reuters",
            body,
            {
                note: "reuters.currency",
                "Purchase Licensing Rights": "reuters.licensing",
                "Read Next": "phrases.en.read_more",
            },
            headline,
        )

    @SOME
    @given(HI_BODY, st.lists(st.sampled_from(_HI_INITIALS), min_size=2, max_size=3, unique=True))
    def test_ians_hindi_trailer(self, body, initials):
        """'--आईएएनएस' and the initials in Devanagari under it: 'एसकेपी/एबीएम'."""
        line = "/".join(initials)
        headline = "सरकार ने नई योजना की घोषणा की"
        text = story("कुल्लू, 15 जुलाई (आईएएनएस)। ", body, headline=headline, tail=["--आईएएनएस", line])
        check(text, "ians", body, {"--आईएएनएस": "ians.trailer", line: "ians.initials"}, headline)

    @SOME
    @given(FR_BODY, st.sampled_from(("Fin", "FIN")))
    def test_xinhua_french_end_mark_and_related(self, body, end):
        """'Fin' ends Xinhua's French copy; 'Articles connexes' heads the links under it."""
        headline = "Le gouvernement annonce de nouvelles mesures"
        links = ["Le trafic du port en hausse de 9% en 2024", "Un accord de coopération signé"]
        text = story(
            "BEIJING, 28 décembre (Xinhua) -- ",
            body,
            headline=headline,
            tail=[end, "Articles connexes", *links],
        )
        check(
            text,
            "xinhua",
            body,
            {end: "xinhua.enditem", "Articles connexes": "phrases.fr.related"},
            headline,
        )

    @SOME
    @given(DE_BODY, st.sampled_from(CAPITAL_WORDS))
    def test_kna_further_reports(self, body, word):
        """'Weitere Meldungen' heads other stories' headlines at the page's end."""
        headline = "Die Regierung plant neue Regeln für den Hafen"
        other = f"{word} veröffentlicht neue Zahlen zu Kirchenaustritten"
        text = story("Bonn (KNA) ", body, headline=headline, tail=["Weitere Meldungen", other])
        check(text, "kna", body, {"Weitere Meldungen": "phrases.de.related"}, headline)

    @SOME
    @given(ES_BODY)
    def test_europapress_sponsored_content(self, body):
        """'Contenido patrocinado' over the ads under the story is a promotion."""
        line = "Contenido patrocinado"
        text = story(DATELINES["europapress"], body, headline=_HEADINGS_ES, tail=[line])
        check(text, "europapress", body, {line: "phrases.es.promo"}, _HEADINGS_ES)

    @SOME
    @given(EN_BODY, headlines(), headlines())
    def test_ansa_suggested(self, body, headline, other):
        """'Suggested' heads another story's headline at the end of an ANSA English page."""
        text = story(DATELINES["ansa"], body, headline=headline, tail=["Suggested", other])
        check(text, "ansa", body, {"Suggested": "phrases.en.related"}, headline)


class TestCaptionsSecondSet:
    """Captions and credits under the pictures of the second held-out set's pages."""

    @SOME
    @given(st.data(), RU_BODY, st.sampled_from(_RU_NAMES))
    def test_tass_photo_credit(self, data, body, name):
        """'© Иван Сидоров/ТАСС' alone under the picture."""
        line = f"© {name}/ТАСС"
        headline = "Власти города заявили о новых работах"
        text = story(
            "МОСКВА, 21 января. /ТАСС/. ", body, headline=headline, **data.draw(placed(line))
        )
        check(text, "tass", body, {line: "tass.photo_credit"}, headline)

    @SOME
    @given(st.data(), EN_BODY, headlines(), EN_CAPTION)
    def test_ansa_tag_closes_caption(self, data, body, headline, caption):
        """'A display case at the Egyptian Museum in Turin (ANSA)'."""
        line = f"{caption.rstrip('.')} (ANSA)"
        text = story(DATELINES["ansa"], body, headline=headline, **data.draw(placed(line)))
        check(text, "ansa", body, {line: "ansa.caption"}, headline)

    @SOME
    @given(ES_BODY, _sentence(_ES_WORDS, end=""))
    def test_europapress_credit_line_alone(self, body, caption):
        """'Archivo - CAPTION' and its credit on the next line: '- Europa Press - Archivo'."""
        lines = {f"Archivo - {caption}": "europapress.caption"}
        lines["- Europa Press - Archivo"] = "europapress.caption"
        text = story(DATELINES["europapress"], body, headline=_HEADINGS_ES, above=list(lines))
        check(text, "europapress", body, lines, _HEADINGS_ES)

    @SOME
    @given(
        DE_BODY,
        _sentence(_DE_WORDS, end=""),
        st.sampled_from(("Archivbild", "Archivfoto", "Symbolbild")),
        names(),
    )
    def test_afp_german_page(self, body, caption, mark, name):
        """'CAPTION (Archivbild)' and 'Foto: AFP/NAME' under the picture; '© Agence
        France-Presse' at the end tells AFP copy when no dateline does."""
        line = f"{caption} ({mark})"
        headline = "Die Regierung plant neue Regeln für den Hafen"
        text = story(
            "",
            body,
            headline=headline,
            above=[line, f"Foto: AFP/{name}"],
            tail=["© Agence France-Presse"],
        )
        article = wireparse.parse(text)
        assert article.agency == "afp"
        assert article.body == tuple(body)
        assert removed_by(article, line) == "afp.caption_de"


class TestJapaneseTitles:
    """Titles after a name in Japanese are no part of the speaker's name."""

    @SOME
    @given(
        JA_BODY,
        st.sampled_from(("グレン・マッコイ", "デール・ハンソン", "ジョン・スミス")),
        st.sampled_from(("次官補", "次官", "上院議員", "下院議員")),
    )
    def test_title_after_the_name(self, body, name, title):
        """'米商務省のNAME次官補は…「…」と述べた。': the speaker is NAME."""
        line = f"米国の{name}{title}は10日の講演で「方針を支持する」と述べた。"
        headline = "政府、新たな方針を発表"
        text = story(DATELINES["kyodo"], [*body, line], headline=headline)
        article = wireparse.parse(text, profile="kyodo")
        assert [q.speaker for q in article.quotes if q.text == "方針を支持する"] == [name]


def _read_with_dateline(
    text: str, agency: str, body: list[str], dateline: tuple[str, str, str | None]
) -> None:
    """Check *text* is detected as *agency*'s, with *body* and the dateline's three parts."""
    article = wireparse.parse(text)
    assert article.agency == agency
    assert article.body == tuple(body)
    assert article.dateline is not None
    found = article.dateline
    assert (found.location, found.agency, found.date_text) == dateline


class TestMastheadLines:
    """Lines an agency's site puts above the headline: a language switch, a tagline."""

    @SOME
    @given(EN_BODY, st.sampled_from((["BM", "EN"], ["EN"], ["BM"])))
    def test_bernama_language_switch(self, body, switch):
        text = story(DATELINES["bernama"], body, head=switch)
        check(
            text,
            "bernama",
            body,
            dict.fromkeys(switch, "bernama.language_switch"),
            "Officials weigh new rules for harbour traffic",
        )

    @SOME
    @given(EN_BODY)
    def test_reuters_tagline(self, body):
        tagline = "Exclusive news, data and analytics for financial market professionals"
        text = story(DATELINES["reuters"], body, head=[tagline])
        check(
            text,
            "reuters",
            body,
            {tagline: "reuters.tagline"},
            "Officials weigh new rules for harbour traffic",
        )


class TestMoreServicesDatelines:
    """Datelines of agencies' services in other languages, which also tell the agency."""

    @SOME
    @given(
        AR_BODY,
        st.sampled_from(("الداخلة", "الرباط", "القاهرة")),
        st.sampled_from(("", " (المغرب)", " (مصر)")),
    )
    def test_afp_arabic_dateline(self, body, place, country):
        """'الداخلة (المغرب) (أ ف ب) - ...': AFP's Arabic initials in brackets."""
        headline = "السلطات تعلن عن مشروع جديد في المدينة"
        text = story(f"{place}{country} (أ ف ب) - ", body, headline=headline)
        _read_with_dateline(text, "afp", body, (place + country, "أ ف ب", None))

    @SOME
    @given(
        RU_BODY,
        st.sampled_from(("Урумчи", "Пекин", "Шанхай")),
        st.integers(1, 28),
        st.sampled_from(("ноября", "мая", "января")),
    )
    def test_xinhua_russian_dateline(self, body, place, day, month):
        """'Урумчи, 22 ноября /Синьхуа/ — ...': Xinhua's Russian service."""
        headline = "Власти города объявили о новом проекте"
        text = story(f"{place}, {day} {month} /Синьхуа/ \N{EM DASH} ", body, headline=headline)
        _read_with_dateline(text, "xinhua", body, (place, "Синьхуа", f"{day} {month}"))


class TestTrailersOfTheThirdSet:
    """End lines a third blind set showed: AP's coverage promotion and reporter's note,
    AFP's Arabic initials."""

    @SOME
    @given(
        EN_BODY,
        st.one_of(
            st.sampled_from(("the United Kingdom", "climate", "the war in Ukraine")).map(
                lambda topic: f"Follow AP’s coverage of {topic} at https://apnews.com/hub/news"
            ),
            st.sampled_from(("Ellison", "Castor", "Nwosu")).map(
                lambda name: f"{name} covers the Northern Rockies for The Associated Press."
            ),
        ),
    )
    def test_ap_coverage_promotion_and_reporters_note(self, body, line):
        text = story(DATELINES["ap"], body, tail=[line])
        headline = "Officials weigh new rules for harbour traffic"
        check(text, "ap", body, {line: "ap.coverage_promo"}, headline)

    @SOME
    @given(AR_BODY, st.sampled_from(("ك ب/ح س", "ع ش/م ر/س ح", "أ/ب")))
    def test_afp_arabic_initials(self, body, initials):
        text = story(
            "الرباط (أ ف ب) - ", body, headline="السلطات تعلن عن مشروع جديد", tail=[initials]
        )
        check(text, "afp", body, {initials: "afp.initials_ar"}, "السلطات تعلن عن مشروع جديد")

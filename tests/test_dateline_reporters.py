"""Reporters named inside a dateline are the story's authors when no byline line names them.

Xinhua's Chinese copy names its reporters in brackets after the dateline
(记者 + names joined by the ideographic comma), TASS's Russian copy puts its
correspondent between slashes (``/Корр. ТАСС Имя Фамилия/.``), and Yonhap's
Korean copy ends the dateline with the reporters and a title (``이름 이름 기자 =``).
The stories here are generated from those forms, with names and sentences of
our own.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import wireparse
from helpers import accounted

# name parts and words of our own, in each script
_ZH_FAMILY = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
_ZH_GIVEN = "建国晓宁文斌海涛丽华志强明亮春燕红梅"
_ZH_WORDS = ("今天", "当地", "有关部门", "表示", "将", "继续", "推进", "项目", "建设", "工作")
_RU_FIRST = ("Иван", "Максим", "Ольга", "Дмитрий", "Анна", "Сергей", "Елена", "Павел")
_RU_LAST = ("Петров", "Смирнова", "Кузнецов", "Волков", "Соколова", "Орлов", "Лебедев")
_RU_WORDS = ("власти", "города", "заявили", "что", "работы", "продолжатся", "на", "неделе")
_KO_SYLLABLES = "김이박최정강조윤장임한오서신권황안송전홍"
_KO_GIVEN = "민수지훈서연현우하은도윤예린준호"
_KO_WORDS = ("정부는", "이날", "새로운", "지원", "방안을", "발표했다", "관계자는", "밝혔다")


def _sentence(words: tuple[str, ...], joiner: str, end: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=4, max_size=9).map(
        lambda ws: joiner.join(ws) + end
    )


def _zh_name() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(_ZH_FAMILY), st.text(_ZH_GIVEN, min_size=1, max_size=2)).map(
        "".join
    )


def _ko_name() -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(_KO_SYLLABLES), st.text(_KO_GIVEN, min_size=2, max_size=2)
    ).map("".join)


@st.composite
def xinhua_stories(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str]:
    names = tuple(draw(st.lists(_zh_name(), min_size=1, max_size=3, unique=True)))
    place = draw(st.sampled_from(("北京", "上海", "兰州", "广州", "成都")))
    day = f"{draw(st.integers(1, 12))}月{draw(st.integers(1, 28))}日"
    opening = f"新华社{place}{day}电（记者{'、'.join(names)}）"
    body = draw(st.lists(_sentence(_ZH_WORDS, "", "。"), min_size=1, max_size=3))
    text = "\n\n".join(["某地推进重点项目建设", opening + body[0], *body[1:]])
    return text, names, place


@st.composite
def tass_stories(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str]:
    name = f"{draw(st.sampled_from(_RU_FIRST))} {draw(st.sampled_from(_RU_LAST))}"
    place = draw(st.sampled_from(("ВАШИНГТОН", "БЕРЛИН", "НЬЮ-ЙОРК", "ТОКИО")))
    month = draw(st.sampled_from(("января", "марта", "мая", "октября")))
    title = draw(st.sampled_from(("Корр.", "Спец. корр.")))
    opening = f"{place}, {draw(st.integers(1, 28))} {month}. /{title} ТАСС {name}/. "
    body = draw(st.lists(_sentence(_RU_WORDS, " ", "."), min_size=1, max_size=3))
    body = [b[0].upper() + b[1:] for b in body]
    text = "\n\n".join(["Власти города обсудили новые меры", opening + body[0], *body[1:]])
    return text, (name,), place


@st.composite
def yonhap_stories(draw: st.DrawFn) -> tuple[str, tuple[str, ...], str]:
    # a Korean name is one word: several reporters are parted by spaces alone
    names = tuple(draw(st.lists(_ko_name(), min_size=1, max_size=3, unique=True)))
    place = draw(st.sampled_from(("서울", "세종", "부산", "워싱턴")))
    title = draw(st.sampled_from(("기자", "특파원")))
    opening = f"({place}=연합뉴스) {' '.join(names)} {title} = "
    body = draw(st.lists(_sentence(_KO_WORDS, " ", "."), min_size=1, max_size=3))
    text = "\n\n".join(["정부 새 지원 방안 발표", opening + body[0], *body[1:]])
    return text, names, place


class TestDatelineReporters:
    @given(st.one_of(xinhua_stories(), tass_stories(), yonhap_stories()))
    def test_reporters_become_the_authors(self, story: tuple[str, tuple[str, ...], str]):
        text, names, place = story
        article = wireparse.parse(text)
        assert article.byline is not None
        assert article.byline.authors == names
        assert article.dateline is not None
        assert article.dateline.location == place
        # the names are not left at the head of the body
        assert not any(name in article.body[0] for name in names)
        assert accounted(text, article)

    def test_a_press_pool_is_not_an_author(self):
        text = "정부 새 지원 방안 발표\n\n(서울=연합뉴스) 공동취재단 = 정부는 이날 새로운 지원 방안을 발표했다."
        article = wireparse.parse(text)
        assert article.byline is None
        assert article.dateline is not None
        assert article.dateline.location == "서울"
        assert article.body[0].startswith("정부는")

    def test_a_bracket_without_the_reporter_word_names_nobody(self):
        text = "某地推进重点项目建设\n\n新华社北京3月2日电（国际观察）今天当地有关部门表示将继续推进项目建设。"
        article = wireparse.parse(text)
        assert article.dateline is not None
        assert article.dateline.location == "北京"
        assert article.byline is None

    @staticmethod
    def _profile(folder: Path) -> wireparse.Profile:
        path = folder / "hws.toml"
        path.write_text(
            """name = "hws"
extends = "generic"

[[datelines]]
id = "hws.dateline"
pattern = '''^(?P<place>[A-Z]{3,}+) / (?P<authors>[A-Z][a-z]++ [A-Z][a-z]++) / HWS - '''
""",
            encoding="utf-8",
        )
        return wireparse.Profile.from_toml(path)

    def test_a_user_profile_may_name_reporters_in_its_dateline(self, tmp_path: Path):
        article = wireparse.parse(
            "Harbour fees rise\n\nOSLO / Kari Nordmann / HWS - The port raised its fees.",
            profile=self._profile(tmp_path),
        )
        assert article.byline is not None
        assert article.byline.authors == ("Kari Nordmann",)
        assert article.byline.raw == "Kari Nordmann"
        assert article.dateline is not None
        assert article.dateline.location == "OSLO"
        assert article.body == ("The port raised its fees.",)

    def test_a_byline_line_that_names_people_wins(self, tmp_path: Path):
        text = (
            "Harbour fees rise\n\nBy Jane Doe\n\n"
            "OSLO / Kari Nordmann / HWS - The port raised its fees."
        )
        article = wireparse.parse(text, profile=self._profile(tmp_path))
        assert article.byline is not None
        assert article.byline.authors == ("Jane Doe",)
        assert article.byline.raw == "By Jane Doe"
        assert article.dateline is not None
        assert article.dateline.location == "OSLO"

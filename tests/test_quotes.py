"""Quotes and who said them: every attribution form, in every listed language."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wireparse
from strategies import QUOTE_MARKS, names, quote_noise, quoted_paragraphs, sentences, speakers
from wireparse._extract.quotes import extract_quotes, find_spans
from wireparse._phrases import lexicon


def speakers_of(paragraphs: list[str], language: str, context: tuple[str, ...] = ()) -> list:
    """Return (text, speaker) for each quote of *paragraphs* read as *language*."""
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs, context, lexicon(), language)]


def only_speaker(paragraphs: list[str], language: str) -> str | None:
    """Return the speaker of the last quote of *paragraphs*."""
    return extract_quotes(paragraphs, [], lexicon(), language)[-1].speaker


class TestEnglishForms:
    """Each attribution form of English wire copy."""

    @pytest.mark.parametrize(
        ("paragraph", "speaker", "verb"),
        [
            ("“We will win,” Jane Doe said.", "Jane Doe", "said"),
            ("“We will win,” said Jane Doe.", "Jane Doe", "said"),
            ("Jane Doe said: “We will win.”", "Jane Doe", "said"),
            ("Jane Doe told reporters: “We will win.”", "Jane Doe", "told reporters"),
            ("“We will win,” Jane Doe told Reuters.", "Jane Doe", "told"),
            ("“We will win,” Jane Doe said in a statement.", "Jane Doe", "said in a statement"),
            ("According to Jane Doe, “the talks went well.”", "Jane Doe", "according to"),
            ("“It is over,” the ministry said.", "the ministry", "said"),
            (
                "“It is clear,” the Court of Justice of the European Union said.",
                "Court of Justice of the European Union",
                "said",
            ),
            ("“It is over,” said a police spokesman.", "a police spokesman", "said"),
            (
                (
                    "“It is over,” said a Mombasa-based broker who asked not to be named because "
                    "he was not authorised to speak to the media."
                ),
                "a Mombasa-based broker",
                "said",
            ),
            (
                "“It works,” a ministry official in charge of the project said.",
                "a ministry official in charge of the project",
                "said",
            ),
            ("“It is over,” police said.", "police", "said"),
            ("“It is over,” Jane Doe also said.", "Jane Doe", "said"),
            (
                "The group's chairwoman, Anouk de Wit, told reporters: “We won.”",
                "Anouk de Wit",
                "told reporters",
            ),
            (
                "Leonid Slutsky, leader of the party, told reporters: “It is law.”",
                "Leonid Slutsky",
                "told reporters",
            ),
            ("“It stays,” said Wendell Pruitt, who grows peaches.", "Wendell Pruitt", "said"),
        ],
    )
    def test_forms(self, paragraph, speaker, verb):
        """After, before, verb first, 'according to', bodies and descriptions as speakers."""
        (quote,) = extract_quotes([paragraph], [], lexicon(), "en")
        assert (quote.speaker, quote.verb) == (speaker, verb)

    def test_around(self):
        """A quote around its attribution gives both halves the same speaker."""
        quotes = extract_quotes(["“We will win,” Jane Doe said, “and soon.”"], [], lexicon(), "en")
        assert [(q.text, q.speaker, q.partial) for q in quotes] == [
            ("We will win", "Jane Doe", False),
            ("and soon.", "Jane Doe", False),
        ]

    @pytest.mark.parametrize(
        ("paragraph", "speaker"),
        [
            ("“It is over,” U.S. District Judge Patricia Nwosu said.", "Patricia Nwosu"),
            ("“It is over,” said Prime Minister Keir Starmer.", "Keir Starmer"),
            ("“It is over,” said Transport Minister Datuk Seri Anwar Hamid.", "Anwar Hamid"),
            ("“It is over,” presidential envoy Zamir Kabulov said.", "Zamir Kabulov"),
        ],
    )
    def test_titles_are_dropped(self, paragraph, speaker):
        """Titles and honorifics from the phrase tables are not part of the speaker."""
        assert only_speaker([paragraph], "en") == speaker

    @pytest.mark.parametrize(
        "paragraph",
        [
            "“It is over,” the spokesman told Reuters.",
            "“It is over,” said Reuters.",
            "“It is over,” The Associated Press reported, citing Jane Doe.",
        ],
    )
    def test_an_agency_is_never_the_speaker(self, paragraph):
        """A news agency the profiles know is skipped, never named as the speaker."""
        speaker = only_speaker([paragraph], "en")
        assert speaker is None or ("Reuters" not in speaker and "Associated" not in speaker)


class TestResolution:
    """Surnames, pronouns, roles and bare verbs resolve to the story's own people."""

    def test_surname_becomes_the_full_name(self):
        """'Doe' is the fullest name the story gives, from the headline too."""
        body = ["“It is done,” Doe said."]
        assert speakers_of(body, "en", ("Jane Doe wins the vote",)) == [("It is done", "Jane Doe")]

    def test_a_given_name_becomes_a_titled_full_name(self):
        """'Zulkifli' is the 'Datuk Zulkifli Hashim' the story named with a title."""
        body = [
            "The meeting was chaired by secretary-general Datuk Zulkifli Hashim.",
            "“Fish bombing does not respect borders,” Zulkifli said.",
        ]
        assert only_speaker(body, "en") == "Zulkifli Hashim"

    def test_pronoun_is_the_person_last_attributed(self):
        """'he' is the last person attributed, in indirect speech too."""
        body = [
            "Zamir Kabulov said the talks had gone well.",
            "Russian lawmakers voted on Friday.",
            "“We will announce it,” he said.",
        ]
        assert only_speaker(body, "en") == "Zamir Kabulov"

    def test_pronoun_after_a_subject_earlier_in_the_paragraph(self):
        """'he' is the person opening an earlier sentence of the paragraph."""
        body = [
            "“He sold the trust of the people,” Judge Patricia Nwosu said.",
            "Raymond J. Kowalczyk pleaded guilty in March.",
            "Kowalczyk apologized in court. “I let down my family,” he said.",
        ]
        assert only_speaker(body, "en") == "Raymond J. Kowalczyk"

    def test_pronoun_with_no_attribution_takes_the_person_named(self):
        """With nobody attributed yet, 'she' is the person the story named last."""
        body = [
            "Priya Ramaswamy-Cole heads the engineering department.",
            "Born in Coimbatore, Ramaswamy-Cole moved to the US in 1998.",
            "“Most bridges were built for half the traffic,” she said in a statement.",
        ]
        assert only_speaker(body, "en") == "Priya Ramaswamy-Cole"

    def test_the_minister_is_the_person_named_as_minister(self):
        """'the minister' becomes the person the story named with that title."""
        body = [
            "Environment Minister Ruth Kallenberg visited the port.",
            "“We read every objection,” the minister said.",
        ]
        assert only_speaker(body, "en") == "Ruth Kallenberg"

    def test_a_body_is_not_a_person(self):
        """'the ministry' stays a body: it is no person named as ministry."""
        body = ["Minister Ruth Kallenberg spoke.", "“It is over,” the ministry said."]
        assert only_speaker(body, "en") == "the ministry"

    def test_never_a_name_the_story_lacks(self):
        """A speaker is always written somewhere in the story."""
        body = ["“It is over,” he said."]
        assert only_speaker(body, "en") is None

    def test_quote_alone_continues_the_last_speaker(self):
        """A quote alone in its paragraph continues the last speaker."""
        body = ["“We will win,” Jane Doe said.", "“Nobody can stop us.”"]
        assert speakers_of(body, "en")[-1] == ("Nobody can stop us.", "Jane Doe")

    def test_quote_over_several_paragraphs(self):
        """An unclosed quote continued by a paragraph that opens again keeps its speaker."""
        body = [
            "Port director Jonas Petrauskas called it “serious.”",
            "“Ships are being diverted. Some will not come back.",
            "“We have contracts to honour,” he said.",
        ]
        assert [s for _t, s in speakers_of(body, "en")] == ["Jonas Petrauskas"] * 3

    def test_second_quote_of_a_paragraph_continues(self):
        """A quote after another in the same paragraph has the same speaker."""
        body = ["“We will win,” Jane Doe said. “Nobody can stop us.”"]
        assert [s for _t, s in speakers_of(body, "en")] == ["Jane Doe", "Jane Doe"]


class TestAfterIndirectSpeech:
    """A quote after the paragraph's indirect speech is the same speaker's (wire style)."""

    @given(names(), st.sampled_from(("said", "told reporters", "added")), sentences(), sentences())
    def test_a_quote_sentence_after_indirect_speech(self, name, verb, reported, quoted):
        """ "Smith said the plan was sound. “We are ready.”": the quote is Smith's."""
        surname = name.rsplit(" ", 1)[-1]
        body = [
            f"{name} opened the meeting on Monday.",
            f"{surname} {verb} {reported[0].lower()}{reported[1:]} “{quoted}”",
        ]
        assert speakers_of(body, "en")[-1] == (quoted, name)

    @given(names(), sentences())
    def test_german_quote_after_sagte_sie(self, name, quoted):
        surname = name.rsplit(" ", 1)[-1]
        body = [
            f"{name} eröffnete am Montag die Sitzung.",
            (
                f"{surname} sprach von einem Modell. Viele Einrichtungen suchten nach "
                f"Fachkräften, sagte sie. „{quoted}“"
            ),
        ]
        assert speakers_of(body, "de")[-1] == (quoted, name)

    @given(names(), st.sampled_from(("sagte sie", "sagte er", "betonte sie")))
    def test_a_fragment_with_its_attribution_at_the_end_of_the_sentence(self, name, said):
        """ "Größere Schiffe könnten „deutlich verlässlicher“ anlaufen, sagte sie."."""
        surname = name.rsplit(" ", 1)[-1]
        body = [
            f"{name} eröffnete am Montag die Sitzung.",
            (
                f"{surname} verwies auf neue Liegeplätze. Größere Schiffe könnten den Hafen "
                f"„deutlich verlässlicher“ anlaufen, {said}."
            ),
        ]
        (quote,) = extract_quotes(body, [], lexicon(), "de")
        assert (quote.speaker, quote.partial) == (name, True)


class TestTitledNameAfterTheVerb:
    """ "…, said state Transport Committee chairman Datuk Zulkifli Osman": the one so titled."""

    @given(
        st.sampled_from(("Transport Committee", "Infrastructure and Transport Committee", "Ports")),
        st.sampled_from(("chairman", "director", "spokesman", "minister")),
        names(),
        sentences(),
    )
    def test_the_name_after_the_title(self, body, title, name, quoted):
        paragraphs = [
            f"The council will build a pond, said state {body} {title} {name}.",
            f"“{quoted}” he told reporters.".replace(".” he", ",” he"),
        ]
        assert speakers_of(paragraphs, "en")[-1] == (quoted.rstrip("."), name)


class TestFrenchInversion:
    """AFP's French: "« … », a-t-il affirmé" after "Le préfet, Jean-Marc Terrasse, a défendu …"."""

    @given(
        names(),
        st.sampled_from(("préfet", "ministre", "maire", "porte-parole")),
        st.sampled_from(("affirmé", "déclaré", "rappelé", "déploré", "insisté")),
        sentences(),
    )
    def test_an_inverted_verb_after_a_titled_name(self, name, title, verb, quoted):
        body = [
            "Yannick Le Goff a ouvert la séance lundi. « Nous verrons », a déclaré Le Goff.",
            f"Le {title}, {name}, a défendu des mesures. « {quoted} », a-t-il {verb}.",
        ]
        assert speakers_of(body, "fr")[-1] == (quoted, name)


_RU_SENTENCES = (
    "Половину сотрудников мы набрали из местных жителей",
    "Цены на овощи в городе снизятся",
    "Комплекс будет работать круглый год",
)


class TestRussianForms:
    """Russian copy: the attribution inside the marks, and a quotation over paragraphs."""

    @given(
        st.sampled_from(_RU_SENTENCES),
        st.sampled_from(_RU_SENTENCES),
        st.tuples(
            st.sampled_from(("сказала она", "добавила она", "отметила она")),
            st.sampled_from((" ", "  ")),
        ).map(lambda pair: pair[0] + "." + pair[1]),
    )
    def test_the_reporters_words_between_dashes_part_two_quotes(self, first, second, said):
        """ "«A, — сказала она. — B»": spaces around the dash as the copy has them."""
        body = [
            "Директор предприятия Анна Голубева выступила на открытии.",
            f"Голубева отметила успех. «{first}, — {said}— {second}».",
        ]
        quotes = extract_quotes(body, [], lexicon(), "ru")
        assert [(q.text, q.speaker, q.partial) for q in quotes] == [
            (first, "Анна Голубева", False),
            (second, "Анна Голубева", False),
        ]

    @given(st.sampled_from(_RU_SENTENCES), st.sampled_from(_RU_SENTENCES))
    def test_a_quotation_opened_once_over_two_paragraphs(self, first, second):
        body = [
            "Директор предприятия Анна Голубева выступила на открытии.",
            f"«{first}.",
            f"{second}», — добавила Голубева.",
        ]
        quotes = extract_quotes(body, [], lexicon(), "ru")
        assert [q.text for q in quotes] == [f"{first}.", second]
        assert quotes[-1].speaker == "Анна Голубева"

    @given(
        st.sampled_from(("Алексей Ветлугин", "Дмитрий Соколов", "Игорь Петров-Водкин")),
        st.sampled_from(("сказал он", "добавил он", "отметил он")),
    )
    def test_the_agency_told_is_no_speaker(self, name, said):
        """ "Об этом ТАСС сообщил министр X": X speaks; the agency, told first, does not."""
        body = [
            f"Комплекс открылся в Норильске. Об этом ТАСС сообщил министр края {name}.",
            f"«Комплекс будет работать круглый год», — {said}.",
        ]
        assert extract_quotes(body, [], lexicon(), "ru")[-1].speaker == name

    def test_dashes_without_a_speech_verb_part_nothing(self):
        body = ["«Мы ждали, — и долго. — Теперь все готово»."]
        (quote,) = extract_quotes(body, [], lexicon(), "ru")
        assert quote.text.startswith("Мы ждали, — и долго.")


_HAN_NAMES = ("刘振峰", "阮文俊", "李在明", "王毅", "宋·维萨", "欧阳明月")
_HAN_TITLES = ("", "副司长", "总统", "国务秘书", "发言人")
_HAN_ADVERBIALS = ("", "在开幕式上致辞时", "在接受记者采访时", "在记者会上", "在会谈中", "在会见后")


class TestChineseSubjects:
    """A Chinese subject: organisation, title, name, then perhaps an adverbial, then the verb."""

    @given(
        st.sampled_from(("", "教育部", "越南河内工业大学")),
        st.sampled_from(_HAN_TITLES),
        st.sampled_from(_HAN_NAMES),
        st.sampled_from(_HAN_ADVERBIALS),
        st.sampled_from(("说", "表示", "指出")),
    )
    def test_the_name_between_title_and_adverbial(self, body, title, name, adverbial, verb):
        if not title and body:
            body = ""  # an organisation right before a name, with no title, is no wire form
        paragraph = f"{body}{title}{name}{adverbial}{verb}：“我们会继续合作。”"
        (quote,) = extract_quotes([paragraph], [], lexicon(), "zh")
        assert quote.speaker == name


class TestPartial:
    """Fragments quoted inside the reporter's own sentence."""

    @pytest.mark.parametrize(
        ("paragraph", "speaker", "partial"),
        [
            ("Jane Doe called it a “historic” day.", "Jane Doe", True),
            ("The so-called “reform” passed on Friday.", None, True),
            ("Jane Doe said it was a “historic” day.", "Jane Doe", True),
            ("Critics have called the plan a “rubber stamp”.", "Critics", True),
            ("Jane Doe said: “We will win.”", "Jane Doe", False),
            ('Bakan Arıkan, "Hedefimiz belli." dedi.', "Arıkan", False),
        ],
    )
    def test_partial_quotes(self, paragraph, speaker, partial):
        """A fragment takes its sentence's speaker, or none for a scare quote."""
        language = "tr" if "dedi" in paragraph else "en"
        (quote,) = extract_quotes([paragraph], [], lexicon(), language)
        assert (quote.speaker, quote.partial) == (speaker, partial)


class TestLanguages:
    """The forms of each listed language, read with its own phrase table."""

    @pytest.mark.parametrize(
        ("language", "paragraphs", "speaker"),
        [
            ("tr", ['Bakan Arıkan, "Hedefimiz belli." dedi.'], "Arıkan"),
            ("tr", ['"Hedefimiz belli" diyen Bakan Arıkan, konuştu.'], "Arıkan"),
            (
                "tr",
                ['Proje koordinatörü Selin Ateşoğlu ise "Dokunmayacağız" ifadesini kullandı.'],
                "Selin Ateşoğlu",
            ),
            (
                "tr",
                [
                    "Meteoroloji Genel Müdürlüğü, yağış uyarısında bulundu.",
                    'Açıklamada, "Dikkat edin" ifadelerine yer verildi.',
                ],
                "Meteoroloji Genel Müdürlüğü",
            ),
            (
                "tr",
                [
                    "Derya Öztaş altın madalya kazandı. Öztaş, silkmede ikinci oldu.",
                    'Açıklama yapan sporcu, "Aileme armağan ediyorum." dedi.',
                ],
                "Derya Öztaş",
            ),
            (
                "fr",
                ["« Nous allons gagner », a déclaré le maire, Yannick Le Goff."],
                "Yannick Le Goff",
            ),
            (
                "fr",
                ["« Nous gagnerons », a réagi auprès de l'AFP Karim Benslimane, délégué."],
                "Karim Benslimane",
            ),
            (
                "fr",
                [
                    "L'adjointe, Sophie Marchetti, a précisé que les loyers seraient plafonnés.",
                    "« Un sur cinq ferme », a-t-elle souligné.",
                ],
                "Sophie Marchetti",
            ),
            (
                "es",
                ['"Vamos a ganar", dijo a EFE el responsable de la ONG, Prakash Mohanty.'],
                "Prakash Mohanty",
            ),
            (
                "es",
                [
                    '"Vamos a ganar", ha afirmado la secretaria de Estado de Transportes, Lucía Ferrer Álvarez, en Madrid.'
                ],
                "Lucía Ferrer Álvarez",
            ),
            (
                "es",
                [
                    'El consejero del ramo, Andrés Carmona, ha pedido "responsabilidad" y ha recordado que no llueve.'
                ],
                "Andrés Carmona",
            ),
            (
                "de",
                ["„Wir gewinnen“, sagte der Leiter der Kasseler Bäderbetriebe, Henrik Vogt."],
                "Henrik Vogt",
            ),
            ("de", ["„Wir gewinnen“, sagte Bürgermeister Hans Müller."], "Hans Müller"),
            (
                "de",
                [
                    "Der Sekretär der Behörde, Erzbischof Giancarlo Ferretti, sagte, es sei „keine Frage des Geldes“."
                ],
                "Giancarlo Ferretti",
            ),
            (
                "it",
                ['"Vinceremo", ha detto il presidente della Provincia, Davide Sertori.'],
                "Davide Sertori",
            ),
            (
                "it",
                [
                    'Il prefetto Laura Bianchi ha convocato un tavolo. "Serve un piano", ha dichiarato.'
                ],
                "Laura Bianchi",
            ),
            (
                "pt",
                ['"Vamos vencer", afirmou a ministra da Saúde, Ana Paula Martins, em Faro.'],
                "Ana Paula Martins",
            ),
            ("ru", ["«Мы победим», - заявил глава ведомства Иван Петров."], "Иван Петров"),
            (
                "ru",
                ["«Мы победим», — рассказал РИА Новости руководитель проекта Дмитрий Сафронов."],
                "Дмитрий Сафронов",
            ),
            (
                "ru",
                [
                    "Об этом сообщил журналистам сенатор Грегори Хаскелл.",
                    "«Нам не хватает голосов», - заявил он.",
                ],
                "Грегори Хаскелл",
            ),
            (
                "ru",
                [
                    "Главный инженер проекта Игорь Шевчук считает проект реалистичным.",
                    "«Это сложный проект», — сказал инженер.",
                ],
                "Игорь Шевчук",
            ),
            ("uk", ["«Ми переможемо», - заявив міністр Іван Петренко."], "Іван Петренко"),
            (
                "ar",
                ['وقال وزير المياه رائد أبو السعود في مؤتمر صحفي: "سننتصر".'],
                "رائد أبو السعود",
            ),
            ("ar", ['"هذه خطوة متأخرة"، قال النائب خالد الخشمان.'], "خالد الخشمان"),
            ("ar", ['وقال الرئيس عبد الفتاح السيسي إن "مصر ستنتصر".'], "عبد الفتاح السيسي"),
            ("ar", ['وقال أحمد علي: "سننتصر".', 'وأضاف: "لن نتراجع".'], "أحمد علي"),
            (
                "ms",
                [
                    "Menteri Pertanian Datuk Seri Mohamad Sabu hadir.",
                    '"Kita akan menang," katanya kepada pemberita di Sekolah Kebangsaan Pekan.',
                ],
                "Mohamad Sabu",
            ),
            (
                "nl",
                ['"We gaan winnen", zegt woordvoerder Ingrid Smulders van de brandweer.'],
                "Ingrid Smulders",
            ),
            ("zh", ["甘肃省能源局副局长何文斌说：“储能电站就像一个大型充电宝。”"], "何文斌"),
            ("zh", ["“中方坚决反对。”毛宁说。"], "毛宁"),
            ("ja", ["商務省のハリス報道官は記者会見で「厳格に対処する」と述べた。"], "ハリス"),
            ("ja", ["日本政府は「方針を歓迎する」としている。"], "日本政府"),
            ("ko", ['박재원 국토부 제1차관은 "최선을 다하겠다"고 말했다.'], "박재원"),
            ("ko", ['"다시 조사할 계획"이라고 김민수 대중교통과장은 설명했다.'], "김민수"),
        ],
    )
    def test_language_forms(self, language, paragraphs, speaker):
        """Each language's frames, with names in its script and conventions."""
        assert only_speaker(paragraphs, language) == speaker

    def test_a_story_told_in_the_wrong_language_is_read_with_every_table(self):
        """When the story's verbs attribute nothing but another table's verb follows a quote, that one counts."""
        body = ['"Vamos a ganar", ha afirmado la ministra de Sanidad, Ana Pérez.']
        assert only_speaker(body, "tr") == "Ana Pérez"


class TestProperties:
    """Generated paragraphs in every mark style and attribution form."""

    @given(st.data())
    def test_every_generated_quote_is_found_with_its_speaker(self, data):
        """Each generated quote is extracted, exactly, with the name its attribution gives."""
        names = data.draw(speakers())
        made = [data.draw(quoted_paragraphs(speaker=name)) for name in names]
        quotes = extract_quotes([p.text for p in made], [], lexicon(), "en")
        found = {(q.paragraph, q.text): q.speaker for q in quotes}
        for number, paragraph in enumerate(made):
            for text in paragraph.quotes:
                assert found.get((number, text)) == paragraph.speaker, (paragraph, quotes)

    @given(st.data())
    def test_spans_index_the_paragraph(self, data):
        """Every quote's span gives back its text from the parsed body."""
        names = data.draw(speakers())
        body = "\n\n".join(data.draw(quoted_paragraphs(speaker=name)).text for name in names)
        article = wireparse.parse("Officials meet in the capital\n\n" + body)
        for quote in article.quotes:
            assert article.body[quote.paragraph][quote.start : quote.end] == quote.text

    @given(st.lists(quote_noise(), min_size=1, max_size=5))
    def test_random_marks_never_raise(self, paragraphs):
        """Unbalanced or random marks never raise, and spans index their paragraph."""
        for language in ("en", "tr", "ru", "ar", "zh", "ja", "ko", None):
            for quote in extract_quotes(paragraphs, [], lexicon(), language):
                assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text

    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.sampled_from([mark for pair in QUOTE_MARKS for mark in pair]),
        st.sampled_from(["", "He said ", '" dedi. ']),
    )
    def test_cost_stays_linear(self, mark, filler):
        """Twenty thousand unmatched marks, with attribution words between them, are read."""
        paragraph = (mark + filler) * 20_000
        quotes = extract_quotes([paragraph], [], lexicon(), "en")
        assert all(paragraph[q.start : q.end] == q.text for q in quotes)

    def test_a_parse_with_many_marks_completes(self):
        """A whole story of unmatched marks parses and keeps its paragraph."""
        article = wireparse.parse("Headline of the story\n\n" + "“" * 20_000)
        assert len(article.quotes) <= 1


class TestMarks:
    """Quote marks: pairs, nesting and apostrophes."""

    @pytest.mark.parametrize(("opening", "closing"), QUOTE_MARKS)
    def test_each_mark_pair(self, opening, closing):
        """Every listed pair of marks delimits one quote."""
        paragraph = f"Jane Doe said: {opening}We will win.{closing}"
        (span,) = find_spans(paragraph)
        assert paragraph[span.start : span.end] == "We will win."

    def test_nested_quotes_are_inside_the_outer_one(self):
        """Only the outermost quote is reported; the inner stays in its text."""
        paragraph = "“He called it ‘a disgrace’ today,” Jane Doe said."
        (quote,) = extract_quotes([paragraph], [], lexicon(), "en")
        assert quote.text == "He called it ‘a disgrace’ today"

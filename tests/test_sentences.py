import pytest
from hypothesis import given
from hypothesis import strategies as st
from sentence_cases import failures, load_cases, report

from briefgen.analyze import analyze
from briefgen.config import Config
from briefgen.markup import text_blocks
from briefgen.models import Block
from briefgen.sentences import SumyTokenizer, ends_sentence_at_break, sentence_spans, split_blocks
from briefgen.summarize import summarize_topic
from briefgen.typography import normalize, words
from builders import article

TARGET = 0.98


def test_case_set_is_big_enough_and_covers_each_language():
    cases = load_cases()
    languages = {case.language for case in cases}
    assert len(cases) >= 150
    assert languages == {"en", "de", "fr", "es"}
    assert all(case.expected for case in cases)


def test_case_set_accuracy(capsys):
    cases = load_cases()
    failed = failures(cases)
    accuracy = 1 - len(failed) / len(cases)
    with capsys.disabled():
        print(f"\nsentence cases: {len(cases) - len(failed)}/{len(cases)} exactly right ({accuracy:.1%})")
        if failed:
            print(report(failed))
    assert accuracy >= TARGET, report(failed)


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_each_language_is_exactly_right(language):
    cases = [case for case in load_cases() if case.language == language]
    assert len(cases) >= 12
    assert failures(cases) == []


def test_sentences_index_the_display_text():
    block = Block("\u201cWe opened it,\u201d Voss said.\u00a0Dr. Mehta\u2019s team agreed \u2013 mostly.")
    sentences = split_blocks((block,))
    assert [s.text for s in sentences] == ["\u201cWe opened it,\u201d Voss said.", "Dr. Mehta\u2019s team agreed \u2013 mostly."]
    assert [s.norm for s in sentences] == ['"We opened it," Voss said.', "Dr. Mehta's team agreed - mostly."]
    assert all(block.text[s.start : s.end] == s.text for s in sentences)


def test_sentences_are_numbered_across_blocks_and_never_cross_them():
    blocks = (Block("First one. Second one"), Block("third one, lower case."))
    sentences = split_blocks(blocks)
    assert [(s.text, s.block, s.index) for s in sentences] == [
        ("First one.", 0, 0),
        ("Second one", 0, 1),
        ("third one, lower case.", 1, 2),
    ]


def test_empty_and_blank_text_have_no_sentences():
    assert sentence_spans("") == []
    assert sentence_spans("   ") == []


def test_language_changes_the_abbreviations():
    text = "Die Stadt zahlt am 3. Oktober 2 Mio. Euro. Das reicht nicht."
    assert [text[s:e] for s, e in sentence_spans(text, "de")] == ["Die Stadt zahlt am 3. Oktober 2 Mio. Euro.", "Das reicht nicht."]
    assert [text[s:e] for s, e in sentence_spans(text, "en")] == ["Die Stadt zahlt am 3.", "Oktober 2 Mio.", "Euro.", "Das reicht nicht."]


def test_line_break_ends_a_sentence_only_where_the_splitter_would():
    assert ends_sentence_at_break("The bridge closed on Wednesday.", "Ferries ran all night.")
    assert not ends_sentence_at_break("It was led by retired Lt.", "Gen. Ruth Okafor.")
    assert not ends_sentence_at_break('"We know where the water is.', 'The job is hard," she said.')
    assert not ends_sentence_at_break("Die Brücke wurde am 3.", "Oktober gesperrt.", "de")


def test_sumy_tokenizer_splits_a_paragraph_like_briefgen():
    paragraph = "Retired Lt. Gen. Ruth Okafor spoke at 10 a.m. on Monday. \u201cIt is a logistics problem. We know where the water is,\u201d she said."
    tokenizer = SumyTokenizer("en")
    expected = [s.norm for s in split_blocks((Block(paragraph),))]
    assert list(tokenizer.to_sentences(paragraph)) == expected == [
        "Retired Lt. Gen. Ruth Okafor spoke at 10 a.m. on Monday.",
        '"It is a logistics problem. We know where the water is," she said.',
    ]
    assert tokenizer.to_words(expected[1]) == ("It", "is", "a", "logistics", "problem", "We", "know", "where", "the", "water", "is", "she", "said")


@pytest.mark.parametrize("summarizer", ["luhn", "lsa"])
def test_sumy_receives_exactly_briefgens_sentences(monkeypatch, summarizer):
    """One tokenizer for everything: every sentence sumy ranks is one of briefgen's sentences.
    (LexRank and TextRank are given the candidates' words without a sumy document: see
    tests/test_rankers.py.)"""
    from sumy.models import dom

    documents = []
    original = dom.ObjectDocumentModel.__init__

    def record(self, paragraphs):
        original(self, paragraphs)
        documents.append(self)

    monkeypatch.setattr(dom.ObjectDocumentModel, "__init__", record)
    bodies = [
        "Port Alder closed its Harbour Bridge on Wednesday after engineers found corrosion in the cables. "
        "Chief engineer Dr. Helena Voss said the damage was far worse than expected at 10 a.m. inspections.",
        "The U.S. firm that made the cables in 1998 said it was checking its records on Thursday. "
        "\u201cWe opened the housing expecting rust. We found much worse,\u201d Voss told reporters on Thursday.",
    ]
    texts = tuple(
        analyze(article(url=f"https://example.com/{n}", path=f"content/articles/{n}.txt", blocks=text_blocks(body)), Config())
        for n, body in enumerate(bodies)
    )
    summarize_topic(texts, Config(summary_sentences=2, summarizer=summarizer))
    ours = {form for text in texts for s in text.sentences for form in (s.norm, s.text)}
    seen = [s for document in documents for s in document.sentences if not s.is_heading]
    assert seen, "sumy was never given a document"
    assert {s._text for s in seen} <= ours
    assert all(isinstance(s._tokenizer, SumyTokenizer) for s in seen)
    assert all(list(s.words) == words(normalize(s._text)) for s in seen)


_PROSE = st.text(alphabet=st.sampled_from(list("aB. ?!\u2026\"'()\u201c\u201d\u00abMr.U.S.3\n\u00a0\u2014,;:")), max_size=200)


@given(_PROSE, st.sampled_from(["en", "de", "fr", "es"]))
def test_sentences_cover_all_text_in_order_without_overlap(text, language):
    norm = normalize(text)
    spans = sentence_spans(norm, language)
    assert all(start < end for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(norm[start:end] == norm[start:end].strip() for start, end in spans)
    visible = "".join(norm.split())
    assert "".join("".join(norm[s:e] for s, e in spans).split()) == visible  # no character lost or repeated


@given(st.text(max_size=300), st.sampled_from(["en", "de", "fr", "es"]))
def test_blocks_of_any_text_keep_every_visible_character(body, language):
    blocks = text_blocks(body, 1, language)
    assert all(block.text == block.text.strip() and block.text for block in blocks)
    sentences = split_blocks(blocks, language)
    assert [s.text for s in sentences] == [blocks[s.block].text[s.start : s.end] for s in sentences]

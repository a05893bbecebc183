from hypothesis import given
from hypothesis import strategies as st

from briefgen.markup import markdown_blocks, strip_invisible, text_blocks
from briefgen.sentences import split_blocks
from briefgen.typography import _WORD, normalize, words


def test_quotes_dashes_and_spaces_are_normalised_one_for_one():
    text = "\u201cIt\u2019s \u2018done\u2019\u201d \u2013 \u2014 \u2212 \u00abfin\u00bb \u201eja\u201c a\u00a0b\u202fc\u2009d Kim\u02bcs"
    assert normalize(text) == '"It\'s \'done\'" - - - "fin" "ja" a b c d Kim\'s'
    assert len(normalize(text)) == len(text)


def test_plain_text_with_a_backtick_or_a_tab_is_normalised_too():
    assert normalize("`Tis\tdone") == "'Tis done"
    assert normalize("plain ascii, unchanged") == "plain ascii, unchanged"


@given(st.text(alphabet=st.sampled_from("ab ,.`\t'\"-\u2019\u201c\u201d\u2014\u00a0\u3000\u00e9")))
def test_normalize_maps_each_character_on_its_own(text):
    assert normalize(text) == "".join(normalize(character) for character in text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_words_of_ascii_text_are_the_unicode_words(text):
    assert words(text) == _WORD.findall(text)


@given(st.text())
def test_normalize_keeps_every_offset(text):
    norm = normalize(text)
    assert len(norm) == len(text)
    assert all(a == b for a, b in zip(norm, text) if a.isalnum())


def test_readers_see_the_original_typography_and_analysis_the_plain_one():
    blocks = text_blocks("\u201cWe opened it,\u201d Voss said \u2013 twice.\u00a0It\u2019s worse.")
    sentences = split_blocks(blocks)
    assert [s.text for s in sentences] == ["\u201cWe opened it,\u201d Voss said \u2013 twice.", "It\u2019s worse."]
    assert [s.norm for s in sentences] == ['"We opened it," Voss said - twice.', "It's worse."]


def test_entities_are_decoded_in_plain_text_and_markdown():
    body = "AT&amp;T said &ldquo;no&rdquo; &ndash; twice&nbsp;over &#8230; &#x2019;tis"
    expected = "AT&T said \u201cno\u201d \u2013 twice\u00a0over \u2026 \u2019tis"
    assert text_blocks(body)[0].text == expected
    assert markdown_blocks(body)[0].text == expected


def test_invisible_characters_are_removed_when_read():
    body = "\ufeffThe corro\u00adsion was\u200b wide\u2060spread."
    assert strip_invisible(body) == "The corrosion was widespread."
    assert text_blocks(body)[0].text == "The corrosion was widespread."
    assert markdown_blocks(body)[0].text == "The corrosion was widespread."


def test_no_break_spaces_inside_are_kept_and_at_the_edges_dropped():
    assert text_blocks("\u00a0Ferries\u00a0run all night.\u00a0\u00a0")[0].text == "Ferries\u00a0run all night."


def test_words_keep_inner_apostrophes_and_hyphens_and_skip_numbers():
    assert words(normalize("Kim Jong-un\u2019s 300,000 troops \u2013 two-thirds, it's said")) == [
        "Kim", "Jong-un's", "troops", "two-thirds", "it's", "said"]


def test_markdown_bodies_lose_their_markup_but_not_their_words():
    body = "The *corroded* cables were [replaced](https://example.com) in **1994**.\n\n<script>alert(1)</script>\n\n## A subhead"
    assert [(b.kind, b.text) for b in markdown_blocks(body)] == [
        ("p", "The corroded cables were replaced in 1994."),
        ("h", "A subhead"),
    ]

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.markup import _MARKDOWN, _PLAIN, _chunk_blocks, _html_blocks, markdown_blocks, text_blocks
from briefgen.models import LIST_ITEM, PARAGRAPH

WEB_COPY = """Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).
The Harbour Bridge, seen from the north shore ferry terminal.
  \u2022 Port Alder closed its bridge after finding corroded wire.
  \u2022 Ferries will carry commuters while the city plans repairs.

Port Alder has closed its Harbour Bridge indefinitely, city officials said on Wednesday.\u00a0

  \u2022 Ferry fares frozen as operator admits 'we got it wrong'

Read the original article on Coastline Insider"""


def test_web_copy_splits_into_the_same_blocks_as_plain_text_or_markdown():
    expected = [
        (PARAGRAPH, 1, "Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right)."),
        (PARAGRAPH, 2, "The Harbour Bridge, seen from the north shore ferry terminal."),
        (LIST_ITEM, 3, "Port Alder closed its bridge after finding corroded wire."),
        (LIST_ITEM, 4, "Ferries will carry commuters while the city plans repairs."),
        (PARAGRAPH, 6, "Port Alder has closed its Harbour Bridge indefinitely, city officials said on Wednesday."),
        (LIST_ITEM, 8, "Ferry fares frozen as operator admits 'we got it wrong'"),
        (PARAGRAPH, 10, "Read the original article on Coastline Insider"),
    ]
    assert [(b.kind, b.line, b.text) for b in text_blocks(WEB_COPY)] == expected
    assert [(b.kind, b.line, b.text) for b in markdown_blocks(WEB_COPY)] == expected


def test_hard_wrapped_lines_are_joined_and_short_lines_stand_alone():
    body = (
        "Ferries packed as bridge stays shut\n"
        "Commuters queued for up to three hours on Thursday as the ferry operator ran\n"
        "every boat it has, and the council said the bridge would stay closed."
    )
    assert [b.text for b in text_blocks(body)] == [
        "Ferries packed as bridge stays shut",
        "Commuters queued for up to three hours on Thursday as the ferry operator ran every boat it has, and the council said the bridge would stay closed.",
    ]


def test_numbered_lines_are_list_items_only_where_a_list_can_start():
    body = "Three steps:\n\n1. Close the bridge\n2. Inspect every cable\n\nThe number of farms that sold part of their herds rose to\n12. Nobody knew why."
    assert [(b.kind, b.text) for b in text_blocks(body)] == [
        (PARAGRAPH, "Three steps:"),
        (LIST_ITEM, "Close the bridge"),
        (LIST_ITEM, "Inspect every cable"),
        (PARAGRAPH, "The number of farms that sold part of their herds rose to 12. Nobody knew why."),
    ]


def test_emphasis_at_the_start_of_a_plain_text_line_is_not_a_bullet():
    assert [(b.kind, b.text) for b in text_blocks("*Updated* with the council's statement.")] == [
        (PARAGRAPH, "*Updated* with the council's statement.")
    ]


def test_markdown_line_breaks_and_lists_keep_their_lines():
    body = "First line of a paragraph that an editor wrapped by hand at a comfortable\nwidth for reading.\n\n- one point.\n- another point."
    assert [(b.kind, b.line, b.text) for b in markdown_blocks(body, 5)] == [
        (PARAGRAPH, 5, "First line of a paragraph that an editor wrapped by hand at a comfortable width for reading."),
        (LIST_ITEM, 8, "one point."),
        (LIST_ITEM, 9, "another point."),
    ]


def test_a_very_long_paragraph_is_cut_at_a_line_break_after_3000_characters():
    line = "The council said the bridge would stay closed for at least another week."
    blocks = text_blocks("\u201c" + "\n".join([line] * 60))
    assert len(blocks[0].text) == 42 * (len(line) + 1)  # 42 lines and the quote mark: the first break past 3,000
    assert blocks[0].text.startswith("\u201cThe council") and blocks[1].text == line


PROSE = st.text(alphabet=st.sampled_from(list("abcXYZ019 .,;:!?'\"“”‘’()-–—#+=|{}~%$@/é\u00a0\u2022\t")), min_size=1, max_size=60)


@settings(max_examples=500, deadline=None)
@given(PROSE)
def test_plain_lines_skip_markdown_with_the_same_result(line):
    assert _chunk_blocks(line) == _html_blocks(_MARKDOWN.reset().convert(line))


def test_the_plain_prose_shortcut_leaves_markup_to_markdown():
    assert _PLAIN.match("Port Alder's bridge, closed on Friday (again), costs £3.5m - a 65-year-old record.")
    for markup in ("1. first", "2) second", "- item", "*emphasis*", "a [link](https://x.org)", "AT&amp;T", "<b>x</b>", " indented", "`code`"):
        assert not _PLAIN.match(markup), markup

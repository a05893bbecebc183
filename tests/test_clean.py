import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.clean import _AGENCY_CREDIT, BUILTIN_RULES, CATCH_ALL_RULES, _photo_agency, clean, rules_for
from briefgen.config import Config, OutletRules
from briefgen.markup import text_blocks
from briefgen.models import HEADING, LIST_ITEM, Block
from builders import article

STORY = "Port Alder's Harbour Bridge was closed on Wednesday after engineers found corrosion in its cables."


def dropped_by(text: str, kind: str = "p", **fields) -> str:
    """The rule that drops `text` when it follows a story paragraph ('' when kept)."""
    item = article(blocks=(Block(STORY), Block(text, kind)), **fields)
    _, dropped = clean(item, rules_for(Config(), item.outlet))
    return dropped[0].rule if dropped else ""


FURNITURE = [
    ("READ MORE: Seagull gang steals 40 pasties from seafront bakery", "teaser"),
    ("Read more: Ferry fares frozen for the winter", "teaser"),
    ("Related: How a rate rise changes your mortgage", "teaser"),
    ("MORE: Council defends ferry timetable", "teaser"),
    ("See also: The bridge in numbers", "teaser"),
    ("WATCH: Drone footage of the corroded cables", "teaser"),
    ("Most read", "teaser"),
    ("Related articles", "teaser"),
    ("Click here to read the inspection report", "teaser"),
    ("For the latest news from Port Alder, sign up for our free morning newsletter by clicking here.", "newsletter-promo"),
    ("For the latest money news and tips sign up to our free newsletter here.", "newsletter-promo"),
    ("Sign up to our Morning Briefing newsletter", "newsletter-promo"),
    ("Get the day's top stories straight to your inbox.", "newsletter-promo"),
    ("Subscribe to our daily bulletin.", "newsletter-promo"),
    ("Download the Alder Herald app for breaking news alerts", "app-promo"),
    ("Get our free app", "app-promo"),
    ("Source: Read Full Article", "source-footer"),
    ("Source: Alder Herald", "source-footer"),
    ("Read the original article on Coastline Insider", "original-article"),
    ("This story was first published by Northern Wire.", "original-article"),
    ("This article originally appeared on The Calder Review.", "original-article"),
    ("ADVERTISEMENT", "advertisement"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Share this article on Facebook", "share-prompt"),
    ("Follow Coastline Insider on X and Instagram", "share-prompt"),
    ("Follow us on Twitter", "share-prompt"),
    ("Follow @AlderHerald on X", "share-prompt"),
    ("Share", "share-prompt"),
    ("Copy link", "share-prompt"),
    ("Listen to this article", "share-prompt"),
    ("4 min read", "share-prompt"),
    ("Photo: Alder Herald/Jon Petrak", "photo-credit"),
    ("Image: Getty", "photo-credit"),
    ("Pictured: the north shore ferry terminal on Thursday", "photo-credit"),
    ("Credit: Coastline Insider", "photo-credit"),
    ("Image caption, Commuters queue for the ferry", "photo-credit"),
    ("The bridge at dusk (Image: Alder Herald)", "photo-credit"),
    ("Commuters wait for the first ferry on Thursday. Getty Images", "photo-agency"),
    ("Governor Miriam Castellanos at the Bank of Calder on Wednesday. Reuters", "photo-agency"),
    ("Ruth Okafor in 2019. Jon Petrak/AFP via Getty Images", "photo-agency"),
    ("Mayor Daniel Okonkwo. REUTERS/Jon Petrak", "photo-agency"),
    ("Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).", "caption-positions"),
    ("Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right) met on the bridge in 2024.", "caption-positions"),
    ("Mayor Daniel Okonkwo (centre) at City Hall", "caption-positions"),
    ("By Mara Quinlan", "byline"),
    ("By Mara Quinlan, Transport Correspondent", "byline"),
    ("By MARA QUINLAN and FELIX ARANDA", "byline"),
    ("Reporting by Felix Aranda; Editing by Tom Hale", "byline"),
    ("Published 07:40, 19 Nov 2026", "dateline"),
    ("Updated: Wednesday 19 November 2026 08:15 GMT", "dateline"),
    ("Nov. 19, 2026 at 7:40 a.m. ET", "dateline"),
    ("2026-11-19", "dateline"),
    ("© 2026 The Alder Herald. All rights reserved.", "copyright"),
    ("Got a story? Email news@alderherald.example", "contact-promo"),
    ("Mehr zum Thema: Fähren überlastet", "teaser"),
    ("À lire aussi : les ferries débordés", "teaser"),
    ("Lee también: Los ferris, desbordados", "teaser"),
    ("Anzeige", "advertisement"),
    ("Publicité", "advertisement"),
    ("Foto: Jon Petrak", "photo-credit"),
    ("Photo : Jon Petrak", "photo-credit"),
    ("Fuente: Alder Herald", "source-footer"),
    ("Panicked council begs ferry firm to add boats", "headline"),
    ("What happens next", "headline"),
]


@pytest.mark.parametrize("text,rule", FURNITURE)
def test_furniture_is_dropped_by_its_rule(text, rule):
    assert dropped_by(text) == rule


STORY_LOOKALIKES = [
    "The council said in its newsletter that the bridge would reopen in March.",
    "More than 3,000 residents have signed up for the ferry season ticket.",
    "The mayor urged residents to sign up for flood alerts on the council website.",
    "Residents can download the council's new ferry app for free, a spokesman said.",
    "Councillor Ana Reyes (left) said the plan was rushed and would cost the city millions.",
    "The footage was first published by Reuters.",
    "Officials told AFP the talks had stalled.",
    "By Wednesday night, the queue for the ferry stretched for two miles.",
    "Share prices in Harbour Works fell 8% on Thursday.",
    "Follow-up inspections will start in January, the council said.",
    "Read more carefully, the report shows the cables were never painted.",
    "Watch the timetable closely, the ferry operator warned.",
    "Photographers gathered at the north shore to watch the divers.",
    "The source of the leak has not been found.",
    "In May, the monitoring group said reservoirs had fallen for the ninth week in a row",
    "Getty Images, the photo agency, said it would move its Port Alder office.",
    "The original article in the engineering journal warned of corrosion in 2019.",
    "Advertisements for the ferry season ticket ran in every paper on Friday.",
    "She added: \u201cIt\u2019s a ghost town down here\u201d",
]


@pytest.mark.parametrize("text", STORY_LOOKALIKES)
def test_story_sentences_that_look_like_furniture_stay(text):
    assert dropped_by(text) == ""


def test_every_builtin_rule_is_tested():
    tested = {rule for _, rule in FURNITURE} | {"bullet-teaser", "heading", "repeated-title", "caption"}
    assert {rule.name for rule in BUILTIN_RULES + CATCH_ALL_RULES} <= tested


def test_bullet_headline_link_is_dropped_but_key_point_bullets_stay_as_list_items():
    body = textwrap.dedent(
        """\
        Dr. Helena Voss (left) and Mayor Daniel Okonkwo (right).
          • Port Alder closed its Harbour Bridge after finding corroded wire.
          • Ferries will carry commuters while the city plans repairs.

        The bridge was closed on Wednesday night.

          • Port Alder ferry fares frozen as operator admits 'we got it wrong'

        “Nobody wants to shut the city's busiest road,” the mayor said."""
    )
    item = article(blocks=text_blocks(body))
    kept, dropped = clean(item, rules_for(Config(), item.outlet))
    assert [(d.rule, d.line) for d in dropped] == [("caption-positions", 1), ("bullet-teaser", 7)]
    assert [(b.kind, b.text) for b in kept] == [
        (LIST_ITEM, "Port Alder closed its Harbour Bridge after finding corroded wire."),
        (LIST_ITEM, "Ferries will carry commuters while the city plans repairs."),
        ("p", "The bridge was closed on Wednesday night."),
        ("p", "“Nobody wants to shut the city's busiest road,” the mayor said."),
    ]


def test_verbless_caption_lines_are_dropped_only_above_the_story():
    captions = ("North Korean leader Kim Jong Un and Russian President Vladimir Putin.",
                "The Harbour Bridge in Port Alder, seen from the north shore ferry terminal.")
    item = article(blocks=(Block(captions[0]), Block(captions[1]), Block(STORY), Block(captions[0])))
    kept, dropped = clean(item, rules_for(Config(), item.outlet))
    assert [(d.text, d.rule) for d in dropped] == [(captions[0], "caption"), (captions[1], "caption")]
    assert [b.text for b in kept] == [STORY, captions[0]]


def test_a_short_lead_sentence_at_the_top_stays():
    for lead in ("Thousands of commuters face weeks of ferry queues.", "Port Alder shuts its Harbour Bridge.",
                 "The Bank of Calder raised rates again on Wednesday.",
                 "Judge Ann Ray heard the case at Kestrel Crown Court on Monday.",
                 "Harbour Police Chief Ida Stone found the missing ferry near Marrow Point."):
        item = article(blocks=(Block(lead), Block(STORY)))
        assert clean(item, rules_for(Config(), item.outlet))[1] == ()


def test_title_repeated_as_first_line_is_dropped():
    title = "Putin slammed as \u2018desperate\u2019 over help from the north"
    item = article(title=title, blocks=(Block("Putin slammed as 'desperate' over help from the north"), Block(STORY)))
    assert [d.rule for d in clean(item, rules_for(Config(), item.outlet))[1]] == ["repeated-title"]


def test_title_with_a_word_changed_is_dropped_at_the_top_only():
    title = "Harbour Bridge shut after engineers find corroded cables in Port Alder"
    near = "Harbour Bridge shut after engineers find corroded cables in Port Alder city"
    item = article(title=title, blocks=(Block(near), Block(STORY), Block("A"), Block(STORY + " Again."), Block(near)))
    dropped = clean(item, rules_for(Config(), item.outlet))[1]
    assert [(d.text, d.rule) for d in dropped] == [(near, "repeated-title"), ("A", "headline"), (near, "headline")]


def test_byline_of_the_articles_author_is_dropped():
    assert dropped_by("Mara Quinlan | Transport Correspondent", author="Mara Quinlan") == "byline"
    assert dropped_by("Mara Quinlan, Transport Correspondent", author="") == "headline"
    assert dropped_by("Mara Quinlan said the ferries were full.", author="Mara Quinlan") == ""


def test_headings_and_markdown_headings_are_dropped():
    assert dropped_by("What happens next", kind=HEADING) == "heading"


def test_a_heading_that_introduces_a_quote_stays():
    assert dropped_by("Prof Ada Lune, Professor of Nutrition, University of Kelby, said:", kind=HEADING) == ""


def test_site_and_outlet_rules_drop_with_their_names():
    config = Config(drop_lines=("^Pictured",), outlets=(OutletRules("Daily Beacon", ("^EXCLUSIVE:",)),))
    exclusive = "EXCLUSIVE: the inspection report the council kept quiet."
    item = article(outlet="daily beacon", blocks=(Block(STORY), Block(exclusive), Block("Pictured below, the bridge."), Block("exclusive: lower case.")))
    kept, dropped = clean(item, rules_for(config, item.outlet))
    assert [(d.text, d.rule) for d in dropped] == [
        (exclusive, "outlets.Daily Beacon.drop_lines[0]"),
        ("Pictured below, the bridge.", "drop_lines[0]"),
    ]
    assert [b.text for b in kept] == [STORY, "exclusive: lower case."]


def test_keep_lines_override_builtin_rules_but_not_the_sites_own():
    config = Config(keep_lines=("^Related:",), drop_lines=("^Related: .*ferry",),
                    outlets=(OutletRules("The Example", (), ("^Advertisement$",)),))
    item = article(blocks=(Block(STORY), Block("Related: the bridge"), Block("Related: the ferry"), Block("Advertisement")))
    kept, dropped = clean(item, rules_for(config, item.outlet))
    assert [b.text for b in kept] == [STORY, "Related: the bridge", "Advertisement"]
    assert [(d.text, d.rule) for d in dropped] == [("Related: the ferry", "drop_lines[0]")]


def test_rules_see_normalised_text():
    assert dropped_by("Source\u00a0: Read\u00a0Full Article") == "source-footer"
    assert dropped_by("Don\u2019t miss: the bridge in pictures") == "teaser"


@pytest.mark.parametrize("line, rule", [
    ("More from Features: 'I was told I would never walk again': the runner who proved doctors wrong", "teaser"),
    ("Appeared in the November 19, 2026, print edition as 'Harbour Plans Deep Cuts.'", "original-article"),
    ('Lund on the ice field in 2024: "I still get a bit giddy every time." Photograph: Sander Moe for The Review', "photo-credit"),
    ('[Photo caption: Crews lift the old span away on Friday. "We waited ten years for this," one driver said. (Kelby Post/Ana Vey)]',
     "photo-credit"),
    ('*Pickers sort apples in the rain. "We need dry weather more than anything," one grower said. (Herald photo / Sam Ortiz)*',
     "photo-credit"),
    ('Shoppers wait outside the store on Monday. "We came at six," one woman said. (AP Photo/Dana Kell)', "photo-credit"),
    ('\U0001f52c Sign up for Tide Notes, our weekly science newsletter. "Worth every minute of my week," says one reader.',
     "newsletter-promo"),
    ('ALSO IN BOOKS: "I only write on trains" - our interview with the crime novelist Ada Penn', "teaser"),
    ('MORE FROM FOOD & DRINK: "The best chips on the coast are at a bus station" - our readers\' tips', "teaser"),
])
def test_more_teasers_print_edition_notes_and_captions_ending_in_a_credit_are_dropped(line, rule):
    assert dropped_by(line) == rule


@pytest.mark.parametrize("header", ["MOST READ", "Most viewed in Culture", "More on this story", "MORE IN HEALTH"])
def test_the_headlines_under_a_most_read_line_are_dropped_with_it(header):
    text = article(blocks=text_blocks(f"The ferry ran late again.\n\n{header}\n"
                                      "'I thought it was a bomb': Resident's shock at burst main\nSchool with six pupils turns 150\n\n"
                                      "The council said the service would improve."))
    kept, dropped = clean(text, rules_for(Config(), text.outlet))
    assert [b.text for b in kept] == ["The ferry ran late again.", "The council said the service would improve."]


def test_numbered_headlines_of_a_teaser_list_are_dropped_but_numbered_story_paragraphs_stay():
    teasers = article(blocks=text_blocks("The ferry ran late again.\n\n1. Bypass works to last until summer\n\n"
                                         "2. 'I thought it was a bomb': Resident's shock at burst main"))
    kept, _ = clean(teasers, rules_for(Config(), teasers.outlet))
    assert [b.text for b in kept] == ["The ferry ran late again."]
    story = article(blocks=text_blocks("1. The ferry ran late again.\n\n2. 'It was a bomb,' said one resident."))
    kept, _ = clean(story, rules_for(Config(), story.outlet))
    assert len(kept) == 2


def test_the_headlines_under_a_more_from_line_are_dropped_with_it():
    text = article(blocks=text_blocks("The ferry ran late again.\n\nMore from Harbourside TV:\n"
                                      "Island timetable 'not fit for purpose', says MSP\nSchool with six pupils turns 150\n"))
    kept, dropped = clean(text, rules_for(Config(), text.outlet))
    assert [b.text for b in kept] == ["The ferry ran late again."]
    assert [d.rule for d in dropped] == ["teaser", "teaser"]


_CREDIT_PARTS = ["Reuters", "REUTERS", "AP", "AP Photo", "Getty Images", "EPA-EFE", "PA Wire", "Rex Features", "via",
                 "/", "|", "(", ")", ".", ". ", " ", "  ", "Jon Petrak", "on Wednesday", "apple", "Kremlin", "press"]


@given(st.lists(st.sampled_from(_CREDIT_PARTS), max_size=8).map("".join))
def test_the_agency_precheck_never_changes_what_the_pattern_finds(line):
    assert _photo_agency(line) == bool(_AGENCY_CREDIT.search(line))

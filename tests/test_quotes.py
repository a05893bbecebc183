"""Quotes: extraction, speakers, merging across outlets, ranking, editor controls, integrity."""

import json
import re
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.analyze import analyze
from briefgen.build import BuildOptions, analyze_all, make_site
from briefgen.config import Config
from briefgen.keyquotes import apply_controls, comparable, key_quotes, same_quote
from briefgen.markup import markdown_blocks, text_blocks
from briefgen.metadata import QUOTE_CONTROLS
from briefgen.names import _PROPER_TOKEN, _inner_capitalised
from briefgen.errors import InputError
from briefgen.models import LIST_ITEM, Block, Briefing, PinnedQuote, QuoteControls, Topic, TopicBriefing
from briefgen.quotes import display_text
from briefgen.read import Paths, read_project
from briefgen.render import briefing_json, environment
from briefgen.typography import normalize, words
from builders import REPO, article, front_matter, write_project


def analysed(*paragraphs, **fields):
    body = "\n\n".join(paragraphs)
    return analyze(article(blocks=text_blocks(body), **fields), Config())


def found(*paragraphs):
    return [(q.text, q.speaker) for q in analysed(*paragraphs).quotes]


# Extraction


def test_quote_over_paragraphs_with_a_teaser_line_removed_from_the_middle():
    assert found(
        "Union organiser Declan Furlong told the rally: \u201cOur members have had one pay rise in six years.",
        "\u201cThey keep this island alive in gales.",
        "READ MORE: Pensioner finishes marathon",
        "  \u2022 Baker says \u201cwe have never seen queues like it\u201d as strike bites",
        "\u201cAnd all they have been offered is a \u2018one-off gesture\u2019.\u201d",
    ) == [(
        "Our members have had one pay rise in six years. They keep this island alive in gales. "
        "And all they have been offered is a \u2018one-off gesture\u2019.",
        "Declan Furlong",
    )]


def test_unclosed_quote_that_does_not_continue_is_not_a_quote():
    assert found('She said: "This quote is never closed at all.', "The next paragraph is plain text here.") == []


def test_quote_split_by_its_attribution_is_one_quote():
    assert found(
        'Union chair Agnes Thorvald spoke. "A general can move water," she said, "but she cannot make it rain."',
        '"We picked the places where wells failed," Okafor said at a briefing. "Nobody should drive an hour."',
    ) == [
        ("A general can move water, but she cannot make it rain.", "Agnes Thorvald"),
        ("We picked the places where wells failed. Nobody should drive an hour.", "Okafor"),
    ]


def test_a_quote_closed_in_its_paragraph_is_whole_and_the_next_paragraph_is_another_by_the_same_speaker():
    assert found(
        '"Nobody wants to shut the road," Mr. Okonkwo told reporters outside City Hall.',
        '"But I will not ask a family to drive across it."',
        '"This one stands alone," Voss said.',
        '"And this one has its own attribution," Okonkwo said.',
    ) == [
        ("Nobody wants to shut the road", "Okonkwo"),
        ("But I will not ask a family to drive across it.", "Okonkwo"),
        ("This one stands alone", "Voss"),
        ("And this one has its own attribution", "Okonkwo"),
    ]


def test_a_split_quote_whose_second_part_runs_on_over_paragraphs_is_one_quote():
    assert found(
        '"Over the last three years we doubled the size of the firm," Okafor wrote to staff. "Sales did not keep up.',
        '"Some of you will be leaving us in the coming weeks. You did nothing wrong."',
        "Staff were told on Tuesday.",
    ) == [("Over the last three years we doubled the size of the firm. Sales did not keep up. Some of you will be "
           "leaving us in the coming weeks. You did nothing wrong.", "Okafor")]


@pytest.mark.parametrize("attribution, speaker", [
    ("a spokeswoman for the ferry operator said", ""),
    ("said one man on Dock Lane, who asked not to be named", ""),
    ("she laughed", "Nia Penrose"),
    ("she chuckled", "Nia Penrose"),
    ("she admitted", "Nia Penrose"),
    ("said Nia Penrose, who runs the cafe", "Nia Penrose"),
    ("she said, pausing as the queue laughed", "Nia Penrose"),
    ("she says, without being asked", "Nia Penrose"),
    ("she tells me before I have even switched on my recorder", "Nia Penrose"),
])
def test_a_quote_split_by_any_attribution_is_one_quote(attribution, speaker):
    assert found(
        "Cafe owner Nia Penrose opened early.",
        f"'We ran out of milk by nine,' {attribution}. 'Nobody minded in the slightest.'",
    ) == [("We ran out of milk by nine. Nobody minded in the slightest.", speaker)]


def test_a_business_named_after_a_role_is_not_whom_she_means():
    assert found(
        "Mara Lindqvist sits in her new dining room. Her first venture, a bistro called Salt & Vine, closed within a year.",
        '"People like a comeback story," she tells me.',
    ) == [("People like a comeback story", "Mara Lindqvist")]


def test_a_post_quoted_in_two_parts_is_one_quote_by_who_posted_it():
    assert found(
        "Kelby Rail confirmed the fault in a post on its forum.",
        '"Some trains will run late this morning," the post read. "We are sorry for the trouble."',
    ) == [("Some trains will run late this morning. We are sorry for the trouble.", "Kelby Rail")]


def test_a_second_attribution_after_the_first_keeps_two_quotes():
    assert len(found('"We ran out of milk by nine," she said, adding: "Nobody minded in the slightest."')) == 2


def test_a_title_before_an_attribution_is_not_the_first_part_of_the_quote():
    assert found('The Kelby Safety Board (KSB) examined 31 hospitals. In the report, titled "Stuck at the Door", it said: '
                 '"Delays of this scale are no longer a seasonal problem."') == [
        ("Delays of this scale are no longer a seasonal problem.", "Kelby Safety Board")]


def test_a_live_blog_label_in_capitals_is_no_speaker():
    assert found('UPDATE, 4:40 p.m.: "The fix is rolling out now, and no action is needed."') == [
        ("The fix is rolling out now, and no action is needed.", "")]


def test_a_partial_quote_without_a_speech_verb_is_the_named_subjects():
    assert found("In its decision, Kelby District Council ruled that the fence had 'an unreasonable effect on the light'.") == [
        ("an unreasonable effect on the light", "Kelby District Council")]
    assert found("In its decision, the panel ruled that the fence had 'an unreasonable effect on the light'.") == [
        ("an unreasonable effect on the light", "")]


def test_an_expert_reaction_roundup_gives_each_quote_to_the_expert_in_the_heading_above():
    text = analyze(article(blocks=markdown_blocks(
        "### Prof Ada Lune, Professor of Nutrition, University of Kelby, said:\n\n"
        '"This is a conference abstract, not a paper, and I urge caution."\n\n'
        '"People who eat in a short window may be shift workers."\n\n'
        "### Dr Sam Ode, Senior Lecturer in Nutrition, Kelby College, said:\n\n"
        '"The trial evidence shows modest benefits for weight."\n'
    )), Config())
    assert [(q.speaker, q.role) for q in text.quotes] == [("Ada Lune", "Prof"), ("Ada Lune", "Prof"), ("Sam Ode", "Dr")]


def test_words_texted_are_the_texters():
    assert found('In messages read to the court, Reddaway texted a trustee: "It is all a misunderstanding, leave it to me."') == [
        ("It is all a misunderstanding, leave it to me.", "Reddaway")]


@pytest.mark.parametrize("middle", [
    "a spokeswoman for the ferry operator said the timetable was cut and a letter went to every household",
    "said one man on Dock Lane, who left before the meeting, asked the council and wrote to his MP",
    "she laughed. The queue outside the cafe grew longer",
])
def test_a_split_quote_is_not_joined_across_narration(middle):
    assert len(found(f"'We ran out of milk by nine,' {middle}. 'Nobody minded in the slightest.'")) == 2


def test_a_split_quote_keeps_its_verbatim_parts():
    (quote,) = analysed('"This is a logistics problem," Okafor said. "We know where the water is."').quotes
    assert quote.parts == ("This is a logistics problem,", "We know where the water is.")
    assert display_text(quote.parts) == quote.text == "This is a logistics problem. We know where the water is."


def test_partial_quote_inside_a_sentence():
    assert found(
        "The talks alarmed retired Lt. Gen. Mark Hertling.",
        'Hertling said the meeting was a union between "two desperate leaders of pariah states."',
    ) == [("two desperate leaders of pariah states.", "Mark Hertling")]


def test_scare_quotes_nicknames_and_titles_of_works_are_not_quotes():
    assert found(
        'Critics called the plan "desperate" and a "routine exercise".',
        'Retired Maj. Gen. James "Spider" Marks and Danny "The Cat Who Ran" Morrow spoke.',
        'The festival opened with "The Lighthouse Keeper\'s Daughter" and closed with "A Harbour in Winter".',
    ) == []


@pytest.mark.parametrize("paragraph", [
    'The report, "Why the southern dunes are moving inland", appears in the Journal of Coasts today.',
    'The estuary, sometimes called "the quiet lung of the north", has lost half its reeds.',
    'Locals nicknamed the bridge "the long walk to nowhere at all" within a week.',
    'Ana Ruiz, once dubbed "the fastest pair of hands in the league", has retired.',
    'Ana Ruiz said the bridge, dubbed "the long walk to nowhere at all", was a waste.',
    'The singer, known as "the voice of the harbour towns", will play on Friday.',
    'Her second novel, titled "a house with no doors or windows", is out in May.',
    'His mother wore a homemade shirt that read "TANK IS MY SON - DO NOT ASK FOR TICKETS."',
])
def test_names_given_to_things_and_titles_of_works_are_not_quotes(paragraph):
    assert found(paragraph) == []


@pytest.mark.parametrize("paragraph, quote", [
    ('Ana Ruiz called the plan "a union between two bankrupt clubs".', "a union between two bankrupt clubs"),
    ('Ana Ruiz told the paper, "We were never going to win that one."', "We were never going to win that one."),
    ('Ana Ruiz described the study as "careful, thorough and long overdue".', "careful, thorough and long overdue"),
    ('Ana Ruiz said the report was "the best news this coast has had".', "the best news this coast has had"),
    ('Ana Ruiz said the scheme should be called "a tax on the poorest families".', "a tax on the poorest families"),
])
def test_partial_quotes_with_a_speech_verb_are_quotes(paragraph, quote):
    assert found(paragraph) == [(quote, "Ana Ruiz")]


def test_straight_and_curly_quotes_give_the_same_quote():
    straight = found('"Nobody wants to shut the busiest road," Mayor Daniel Okonkwo said.')
    curly = found("\u201cNobody wants to shut the busiest road,\u201d Mayor Daniel Okonkwo said.")
    assert straight == [("Nobody wants to shut the busiest road", "Daniel Okonkwo")]
    assert [(normalize(t), s) for t, s in curly] == straight


def test_nested_quotes_stay_inside_the_quote():
    assert found(
        "Nursing representative Lorna McBride spoke. \u201cMy members wrote, \u2018We will not have enough people,\u2019\u201d she said."
    ) == [("My members wrote, \u2018We will not have enough people,\u2019", "Lorna McBride")]


def test_a_sentence_after_the_attribution_does_not_join_two_quotes():
    assert found('"We will rebuild the bridge in a year," Okafor said. The plan "will cost us dearly in the end".') == [
        ("We will rebuild the bridge in a year", "Okafor"), ("will cost us dearly in the end", "")]


def test_a_summary_bullet_repeating_a_quote_is_kept_once():
    blocks = (
        Block('"We grew faster than the business could carry," a spokesperson said.', LIST_ITEM),
        Block('"We grew faster than the business could carry, and that is on me," CEO Nadia Brenner wrote.'),
    )
    quotes = analyze(article(blocks=blocks), Config()).quotes
    assert [(q.text, q.speaker, q.role) for q in quotes] == [
        ("We grew faster than the business could carry, and that is on me", "Nadia Brenner", "CEO")
    ]


# Speakers


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['"We will rebuild the bridge in a year," Helena Voss said.'], "Helena Voss", ""),
    (['"We will rebuild the bridge in a year," said council leader Yusuf Haddad.'], "Yusuf Haddad", "council leader"),
    (['"We will rebuild the bridge in a year," Marks told CNN.'], "Marks", ""),
    (['Fellow retired Army Major General James A "Spider" Marks added: "We will rebuild it in a year."'],
     "James A Marks", "retired Army Major General"),
    (['Kelby Harps out-half Ciarán "Kit" Ó Dálaigh has turned down offers from France.', "Ó Dálaigh announced it online.",
      '"Home is home," he wrote. "There was only ever one answer."'], "Ciarán Ó Dálaigh", ""),
    (["Prof. Anand Rao, the study's senior author, led the work.",
      "On weekday mornings, average particle levels near Garvey, Westfield and Tubman schools were 40% higher.",
      "Low-cost sensors are known to read high in humid weather, and the team corrected the readings, Rao said. "
      '"Even after correction, the gap does not go away," he said.'],
     "Anand Rao", "Prof."),
    (["Prof. Anand Rao, the study's senior author, led the work.",
      "Cheap sensors read high in humid weather, and the team corrected the readings with a standard method, Rao said. "
      '"Even after correction, the gap does not go away," he said.'],
     "Anand Rao", "Prof."),
    (["Councilwoman Tamsin Rhee asked how many people use the branch on a Saturday.",
      "I spoke afterward with Lupe Varga, who brings her three children to story time. She does not own a computer.",
      '"People think the library is books," she told me.'], "Lupe Varga", ""),
    (["Doreen Platt, 82, has lived in the house for 51 years.",
      "Mrs Platt's grandson, Liam Platt, 29, said the family were considering legal action.",
      "'Nan is not going to move,' he said."], "Liam Platt", "Mrs Platt's grandson"),
    (['Cllr Declan Furlong (Ind) said there was "a lot of hot air" in the chamber.'], "Declan Furlong", "Cllr"),
    (['"We will rebuild the bridge in a year," according to Sam Whitfield.'], "Sam Whitfield", ""),
    (['According to Paul Okoro, "every available boat and helicopter" was sent.'], "Paul Okoro", ""),
    (["Speaking to CNN, former US Army General Mark Hertling disagreed with the host.",
      'He said: "They are two desperate leaders of pariah states."'], "Mark Hertling", "former US Army General"),
    (['The bridge is shut, retired Lt. Gen. Mark Hertling said. "We will rebuild it in a year," Hertling said.'],
     "Mark Hertling", "retired Lt. Gen."),
    (['His lawyer, Simon Achebe, said: "He will serve his sentence and make amends."'], "Simon Achebe", "lawyer"),
    (['Pensioner Moira Gallacher, 78, who missed an appointment, said she was "caught in the middle of it".'],
     "Moira Gallacher", "pensioner"),
    (['Prof. Leonie Baptiste of Alder University said the bank had "run out of easy decisions".'], "Leonie Baptiste", "Prof."),
    (["Mayor Elena Vasquez debated Conrad Bell.", "Vasquez accused Bell of lying.",
      '"His plant would take ten years to build," she said.'], "Elena Vasquez", "Mayor"),
    (["Mayor Daniel Okonkwo insisted he had no choice.", '"It is not safe to drive across it," he said.'],
     "Daniel Okonkwo", "Mayor"),
    (["Café owner Priya Nandakumar said trade had halved.", '"It is a ghost town down here now."'],
     "Priya Nandakumar", "café owner"),
    (['"We swim here every single morning," said Ursula van der Berg, a founder.'], "Ursula van der Berg", ""),
    (["The water company, Calder Water, blamed the rain.", '"These releases are closely monitored," the company said.'],
     "Calder Water", "water company"),
    (["Judge Harriet Ambrose sentenced him.", 'It was a case the judge called "a betrayal of a town\'s trust".'],
     "Harriet Ambrose", "Judge"),
    (["Headteacher Ana Bell wrote to every family.", "Governor Tom Reed visited the school.", "But Bell said the letter was clear about the dates.",
      "'Every family had the same message on the same day,' she said."], "Ana Bell", "Headteacher"),
    (["Walter Penrose told the Herald his boat sank in minutes.", "'I have lost my living and my father's boat.'"],
     "Walter Penrose", ""),
])
def test_speaker_and_role(paragraphs, speaker, role):
    (quote,) = analysed(*paragraphs).quotes
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, role", [
    (['A spokeswoman said: "We have made a fair offer and remain ready to talk."'], "a spokeswoman"),
    (['"I just want to see the lads smile again," one supporter said.'], "one supporter"),
    (['"We will rebuild the bridge within the year," he said.'], ""),
    (['"We will rebuild the bridge within the year," they said.'], ""),
    (["Critics were unimpressed by the plan.", '"It is far too little and far too late."'], ""),
    (['The judge called it "a betrayal of a whole town\'s trust".'], "the judge"),
    (["A harbour master was jailed for four years on Monday.", "Judge Ann Ray and Judge Tom Ode heard the case.",
      'The judge called it "a betrayal of a whole town\'s trust".'], "the judge"),
    (["Sian Pryce praised the crew.", "The father, who did not want to be named, said it sank fast.",
      '"I thought we had an hour at least," he told the Herald.'], "the father"),
    (["Headteacher Mrs Ana Bell wrote to every family on Monday.", "But one father said the letter came far too late.",
      "'How are we meant to plan a working day?' he asked. 'Nobody has told us a thing.'"], "one father"),
    (["Walter Penrose lost his boat in the storm on Tuesday night.",
      "'Walter has given everything to this street, so it is our turn now.'"], ""),
])
def test_unclear_speaker_is_never_guessed(paragraphs, role):
    (quote,) = analysed(*paragraphs).quotes
    assert (quote.speaker, quote.role) == ("", role)


# Speakers: single quote marks, organisations, British titles, role phrases, appositions, verbs


def test_quotes_in_single_marks_are_found_like_double_ones():
    assert found(
        "Pier owner Nell Tressider stood on the promenade.",
        "'We have never once closed in August,' she said. 'We will open again, I promise you that.'",
        "Fire chief Ross Ainslie said the crews had met 'a wall of heat from the first minute'.",
    ) == [
        ("We have never once closed in August. We will open again, I promise you that.", "Nell Tressider"),
        ("a wall of heat from the first minute", "Ross Ainslie"),
    ]


def test_a_quote_in_single_marks_may_hold_apostrophes_and_run_over_paragraphs():
    assert found(
        "Skipper Aled Pryderi said: 'The lads' boats haven't left the harbour in a week.",
        "'It's the worst I've seen in forty years.'",
    ) == [("The lads' boats haven't left the harbour in a week. It's the worst I've seen in forty years.", "Aled Pryderi")]


def test_an_apostrophe_left_open_does_not_run_into_the_next_quote():
    assert found(
        "The band played 'til dawn on the pier.",
        "'We will be back next summer, whatever the council says,' said singer Mo Kerr.",
    ) == [("We will be back next summer, whatever the council says", "Mo Kerr")]


@pytest.mark.parametrize("paragraph", [
    "The players' union and the fans' groups met the owners' lawyers on Monday morning.",
    "Owners blamed a 'freak' fault and the 'worst luck' they had known.",
    "He grew up on rock 'n' roll records his parents bought in the '70s and '80s and loved them.",
    'She said: "The sign read \'Closed until further notice\' all summer."',
])
def test_apostrophes_and_scare_quotes_in_single_marks_are_not_quotes(paragraph):
    assert [q.text for q in analysed(paragraph).quotes] == (
        ["The sign read 'Closed until further notice' all summer."] if '"' in paragraph else []
    )


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['A Department of Transport spokesperson said: "We are reviewing every bridge in the county."'],
     "", "a Department of Transport spokesperson"),
    (['A spokeswoman for the Ministry for Harbours said the plan was "on course for a start in the spring".'],
     "", "a spokeswoman for the Ministry for Harbours"),
    (["The Calder Wildlife Trust reopened the reserve.", '"Every nest on the island has survived," the trust said.'],
     "Calder Wildlife Trust", ""),
    (["Fares will rise, the Kelby Transport Regulator said.",
      'Fares will be capped, according to the regulator, which warned it would "act against any operator that cheats".'],
     "Kelby Transport Regulator", ""),
    (["The Harbour Museum lent the paintings.", 'According to the museum, visitors "queued around the block all weekend".'],
     "Harbour Museum", ""),
    (["The operator, Nordvik, said the shaft was sealed. In a statement, it said: \"We will cooperate fully with the inquiry.\""],
     "Nordvik", "operator"),    (['The Bank of Calder said the rise was "the last one we expect this year".'], "Bank of Calder", ""),
    (['The chief executive of the Alder Ferry Company said sailings were "back to normal from Monday".'],
     "", "the chief executive of the Alder Ferry Company"),
    (["Sources close to the manager insisted he was 'going nowhere this season, no matter what'."],
     "", "sources close to the manager"),
    (["Crews from The Harbour Trust worked all night.",
      "The Harbour Safety Office said the pier was 'closed until further notice to all visitors'."],
     "Harbour Safety Office", ""),
    (['The Calder Crab Fishers\' Association said the limits were "a blow to every boat in the bay".'],
     "Calder Crab Fishers' Association", ""),
    (['The Department for Fisheries said in a statement: "We will study the findings closely."'],
     "Department for Fisheries", ""),
    (["A statement from the Kelby Anglers' Club said members would \"share every boat they have with the town\"."],
     "Kelby Anglers' Club", ""),
    (['The Calder Bus Drivers\' Union (CBDU) said the strike would go on "until every depot has a fair offer".'],
     "Calder Bus Drivers' Union", ""),
    (['The Kelby Water Board\'s statement said the supply was "safe to drink from every tap in town".'], "Kelby Water Board", ""),
    (['In the words of the Calder Rail Company\'s press release, the line will "reopen in time for the spring timetable".'],
     "Calder Rail Company", ""),
    (['A 2022 inspection report by the consulting firm Hale & Ober flagged "section loss of up to 40 percent" in the beams.',
      '"Load limits may be needed within three years," the report concluded.'], "Hale & Ober", "consulting firm"),
    (['A fiscal note prepared by the Kelby Budget Office puts the cost at $4m. But the same document warns that '
      '"every estimate here is preliminary and likely to rise."'], "Kelby Budget Office", ""),
    (['The letter, written by midwife Dr. Ana Toft and signed by 60 colleagues, warns that the move is unsafe.',
      '"The bridge closes in high winds nine days a year," the letter states.'], "Ana Toft", "midwife"),
    (["The petition, launched by the Kelby Bus Users' Group, states: \"We call on the council to keep the 47 bus running.\""],
     "Kelby Bus Users' Group", ""),
    (['Dorsey earned his nickname as an eighth grader, according to his mother, Yvette Dorsey, who was at the game.',
      '"He was bigger than the refs in middle school," she said.'], "Yvette Dorsey", "mother"),
    (['Harrow Pharma AG said deliveries would resume "over the coming days and weeks".'], "Harrow Pharma AG", ""),
    (["Kelbia's Ministry of Water said the wells were \"closed for good, every one of them\"."], "Ministry of Water", ""),
    (['The Women\'s Royal Voluntary Service said: "We will be at the station all night."'], "Women's Royal Voluntary Service", ""),
    (['In a statement, St. Agnes Regional Medical Center said: "This decision was not made lightly."'],
     "St. Agnes Regional Medical Center", ""),
    (['A report by the Kelby Panel on Coastal Erosion was published. The panel wrote that building "should stop at the dunes."'],
     "Kelby Panel on Coastal Erosion", ""),
    (['The Mayor of Kelby said the bridge was "closed until further notice to all traffic".'], "", "the Mayor of Kelby"),
    (["Two care homes run by Alder Vale Care will close.",
      'The company said they could not pay. In a statement, it said: "We will support every resident through the move."'],
     "Alder Vale Care", ""),
    (["She scored twice in the final of the Western Netball League.", 'The WNL said the goal "stands, and the result is final".'],
     "Western Netball League", ""),
    (["Kelby Harbour Health runs the hospital.", 'Kelby Harbour did not dispute the memo. In a statement, the company said the plan was '
      '"one of several options under review".'], "Kelby Harbour Health", ""),
    (["Engineers at Brightwave worked all night.", 'Brightwave says most customers are back online. In an update, the company wrote: "We have fixed the fault in every region."'],
     "Brightwave", ""),
])
def test_organisations_and_their_spokespeople(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, role", [
    (["Mayor Jo Kent toured the site.", 'In a statement, it said: "We will cooperate fully with the inquiry."'], ""),
    (["The Alder Wildlife Park and the Kelby Safari Park both closed.", '"We expect to reopen on Friday," the park said.'],
     "the park"),
    (['The club said in a statement: "We remain committed to a new stadium for our fans."'], "the club"),
    (['A spokeswoman for the Kelby Relief Network said staff were "tired", adding: "We are preparing for a long recovery."'],
     "a spokeswoman"),
])
def test_an_organisation_is_not_guessed(paragraphs, role):
    (quote,) = analysed(*paragraphs).quotes
    assert (quote.speaker, quote.role) == ("", role)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['Cllr Ada Brennan said: "There is nothing left to cut."', '"We have cut to the bone," Cllr Brennan added.'],
     "Ada Brennan", "Cllr"),
    (['Opening the case, Owain Lloyd KC told the jury: "This is a case about trust."'], "Owain Lloyd", ""),
    (['Sir Aldous Carrow MP posted on social media: "Heartbreaking scenes on the seafront tonight."'],
     "Aldous Carrow", "Sir"),
    (['Union organiser Tam Ferris said: "Nobody here wants to strike before Christmas."'], "Tam Ferris", "union organiser"),
    (['Calder Nurses\' Union branch secretary Jo Amadi hit back, calling the offer "a pay cut dressed up as a rise".'],
     "Jo Amadi", "Calder Nurses' Union branch secretary"),
    (['Dr Ines Maalouf, of Kelby Medical School, told reporters the results were "better than we dared hope".'],
     "Ines Maalouf", "Dr"),
    (['Bram Okafor, who chairs the board, said: "We will publish every penny of the accounts."'], "Bram Okafor", ""),
    (['Former striker Sol Hart, now a pundit, said: "Sacking him is the easy part of the job."'], "Sol Hart", "former striker"),
    (["Ana Reyes said Mr Colley had described the complaints as \"a campaign by people with a grudge\"."],
     "Colley", ""),
    (['Dean Morris said: "We will be back next summer, whatever happens."'], "Dean Morris", ""),
    (['12:02 p.m. - The Marchand family has posted a statement: "Sofia is safe. We cannot thank the searchers enough."'],
     "Marchand family", ""),
    (['Yard owner Ann Hale - who ran it for forty years - said it was "the end of an era for all of us".'], "Ann Hale", "yard owner"),
    (['The scheme was, in the words of Mayor Ann Brody, "the best thing this council has done in years".'], "Ann Brody", "Mayor"),
    (['Harrow Foods vice president for sales Dale Ocampo said the firm was "ready to build the plant next year".'],
     "Dale Ocampo", "Harrow Foods vice president for sales"),
    (['Head of research Mei Lund said the figures were "far better than anyone in the sector expected".'],
     "Mei Lund", "Head of research"),
    (["Cabinet member for finance Nadia Orr told members the gap was real.", '"Our grant has been cut for a decade," she said.'],
     "Nadia Orr", "cabinet member for finance"),
    (["Late goals from Ewan Doig and Kwame Asante sealed the win.", "The manager was furious.", "The fans left early.",
      "Asante, on loan from Fernley Town, scored in stoppage time.",
      '"Massive relief," the Ghanaian forward admitted. "I have waited weeks for that one."'],
     "Kwame Asante", ""),
    (['Ferrow All-Star Donal Kehoe said the county had "answered every doubter today".'],
     "Donal Kehoe", "Ferrow All-Star"),
    (["Jimin Park, a ferry captain, said the sea was rough.", '"It was the worst crossing I have known," she said.'],
     "Jimin Park", ""),
    (["Ross Tamblyn, a skipper for thirty years, brought the boat in.", "Crowds cheered Skipper Tamblyn on the quay.",
      '"I have never seen a sea like it," Tamblyn said.'], "Ross Tamblyn", ""),
    (["Sen. Ada Kerr lost to Ruth Amis.", 'Amis, a three-term congresswoman, said: "I called Congresswoman Kerr\'s office."',
      '"We will start work on Monday," Kerr said.'], "Ada Kerr", "Sen."),
    (["Ross Tamblyn and Rose Tamblyn run the boat; prices rose.", '"I have never seen a sea like it," Tamblyn said.'],
     "Tamblyn", ""),
    (["Leonard Hale, 67, won the village raffle.", "His wife of forty years, Maureen Hale, was less impressed.",
      "But Hale said he would keep his paper round.", "'I like the walk and the dogs all know me,' he insisted."],
     "Leonard Hale", ""),
    (["Leonard Hale and Maureen Hale won the village raffle.", "Hale said the prize would go to the lifeboat.",
      "'It saved our grandson once,' Hale said."], "Hale", ""),
])
def test_titles_role_phrases_and_appositions(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['RFA Fire Commissioner Greg Hallam said the fire was "as bad as they get, even for this valley".'],
     "Greg Hallam", "RFA Fire Commissioner"),
    (['Chief Executive Lena Szabic said: "We intend to keep every engineer we have."'], "Lena Szabic", "Chief Executive"),
    (["District Attorney Mona Felton charged him on Friday.", '"He knew the wood was rotten," District Attorney Felton said.'],
     "Mona Felton", "District Attorney"),
    (["Skipper Joe Mbeki scored the winner.", '"It was a rubbish ball from me, too soft," Skipper Mbeki said.'],
     "Joe Mbeki", "Skipper"),
    (["Harbour Master Idris Penn moved the barges.", '"They did it in twenty minutes flat," Penn said.'],
     "Idris Penn", "Harbour Master"),
    (['Pastor Evelyn Moss told the congregation: "We will rebuild this hall together."'], "Evelyn Moss", "Pastor"),
    (["But former Wales prop turned pundit Gus Harlow was having none of it.", '"It was a red card all day long," he said on his podcast.'],
     "Gus Harlow", "former Wales prop turned pundit"),
    (["Tāwhiri Marae chairperson Rāwiri Hōne told the radio the doors were open.", '"Come in and get warm, all of you," he said.'],
     "Rāwiri Hōne", "Tāwhiri Marae chairperson"),
    (['Cr Jan Papas moved the motion, calling it "the only fair way to share the beach".'], "Jan Papas", "Cr"),
    (['Kern County Supervisor Gail Ames said: "We will share the water fairly, every drop of it."'], "Gail Ames", "Kern County Supervisor"),
])
def test_capitalised_role_words_before_a_name_are_the_role(paragraphs, speaker, role):
    (quote,) = analysed(*paragraphs).quotes
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker", [
    (['Dean Morris said: "We will be back next summer, whatever happens."'], "Dean Morris"),
    (['The Information Commissioner said: "Organisations must tell people quickly."'], ""),
    (['Kellbridge Town Council said: "We stand ready to help every family affected."'], "Kellbridge Town Council"),
])
def test_names_and_bodies_that_hold_no_role_word_keep_their_words(paragraphs, speaker):
    (quote,) = analysed(*paragraphs).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize("paragraphs, role", [
    (['One resident of Mill Road, who asked not to be named, said the smoke was "thick enough to lean on".'],
     "one resident of Mill Road"),
    (['Residents of Wattle Hollow described fleeing with "only the slippers on our feet".'], "residents of Wattle Hollow"),
    (['A neighbour in Salt Close said the roof had "folded in like a wet cardboard box".'], "a neighbour in Salt Close"),
    (["One resident of Strand Way in Kilmory, who has lived there for 40 years, said she was ready.",
      '"I have seen the sea come in the front door before," she said.'], "one resident of Strand Way"),
])
def test_a_place_is_never_the_speaker(paragraphs, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == ("", role)


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Owner Shona Pettit, 38, from Lane Road, Pentrick, told the paper: 'I honestly thought I would faint.'"],
     "Shona Pettit"),
    (['Leonie Baptiste of Alder University said: "The results are better than we hoped."'], "Leonie Baptiste"),
    (['The Bank of Calder said: "Rates will stay where they are for now."'], "Bank of Calder"),
])
def test_a_person_or_body_named_with_a_place_keeps_the_name(paragraphs, speaker):
    (quote,) = analysed(*paragraphs).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker", [
    (['Dr. Euan Rafter, vice-chair of the Caledonian College of Emergency Medicine, said the figures showed '
      '"real people lying on trolleys in corridors".'], "Euan Rafter"),
    (["Local dog warden Trev Hamlin, known around town as 'Two Leads' because he carries a spare, described it as "
      "'the best thing I have seen in the job'."], "Trev Hamlin"),
    (['Her main opponent is Sen. Ruth Ames, a Democrat from Lake County who chairs the budget panel and has called the bill '
      '"a tax on the people who can least afford it."'], "Ruth Ames"),
    (['Jo Pryce, whose father Ted, 91, waited six hours on a trolley in May, said the report had "told our story exactly".'],
     "Jo Pryce"),
    (["At the showground, which is now a shelter, Kellys Flat farmer Ron Abbott, 67, said he had moved his cattle.",
      '"I have never seen a fire come over the ridge like that," he said.'], "Ron Abbott"),
    (['In a statement emailed on Wednesday, the Calder Teachers Association, which has 600 members, said it "backs the ban '
      'in full."'], "Calder Teachers Association"),
    (["Tam Okoye said it was a sad day.", "Machine operator Denise Rawley, 52, said she had not told her mother.",
      '"My mum worked here, my aunties worked here," she said.'], "Denise Rawley"),
    (['Opposition spokesman Gideon Marsh said ministers had been warned about "kit that is not up to a winter".'],
     "Gideon Marsh"),
])
def test_appositives_and_reported_words_keep_the_speaker(paragraphs, speaker):
    quote = analysed(*paragraphs).quotes[-1]
    assert quote.speaker == speaker


def test_words_told_by_an_unnamed_agent_are_not_the_sources():
    paragraph = 'According to the Irish Parents\' Council, families had been told by officials to "apply again next year".'
    assert found(paragraph) == [("apply again next year", "")]


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["Midwife Agnes Torvald called the plan a mistake.", "Torvald believes the unit can be saved.",
      '"Give us six midwives and we will give you a safe unit," she said.'], "Agnes Torvald", ""),
    (["Agnes Torvald called the plan a mistake.", "A spokeswoman for the charity Safe Births said it would cost lives.",
      '"Every extra mile matters when a labour goes wrong," she said.'], "", "a spokeswoman"),
    (['Union organisers said: "We will not accept a deal that cuts the night shift."'], "", "union organisers"),
    (["The Pell Valley Patients' Forum said: \"Mothers deserve better than this plan.\""], "Pell Valley Patients' Forum", ""),
    (["Gov. Ella Hart has spent the month counting votes.", "Lawmakers return on Monday to debate the bill.",
      'Asked whether she would meet Prynne, the governor smiled. "I negotiate with everybody," she said.'], "Ella Hart", "Gov."),
    (["Gov. Ella Hart has spent the month counting votes.", 'Asked about it, the governor smiled. "I talk to everybody," she said.',
      'At the other end of the Capitol, the Appropriations chairman was unmoved. The line, he said, "was a bad idea then and now."'],
     "", "the Appropriations chairman"),
    (["Mr Jon Pike and Ms Rhoda Kell run the shop.", "Pike, 58, keeps the books. Kell opened the door to us.",
      '"We will not close before Christmas," he said.'], "Jon Pike", ""),
    (["Ada Lune's fourth novel arrives next week. Her last book, \"Small Hours at the Hotel\", was shortlisted for the Kelby Prize.",
      'We meet at a cafe near her flat. "I was the kid who did impressions at funerals," she says.'], "Ada Lune", ""),
    (["Jim Rourke, 66, was a miner for thirty years.", "His younger brother, Tommy Rourke, 24, was among those who died.",
      'He added: "Tommy swapped shifts with me that Saturday so I could go to a wedding."'], "Jim Rourke", ""),
    (["Rosa Vela, 71, fled her home at night.", "My neighbour banged on the door. She said: \"He shouted, 'Rosa, the hill's on fire!' and I ran.\""],
     "Rosa Vela", ""),
    (["Edna Platt, 84, waited 31 hours on a trolley.", 'The former school dinner lady told the Clarion: "I have never felt so small."'],
     "Edna Platt", ""),
    (["Winger Tane Rewi, 31, has hit out at the ban.", 'And last night the furious Kiwi told the Beacon: "I never set out to hurt anyone."'],
     "Tane Rewi", "winger"),
    (["Finance Minister Ada Marsh tabled the budget.", 'Marsh shot back from across the aisle: "The member opposite voted against all of it!"'],
     "Ada Marsh", "Finance Minister"),
    (["Grand Chief Rose Beardy of the Southern Plains First Nations Chiefs' Council said the plan failed them.",
      '"We were invited to the table and thanked politely, and that was all."'], "Rose Beardy", "Grand Chief"),
])
def test_she_means_who_the_previous_paragraph_is_about(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, expected", [
    (['"Nobody closes a ward to save money and calls it reform," Rep. Dolores Vane, D-Ore., said at a town hall. '
      '"Every midwife in this town knows it."'],
     [("Nobody closes a ward to save money and calls it reform. Every midwife in this town knows it.", "Dolores Vane")]),
    (["Minister for Education Deirdre Ní Bhreen said the scheme was under pressure.",
      '"I am not going to pretend the system is working, because it is not," the minister told the Dáil.',
      '"We have recruited 340 new drivers since September."'],
     [("I am not going to pretend the system is working, because it is not", "Deirdre Ní Bhreen"),
      ("We have recruited 340 new drivers since September.", "Deirdre Ní Bhreen")]),
    (["The contract went to a new operator, Minister for Transport Cathal Ó Dowd confirmed.",
      '"The old service was not good enough," Ó Dowd said.'], [("The old service was not good enough", "Cathal Ó Dowd")]),
    (['Her neighbour, Seosamh Mac an Bard, said they were "treated like parcels, not passengers".'],
     [("treated like parcels, not passengers", "Seosamh Mac an Bard")]),
])
def test_split_quotes_with_long_attributions_and_irish_names(paragraphs, expected):
    assert found(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (['The study, published under the title "Deep Pelagic Pathways of Anguilla anguilla", tracked 41 eels.'], []),
    (["Related stories:", "    Fees to be scrapped next year\n    'We were told to just wait': parents on the bus row"], []),
    (['She read out the title of the report and said: "This is not a title, it is a warning to us all."'],
     [("This is not a title, it is a warning to us all.", "")]),
    (["'We were told to just wait': parents said on Monday that nobody had called them back."],
     [("We were told to just wait", "")]),
])
def test_titles_and_headlines_of_other_stories_are_not_quotes(paragraphs, expected):
    assert found(*paragraphs) == expected


@pytest.mark.parametrize("paragraph", [
    'Sam Reid met union leader Kay Obi on Monday, calling the talks "a step in the right direction for everyone".',
])
def test_a_role_phrase_after_a_verb_is_not_the_subject(paragraph):
    assert found(paragraph) == [("a step in the right direction for everyone", "Sam Reid")]


@pytest.mark.parametrize("verb", [
    "thanked the crews", "urged", "insisted", "conceded", "joked", "recalled", "wrote", "tweeted", "posted",
    "stressed", "warned", "says", "hit back, saying", "agreed, adding",
])
def test_speech_verbs(verb):
    assert found(f'Mara Doyle {verb}: "We will keep the ferry running all winter."') == [
        ("We will keep the ferry running all winter.", "Mara Doyle")
    ]


@pytest.mark.parametrize("paragraph", [
    'Staff at the depot were told the canteen would be "closed for the rest of the year".',
    'Forecasters issued a warning that the river would "burst its banks before the weekend".',
    'Lena Ortiz met the ferry crews. Staff were warned the timetable was "not going to survive the winter".',
])
def test_passive_verbs_and_nouns_name_no_speaker(paragraph):
    assert [q.speaker for q in analysed(paragraph).quotes] == [""]


# Merging across outlets


def keyed(*texts):
    return key_quotes(tuple(texts), 10)


def text_of(url, outlet, *paragraphs, hour=8):
    published = datetime(2024, 3, 5, hour, tzinfo=timezone.utc)
    return analysed(*paragraphs, url=url, outlet=outlet, published=published, path=f"content/articles/{outlet}.txt")


STAR = text_of("https://star.example/a", "Daily Star",
               'Retired General Mark Hertling added: \u201cThey share the same type of calibre weapon\u00a0systems.\u201d')
INSIDER = text_of("https://insider.example/b", "Business Insider",
                  '"They share the same type of caliber weapon systems," retired Lt. Gen. Mark Hertling said.', hour=9)


def test_same_quote_from_two_outlets_is_shown_once_with_both_and_its_variants():
    (quote,) = keyed(STAR, INSIDER)
    assert (quote.speaker, quote.outlets) == ("Mark Hertling", ("Daily Star", "Business Insider"))
    assert [(v.text, [c.outlet for c in v.citations]) for v in quote.variants] == [
        ("They share the same type of calibre weapon\u00a0systems.", ["Daily Star"]),
        ("They share the same type of caliber weapon systems", ["Business Insider"]),
    ]


def test_the_fullest_wording_is_shown_with_every_outlet_that_carried_part_of_it():
    partial = text_of("https://herald.example/p", "The Alder Herald",
                      'Union chair Agnes Thorvald called the plan "a beginning, not a solution".')
    full = text_of("https://insider.example/f", "Coastline Insider",
                   '"Three sites for six provinces is a beginning, not a solution," Agnes Thorvald said.', hour=9)
    (quote,) = keyed(partial, full)
    assert (quote.text, quote.speaker, quote.role) == (
        "Three sites for six provinces is a beginning, not a solution", "Agnes Thorvald", "union chair")
    assert quote.outlets == ("The Alder Herald", "Coastline Insider")
    assert [v.text for v in quote.variants] == [quote.text, "a beginning, not a solution"]


def test_same_quote_tolerates_a_changed_word_and_a_part_of_the_other():
    long = comparable("Three sites for six provinces is a beginning, not a solution, and we know it.")
    assert same_quote(comparable("a beginning, not a solution"), long)
    assert same_quote(comparable("Three sites for six regions is a beginning, not a solution, and we know it."), long)
    assert not same_quote(comparable("Three sites for six provinces is far too few."), long)
    assert comparable("The programme's harbour centre will organise defence") == comparable(
        "The program's harbor center will organize defense")


def test_different_speakers_are_not_merged():
    other = text_of("https://other.example/c", "Northern Wire",
                    '"They share the same type of caliber weapon systems," Sofia Lindgren said.')
    assert [(q.speaker, q.outlets) for q in keyed(STAR, other)] == [
        ("Mark Hertling", ("Daily Star",)), ("Sofia Lindgren", ("Northern Wire",))]


def test_surname_alone_takes_the_full_name_from_another_article_of_the_topic():
    surname = text_of("https://other.example/d", "Northern Wire",
                      '"Tired crews on old ships make mistakes every single day," Hertling said.', hour=10)
    assert [q.speaker for q in keyed(STAR, surname)] == ["Mark Hertling", "Mark Hertling"]


def entry_with(*quotes) -> TopicBriefing:
    return TopicBriefing(Topic("t", "Topic", "t"), (), (), quotes)


def test_only_reported_by_and_variants_on_the_page():
    alone = text_of("https://w.example/e", "Northern Wire", '"Only one outlet printed these words," Ruth Okafor said.')
    html = environment().get_template("partials/quotes.html").render(entry=entry_with(*keyed(STAR, INSIDER), *keyed(alone)), show_variants=True)
    assert '<span class="role">retired Lt. Gen.</span> Reported by <a href="https://star.example/a#:~:text=' in html
    assert '<span class="speaker">Ruth Okafor</span>. Only reported by' in html
    assert 'Only reported by <a href="https://w.example/e#:~:text=' in html
    assert html.count("<summary>Wording differs between outlets</summary>") == 1


# Ranking


def test_key_quotes_prefer_more_outlets_then_distinct_speakers():
    third = text_of("https://w.example/f", "Northern Wire",
                    "Retired General Mark Hertling spoke again.",
                    '"A second quote from the very same speaker on weapon systems," Hertling said.',
                    '"Weapon systems are not the problem for this army at all," Sofia Lindgren said.', hour=11)
    ranked = key_quotes((STAR, INSIDER, third), 2)
    assert [(q.speaker, len(q.outlets)) for q in ranked] == [("Mark Hertling", 2), ("Sofia Lindgren", 1)]


# Editor controls


def test_controls_hide_rename_and_pin():
    text = analysed('"We will rebuild the bridge in a year," Okafor said.', 'The plan "will cost us dearly in the end".')
    controls = QuoteControls(
        pin=(PinnedQuote("cost us dearly", "Ruth Okafor", "retired Lt. Gen."),),
        hide=("REBUILD the bridge",),
        speakers=(("Okafor", "Ruth Okafor"),),
    )
    kept = apply_controls(text.quotes, controls, text.blocks)
    assert [(q.text, q.speaker, q.pinned) for q in kept] == [
        ("will cost us dearly in the end", "", False), ("cost us dearly", "Ruth Okafor", True)]
    (shown,) = key_quotes((text,), 3, controls)
    assert (shown.text, shown.speaker, shown.role, shown.pinned) == ("cost us dearly", "Ruth Okafor", "retired Lt. Gen.", True)


def read(root):
    return read_project(Paths(root, root / "briefgen.yaml", root / "content"))


BODY = 'The mayor spoke.\n\n"We will rebuild the bridge within a year," Okafor said.'


def test_quote_controls_in_article_and_topic_yaml(tmp_path):
    quotes = ("\n  pin:\n    - text: rebuild the bridge\n      speaker: Ruth Okafor\n"
              "  hide: [within a year]\n  speakers:\n    Okafor: Ruth Okafor")
    topics = "- id: budget\n  title: Budget\n  quotes:\n    pin: [rebuild the bridge]\n    hide: [nothing]\n"
    write_project(tmp_path, {"a.md": front_matter(BODY, quotes=quotes)}, topics=topics)
    project = read(tmp_path)
    assert project.articles[0].quote_controls == QuoteControls(
        (PinnedQuote("rebuild the bridge", "Ruth Okafor", "", 9),), ("within a year",), (("Okafor", "Ruth Okafor"),))
    assert project.topics[0].quote_controls == QuoteControls((PinnedQuote("rebuild the bridge", line=4),), ("nothing",))


def test_quote_control_mistakes_are_reported_with_lines(tmp_path):
    quotes = "\n  pins: []\n  pin:\n    - text: rebuild\n      speeker: X\n    - 42\n  speakers: [a]"
    topics = "- id: budget\n  title: Budget\n  quotes:\n    hide: {a: b}\n"
    write_project(tmp_path, {"a.md": front_matter(BODY, quotes=quotes)}, topics=topics)
    with pytest.raises(InputError) as caught:
        read(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "content/articles/a.md:8: warning: quotes: unknown key 'pins' is ignored; did you mean 'pin'?",
        "content/articles/a.md:11: warning: quotes.pin[0]: unknown key 'speeker' is ignored; did you mean 'speaker'?",
        "content/articles/a.md:12: quotes.pin[1]: needs 'text:' with the quote's words as the article prints them",
        "content/articles/a.md:13: quotes.speakers: must map a name as found to the right one, e.g. speakers: {Okafor: Ruth Okafor}",
        "content/topics.yaml:4: quotes.hide: must be a list of quotes' words, e.g. hide: [\"a beginning, not a solution\"]",
    ]


def test_a_pinned_quote_must_be_in_its_article_or_topic(tmp_path):
    topics = "- id: budget\n  title: Budget\n  quotes:\n    pin: [also not there]\n"
    write_project(tmp_path, {"a.md": front_matter(BODY, quotes="\n  pin: [words nowhere in it]")}, topics=topics)
    with pytest.raises(InputError) as caught:
        read(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "content/articles/a.md:8: quotes.pin[0].text: these words are not in the article; copy them exactly as the article prints them",
        "content/topics.yaml:4: quotes.pin[0].text: these words are not in any article of topic 'budget'; copy them exactly as the article prints them",
    ]


# Integrity over the whole demo


def loose(text: str) -> str:
    return " ".join(normalize(text).split())


def test_every_key_quote_in_the_demo_appears_in_its_source_articles():
    options = BuildOptions(root=REPO, config=REPO / "briefgen.yaml", content=REPO / "content")
    project = read_project(options.paths())
    site = make_site(project, analyze_all(project))
    by_url = {a.url: loose(" ".join(b.text for b in a.blocks)) for a in project.articles}
    shown = 0
    for briefing in site.briefings:
        for entry in briefing.topics:
            urls = {a.url for a in entry.articles}
            for quote in entry.quotes:
                assert quote.text in [v.text for v in quote.variants]
                for variant in quote.variants:
                    for citation, parts in zip(variant.citations, variant.parts, strict=True):
                        assert words(normalize(display_text(parts)).lower()) == words(normalize(variant.text).lower())
                        assert citation.url in urls
                        for part in parts:
                            assert loose(part) in by_url[citation.url], (part, citation.url)
                        shown += 1
    assert shown >= 20  # the check above ran over the whole demo, not over nothing


def test_briefing_json_lists_quote_variants():
    data = json.loads(briefing_json(Briefing(date(2024, 3, 5), (entry_with(*keyed(STAR, INSIDER)),)), "Site"))
    assert data["topics"][0]["quotes"][0]["variants"] == [
        {"text": "They share the same type of calibre weapon\u00a0systems.", "sources": ["https://star.example/a"]},
        {"text": "They share the same type of caliber weapon systems", "sources": ["https://insider.example/b"]},
    ]


def test_the_annotated_evaluation_set_is_big_enough():
    cases = REPO / "bench" / "quotes" / "cases"
    annotated = sum(p.read_text().count("\n  - text:") for p in cases.glob("*.yaml"))
    assert len(list(cases.glob("*.yaml"))) >= 10 and annotated >= 60


def test_every_quote_control_is_documented():
    readme = (REPO / "README.md").read_text()
    section = readme.split("### Key quotes", 1)[1].split("\n### ", 1)[0]
    assert re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE) == list(QUOTE_CONTROLS)


# Speakers: a fourth round (run-on split quotes, 'of the' names, kin and gender, reported requests, agents)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['"The margins are thin. The real story is the regulator\'s new appetite," said Brightwater Capital retail '
      'analyst Oona Petrakis.'], "Oona Petrakis", "Brightwater Capital retail analyst"),
    (['"The cliffs are moving faster than any of us predicted," said Prof. Ewan Castell of the Marine Sciences '
      'Institute in Garrow, who led the survey. "Whole gardens have gone."'], "Ewan Castell", "Prof."),
    (['The cuts drew criticism from the Friends of the Kelby Public Library, which said the plan would '
      '"hurt working families on the east side".'], "Friends of the Kelby Public Library", ""),
    (["North Harwick District Council said it welcomed the research.",
      '"Public money for sea walls is limited and must go where it protects the most homes," the council said.',
      "The work was paid for by the Natural Environment Council."], "North Harwick District Council", ""),
    (["Tara Finch's son Oscar, four, spent three nights in hospital last week.",
      '"He had a temperature of 40 and he could not open his eyes," she said.'], "Tara Finch", ""),
    (["Owen Marsh's daughter Leah, nine, was treated for smoke inhalation.",
      '"I have never been so frightened in my life," he said.'], "Owen Marsh", ""),
    (["Owen Marsh's daughter Leah, nine, was treated for smoke inhalation.",
      '"I could not breathe in the smoke at all," she said.'], "Leah", "Owen Marsh's daughter"),
    (["The talks were led by retired Maj. Gen. Howard Pike, the special envoy.",
      'Pike, speaking to reporters at the airfield, said the freed man had asked for "a burger and a cold drink" '
      "almost at once."], "Howard Pike", "retired Maj. Gen."),
    (['The trattoria was once described by food critic Gideon Farrow as "the most fun you can have with a plate of '
      'pasta".'], "Gideon Farrow", "food critic"),
    (["The Rail Accident Investigation Branch (RAIB) has sent inspectors to the site.",
      'In a brief statement, it said: "Our inspectors will examine the track and the train."'],
     "Rail Accident Investigation Branch", ""),
    (['The armed group, which calls itself the Harun Free Brigade, said it had freed him as "a gesture of goodwill to '
      'the elders".'], "Harun Free Brigade", ""),
    (["The finance chief, Gareth Emenike, said the firm was targeting \"at least $400 million\" in savings."],
     "Gareth Emenike", "finance chief"),
])
def test_speakers_fourth_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, role", [
    (["A spokesman for Bellweather Hospitality Ltd said all staff would be paid.",
      '"Every member of the team has been offered a role at one of our sites," the spokesman told the Beacon.'],
     "the spokesman"),
    (["Q: What comes next?", "A: A long sleep. Then maybe a ghost story.",
      '"It is my daughter\'s cake. She will not notice," she says.'], ""),
])
def test_speakers_fourth_round_unclear_stays_unnamed(paragraphs, role):
    (quote,) = analysed(*paragraphs).quotes
    assert (quote.speaker, quote.role) == ("", role)


def test_a_quote_introduced_by_a_sentence_of_its_own_is_another_quotation():
    assert found(
        'Marcus Lindqvist wrote to managers that leaders should "lead with empathy, not scripts." He added: '
        '"Please do not call today a right-sizing. People deserve plain language."'
    ) == [
        ("lead with empathy, not scripts.", "Marcus Lindqvist"),
        ("Please do not call today a right-sizing. People deserve plain language.", "Marcus Lindqvist"),
    ]


def test_a_split_quote_with_an_anonymous_source_clause_is_one_quote():
    assert found(
        '"I found out from a chat bot!" one account manager told the Daily, asking not to be named because she had '
        'signed an agreement. "My badge stopped working at 7:50."'
    ) == [("I found out from a chat bot! My badge stopped working at 7:50.", "")]


@pytest.mark.parametrize("paragraph", [
    'Join Tom Reed for "An Evening with Maren Oyelowo" at the Mitchell Hall on 2 April.',
    'MORE OPINION: "Our town deserves better than empty shops on every corner" - readers respond',
])
def test_event_titles_and_opinion_teasers_are_not_quotes(paragraph):
    assert found("The library reopened on Monday.", paragraph) == []


# Speakers: a fifth round (first names, subjects read from 'was', pronoun chains, replies, verdicts)


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Kevin Ashworth, 58, and his wife Janice Ashworth matched all six numbers.",
      "Speaking at a press conference, Kevin told the Bugle: 'I checked the ticket five times before I believed it.'"],
     "Kevin Ashworth"),
    (["The cook, Ulla Brekke, said supplies had been planned to the last tin.",
      "Among those on board was PhD student Amara Osei, 26. Asked whether she would go again, she laughed: "
      '"Tomorrow? Yes. Give me a week to sleep first."'], "Amara Osei"),
    (["Ian Calloway said the roads were shut.", "Beverly Dunn's car was crushed by an oak tree. Nobody was hurt.",
      '"I heard this almighty crack and then nothing at all," she told our reporter.'], "Beverly Dunn"),
    (['For 14 seasons Tommy "The Cat" Brannigan was the last line of defence at Eastmoor United.',
      "These days he keeps bees outside Hollinsbridge.", "He is 44 now and looks younger.",
      '"I do not miss the football. I miss the dressing room," he says.'], "Tommy Brannigan"),
    (["Former keeper Tommy Brannigan retired in 2016.",
      'Asked about the save - the one that made his name - he shrugs. "People think you dive with a plan."'],
     "Tommy Brannigan"),
    (["Mrs Justice Anne Kettering dismissed the claim on Friday.", "She wrote:",
      '"It is not the function of this court to decide whether the scheme is good or bad."'], "Anne Kettering"),
    (["Prof. Helena Marsh of the University of Caldwick is careful when I ask her about it. "
      '"Our data show a small improvement in attention, and only a small one."'], "Helena Marsh"),
    (["Dr Miriam Okafor told the inquiry the bearings had been flagged in 2019.",
      "Counsel to the inquiry, Andrew Blythe, asked her whether the collapse could have been prevented.",
      '"With hindsight, yes. Without hindsight, also yes," she replied.'], "Miriam Okafor"),
    (["The campaign Screen Free Kids welcomed the announcement as \"a first step, not a finish line\"."], "Screen Free Kids"),
    (['At a hearing in October, Jonathan Marwick KC, for the claimants, told the court the inspector had treated '
      'the objections as "a box to be ticked rather than evidence".'], "Jonathan Marwick"),
    (['The deal will be "modestly accretive to earnings in the first full year," according to Harwick\'s chief '
      "financial officer, Samuel Ortega-Lind."], "Samuel Ortega-Lind"),
    (['The Air Safety Directorate, which approved the trial, said it worked under "strict conditions, including a '
      'ban on flights over schools".'], "Air Safety Directorate"),
    (['A few readers wrote in. Reader Tom says: "Our garden fence is now in next door\'s garden."'], "Tom"),
])
def test_speakers_fifth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_quote_is_not_continued_by_a_quoted_word_inside_the_attribution():
    assert found(
        '"The price looks full, but the logic is hard to argue with," said Kevin Ahn, an analyst at Brightwater '
        'Partners who rates Harwick a "buy".'
    ) == [("The price looks full, but the logic is hard to argue with", "Kevin Ahn")]


@pytest.mark.parametrize("paragraph", [
    'The campaign Screen Free Kids, whose slogan is "Let kids be kids and let them play", held a rally.',
    'She came to return a copy of "The Orchard Keeper\'s Daughter," this month\'s pick for the book club.',
    '> **Subscribe to Touchline Monthly** - "The best football writing anywhere in the land" - The Sunday Ledger.',
])
def test_slogans_american_style_titles_and_subscription_promos_are_not_quotes(paragraph):
    assert found("The library reopened on Monday.", paragraph) == []


# Speakers: a sixth round (acronyms, 'and' in names, participles, nesting, paragraphs about someone)


@pytest.mark.parametrize("paragraphs, speaker", [
    (["The International Cycling Integrity Unit (ICIU) banned him for four years.",
      '"The athlete could not say how the substance entered his system," the ICIU said in a statement.'],
     "International Cycling Integrity Unit"),
    (['In a statement, the Harrowmere and Vale NHS Trust said: "The spreadsheet was only ever meant to be a stopgap."'],
     "Harrowmere and Vale NHS Trust"),
    (["Within hours rivals hit back, with Castlegate vowing to 'beat Fenbury on every basics line, every day'."],
     "Castlegate"),
    (["The row comes weeks after Cllr Owen Tudor stood up in the chamber to defend the cuts, telling colleagues: "
      "'Every penny we spend is somebody else's penny.'"], "Owen Tudor"),
    (["Cllr Owen Tudor did not attend.",
      "He later sent a statement saying he would 'look again at the whole scheme before spring'."], "Owen Tudor"),
    (["Megan Hughes, 41, was refused a loan in the spring. She has not heard from her bank since.",
      '"I rang them five times. Every time I was told to wait for a letter that never came."'], "Megan Hughes"),
    (["Gareth Lloyd runs the last creamery in the valley. Asked what he expected now, Lloyd paused.",
      '"If the price stays here, I give it a year before the tankers stop coming," he said.'], "Gareth Lloyd"),
    (['My first boss, a man named Ifor Rees, had a little dairy. He used to say, "If you cannot sell it at a fair '
      'price, do not sell it at all."'], "Ifor Rees"),
    (["Danielle Okafor set out on Wednesday and her brother Tobi Okafor raised the alarm.",
      'Danielle, speaking from her hospital bed, said she had survived by "counting everything in sight".'],
     "Danielle Okafor"),
    (["The walker was found alive, according to the Skagit County Sheriff's Office.",
      "The Sheriff's Office reminded hikers to carry a beacon.",
      '"Tell someone exactly where you are going and when you will be back," the office said.'],
     "Skagit County Sheriff's Office"),
])
def test_speakers_sixth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_double_marks_nested_in_single_marks_stay_inside_the_quote():
    assert found(
        "Dairy farmer Gwen Pritchard said: 'When milk is sold for 95p, the supermarket loses nothing. My father used "
        "to say \"a cheap pint is a farmer's funeral\", and he was right.'"
    ) == [("When milk is sold for 95p, the supermarket loses nothing. My father used to say \"a cheap pint is a "
           "farmer's funeral\", and he was right.", "Gwen Pritchard")]


@pytest.mark.parametrize("paragraphs, role", [
    (["Walter Penrose lost his boat in the storm on Tuesday night.",
      "'Walter has given everything to this street, so it is our turn now.'"], ""),
    (['The report, seen by the Echo, says that in several lessons "pupils talked over teachers and left without '
      'permission".', "## Inspection Report"], "the report"),
])
def test_a_quote_that_names_the_paragraphs_subject_or_a_report_is_not_given_a_name(paragraphs, role):
    quote = analysed(*paragraphs).quotes[0]
    assert (quote.speaker, quote.role) == ("", role)


@pytest.mark.parametrize("paragraph", [
    'She became known to fans as "the Queen of breakfast TV" within a year.',
    "You might also like: 'The drummer is the boss of every band': Lenny Shaw on 40 years behind the kit",
])
def test_names_known_as_and_reading_suggestions_are_not_quotes(paragraph):
    assert found("The show airs at six.", paragraph) == []


# Speakers: a seventh round (from the seventh blind set's misses)


@pytest.mark.parametrize("paragraphs, speaker", [
    (['The blaze was "fully contained but not yet extinguished" as of 4 p.m., according to Fire Chief Dale Wurtz.'],
     "Dale Wurtz"),
    (["Hollins-Barr Chemical, which owns the plant, said it was cooperating with investigators.",
      '"Our first priority is the safety of our employees and our neighbours," the firm said.'], "Hollins-Barr Chemical"),
    (["Port operator Greyhaven Port Holdings said it was pleased.",
      'The firm said: "Ships will be back alongside from Monday morning."'], "Greyhaven Port Holdings"),
    (["Founder and chief executive Felix Mornay-Strand, 33, broke his silence on Friday.",
      '"I made mistakes. I trusted systems I should have questioned," he wrote.'], "Felix Mornay-Strand"),
    (['Summit chair Lucia Ferrand, Lavinia\'s trade minister, told reporters the draft was "a strong foundation, '
      'though not yet a building".'], "Lucia Ferrand"),
    (["The Federation of Lavinian Exporters said in a statement that every week cost its members.",
      'The group urged ministers to "put domestic politics aside for 48 hours".'], "Federation of Lavinian Exporters"),
    (["The whale was spotted by dog walkers Graham and Sandra Tolley.",
      "Retired postman Graham, 58, told the Clarion: 'We thought it was an upturned boat at first.'"], "Graham Tolley"),
    (['This season she sings in Sebastian Kroll\'s new opera.',
      'Kroll told the magazine: "She can hold a pianissimo longer than anyone I have worked with."'], "Sebastian Kroll"),
    (['My first teacher, Elena Mirkovic. She used to tell me: "Never sing louder than your heart can pay for."'],
     "Elena Mirkovic"),
    (['"Tips are my rent. Without them I would be working for $2.13 an hour," she told me when I asked what she made '
      'of the backlash. "So when people say they are done with tipping, I hear it."'], ""),
])
def test_speakers_seventh_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, role", [
    (["Housing minister Clare Ashdown resigned on Tuesday.",
      'The prime minister said she had been "a tireless champion for first-time buyers".'], "the prime minister"),
    (["Pressed again on the knee in his news conference, the Pole shook his head.",
      '"My knee is fine. I lost to a guy who served better," he said.'], "the Pole"),
])
def test_a_description_that_fits_no_one_named_stays_unnamed(paragraphs, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert quote.speaker == "" and quote.role in (role, "")


def test_a_split_quote_with_when_i_asked_in_its_attribution_is_one_quote():
    (quote,) = analysed(
        "Server Danielle Ocampo has worked at the steakhouse for nine years.",
        '"Tips are my rent. Without them I would be working for $2.13 an hour," she told me when I asked what she '
        'made of the backlash. "So when people say they are done with tipping, I hear it."').quotes
    assert quote.text.endswith("I hear it.") and quote.speaker == "Danielle Ocampo"


def test_words_on_banners_are_not_quotes():
    assert found('Farmers marched carrying banners reading "Trade for people, not for profit" and "Hands off our '
                 'harvest and our homes." Police said the protest was peaceful.') == []


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Foreign Minister Adaeze Nwosu and Viktor Hallan spoke.", "Nwosu struck a more cautious tone.",
      '"A framework is not a peace," she said.'], "Adaeze Nwosu"),
    (["Viktor Hallan spoke first.", "For Callum Rennie, who first sang on this stage aged nine, the night was an emotional one.",
      '"I stood in the wings tonight and I was shaking," he told us.'], "Callum Rennie"),
    (["Ruth Okereke rose at 12.30.", "Okereke opens with the forecasts. The Office for Budget Forecasting now expects "
      "growth of 1.4%.", '"The patient is out of intensive care," she says.'], "Ruth Okereke"),
])
def test_speakers_eighth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_the_dunmere_man_is_a_description_not_a_name():
    quote = analysed("Ryan Vance and Sam Kerr met in the final.",
                     'Asked about his winnings, the Dunmere man grinned. "A new cue case," he said. "And a takeaway, nothing fancy!"').quotes[-1]
    assert quote.speaker != "Dunmere"


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Ward sister Tamsin Hale, 41, said morale was at rock bottom.", 'The mum-of-three told the Gazette: "We are running on fumes every night."'],
     "Tamsin Hale"),
    (["Tamsin Hale, 41, and her manager Colin Rudd met the minister.", "Rudd said the meeting went well.",
      'The 41-year-old added: "Nobody in that room has worked a night shift."'], "Tamsin Hale"),
    (["Referee Ana Sousa said the pitch was fine.", "Dale Corrigan, who scored twice, was named man of the match.",
      'Asked about his future, the Ravensby man smiled. "I am staying here, whatever you read," he said.'], "Dale Corrigan"),
    (["Owen Price, 83, was rescued by neighbours.", 'The pensioner said: "I thought that was the end of me, honestly."'], "Owen Price"),
])
def test_an_epithet_means_the_person_just_named(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs", [
    ["Coastguard Sian Pryce praised the crew.", 'The family\'s father, who did not want to be named, said: "We had about ten minutes left."'],
    ['The 41-year-old told reporters: "Nobody in that room has worked a night shift."'],
])
def test_an_epithet_for_someone_new_or_no_one_stays_unnamed(paragraphs):
    assert analysed(*paragraphs).quotes[-1].speaker == ""


@pytest.mark.parametrize("paragraphs, speaker", [
    (['The Federation of Tram Drivers said it would strike "until the depot managers make a fair offer".'], "Federation of Tram Drivers"),
    (["A data breach at Kestrel Health, which runs nine clinics, closed two of them.",
      'Kestrel said it had hired "a firm of independent forensic specialists" to help.'], "Kestrel Health"),
    (["Plans by Bramwell Oakes Homes to build 200 houses were paused.",
      'Bramwell Oakes said it would "follow every rule to the letter from now on".'], "Bramwell Oakes Homes"),
    (["Staff at Pennock Biscuits Ltd were told on Monday.",
      'Pennock Biscuits said: "This has been a painful decision for everyone here."'], "Pennock Biscuits"),
    (['Sen. Lorna Beck (R-Idaho), the bill\'s chief critic, called it "a gift to the biggest carriers in the country".'], "Lorna Beck"),
    (["Staff Sgt. 1st Class Omar Reyes, who has served 14 years, spoke at the hearing.",
      '"My family has moved five times and we are tired of it," he said.'], "Omar Reyes"),
    (["Hackers broke into the systems of Larchfield Care, which runs 30 homes.",
      'The nonprofit group said in a statement that it had found "unusual activity on our servers".'], "Larchfield Care"),
])
def test_speakers_ninth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Her bakery, Flour & Finch, opened in 2019.", "When Lena Moss reaches the studio, she makes tea for everyone.",
      '"Tea first, then the hard questions," she says.'], "Lena Moss"),
    (["Emeka Okafor ran the port for ten years. His deputy, Paul Kerr, took over.",
      "I asked Okafor, now retired, whether he missed it. He laughed.", '"Every single day, and that is the truth," he told me.'], "Emeka Okafor"),
    (["Doris Pell, 91, woke to find a pony in her garden.", 'The great-gran told the Gazette: "I thought I was still asleep and dreaming."'],
     "Doris Pell"),
    (["The shop was opened by Ivy and Ron Pask in 1970.", "It closes on Saturday.", "Dennis Pask spent the last morning at the till.",
      'Asked how he felt, Pask shrugged. "I will miss the regulars most of all," he said.'], "Dennis Pask"),
    (["Coach Milo Brandt has led the side since 2004. Guard Theo Lamb scored 20.", "The win was the 300th of Brandt's career.",
      '"I had no idea it was 300 until someone told me," he said with a laugh.'], "Milo Brandt"),
])
def test_speakers_ninth_round_who_a_sentence_is_about(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_split_quote_whose_attribution_has_a_relative_clause_without_comma_is_one_quote():
    assert found('"We are talking to lawyers," said Tom Reed, a retired bus driver who lives near the site. "This is far from over."') == [
        ("We are talking to lawyers. This is far from over.", "Tom Reed")]


def test_a_title_after_the_attribution_does_not_continue_the_quote():
    quotes = found('"I went in for a pint and came out with a drummer," Ray Hale wrote in his memoir, "Skins and Sticks".')
    assert quotes == [("I went in for a pint and came out with a drummer", "Ray Hale")]


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['Council Member Ruth Ambler voted no. "We are being asked to gamble the town\'s savings on a hunch," Ambler said.'],
     "Ruth Ambler", "Council Member"),
    (['House Speaker Glen Dorr told reporters: "Nobody here likes a stopgap, and I like it least of all."'], "Glen Dorr", "House Speaker"),
    (['Senate Majority Leader Ines Valk said: "We have the votes and we will pass it tonight."'], "Ines Valk", "Senate Majority Leader"),
])
def test_legislative_titles_are_roles_not_names(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_split_quote_with_a_long_attribution_is_one_quote():
    assert found('"We saw the water rise faster than anyone here has ever seen," Sheriff Ada Quill said at a news conference '
                 'outside the county fairgrounds, where a shelter had been set up overnight. "I would rather wake a thousand '
                 'people for nothing than lose one."') == [
        ("We saw the water rise faster than anyone here has ever seen. I would rather wake a thousand people for nothing than lose one.", "Ada Quill")]


def test_she_said_according_to_someone_else_is_hers_and_a_possessive_her_is_not_an_address():
    quote = analysed("Ward nurse Pat Ellery said the unit was full.",
                     "Mrs Vera Ormond, who is recovering on a ward, asked her daughter to pass on a message to the nurses.",
                     '"Tell them they were wonderful, every one of them," she said, according to her daughter, Jean Ormond-Fry.').quotes[-1]
    assert quote.speaker == "Vera Ormond"


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Kell Foods raised its outlook. Its finance chief, Rana Oduya, said she expected \"a calmer market by the end of next year,\" "
      "though she cautioned that costs were rising."], "Rana Oduya"),
    (['The Ministry of Ports and Harbours said divers had found "serious damage to the northern sea wall" on Friday.'],
     "Ministry of Ports and Harbours"),
    (['Gov. Ruth Amberly declared an emergency. In a written statement, Amberly said the state was "sending every crew it has".',
      '"Please, if you are told to leave, leave now," the statement said.'], "Ruth Amberly"),
])
def test_speakers_twelfth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_quote_signed_in_the_next_paragraph_is_the_signers():
    text = analysed('"We have sandwiches for a small army, but the coffee may run out."', "— Ana Ruiz, who runs the kitchen")
    quote = text.quotes[-1]
    assert (quote.speaker, quote.role) == ("Ana Ruiz", "who runs the kitchen")
    assert not text.dropped  # the signature is kept: it says who spoke


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Det. Sgt. Rosa Quint told jurors the accounts did not add up.",
      '"Isn\'t it true that nobody complained?" the defence barrister asked.', '"That is not how I would put it," the detective replied.'],
     "Rosa Quint"),
    (['Her publisher, Lark & Daughters, has been promoting it as "the novel she was always going to write".'], "Lark & Daughters"),
    (["Take Walter Imrie, 82, who has played chess by the fountain for forty years.",
      "Or Nadia Sels, who runs a reading circle under the trees on Saturdays.", '"The children need shade and a toilet," she told me.'],
     "Nadia Sels"),
])
def test_speakers_thirteenth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_review_named_as_a_subject_is_no_one_she_can_mean():
    quote = analysed("The Harbour Review called the book a quiet masterpiece.",
                     '"Reviewers say that about everything, and they are usually wrong," she said, laughing.').quotes[-1]
    assert quote.speaker == ""


@pytest.mark.parametrize("paragraphs", [
    ["Ryan Vance and Sam Kerr met in the final on Sunday.", '"I wanted this more than anything in my life," he said.'],
    ["Coach Ed Marr spoke first.", "Ryan Vance and his brother trained all summer.", '"We never missed a single session," he said.'],
])
def test_he_after_two_people_named_together_is_not_guessed(paragraphs):
    assert analysed(*paragraphs).quotes[-1].speaker == ""


def test_a_british_split_quote_whose_second_part_runs_on_over_paragraphs_is_one_quote():
    quotes = found("‘We have had a plan for Harry since he was 15,’ Kapadia said. ‘He has a long way to go, and nobody will rush him.",
                   "‘But days like today tell you the plan is working.’")
    assert [text for text, _ in quotes] == [
        "We have had a plan for Harry since he was 15. He has a long way to go, and nobody will rush him. "
        "But days like today tell you the plan is working."]


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Gary Pell runs the Fox and Hound.", "The grandfather-of-three, known to regulars as ‘Big Gaz’, said he had no warning.",
      "He added: ‘Nobody from the council has even been in for a pint.’"], "Gary Pell"),
    (["Ethel Crane complained first. Darlene Voss runs the parking office.",
      'When I asked Voss about the complaints, she pointed to two new pay stations. "We have added two on Market," she wrote.'],
     "Darlene Voss"),
])
def test_speakers_fourteenth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_british_quote_over_paragraphs_may_report_double_marked_words_inside():
    quotes = found("Tom Hale, 52, found the ticket in his van.", "He told the Echo: ‘I was sure it was a prank by the lads at the depot.",
                   "‘I phoned the number and a man said \"Well done, Mr Hale\", and I could not say a word.",
                   "‘My brother had to finish the deliveries.’")
    assert quotes == [("I was sure it was a prank by the lads at the depot. I phoned the number and a man said \"Well done, Mr Hale\", "
                       "and I could not say a word. My brother had to finish the deliveries.", "Tom Hale")]


@pytest.mark.parametrize("paragraphs, speaker", [
    # paragraphs that are all quotation do not use up the reach of 'the father-of-two' or 'he'
    (["Tom Hale, 52, found the ticket in his van.", "He told the Echo: ‘I was sure it was a prank.",
      "‘I phoned the number and could not say a word.", "‘My brother had to finish the deliveries.’",
      "The dad-of-two, who has driven for the bakery for 20 years, said he would keep working.",
      "‘My mum wants a new oven,’ he laughed. ‘She will get one whether she likes it or not.’"], "Tom Hale"),
    # an opening phrase without its comma: 'In a post last week he wrote', 'In 2009 she was'
    (["The bill leaves out the raise Gov. Alma Brisco demanded.", 'The governor has called the raise "not up for debate."',
      'In a post on social media last week she wrote: "Our nurses carry this state and they deserve to be paid like it."'],
     "Alma Brisco"),
    (["Rhoda Finn taught piano at the Lakeside Conservatoire for forty years.",
      'The Conservatoire said she had been "the heart of every practice room we ever had".',
      "In 1998 she was the subject of a radio documentary.", '"Only the pupils who never practised," she said.'], "Rhoda Finn"),
    # the narrator 'I' is nobody's name; 'we have been speaking to X' is about X
    (["Later, when I was 25, I found a job under a baker named Ines Carvalho.",
      'On my first day she gave me a sack of flour and said, "Make this into forty loaves that all look the same."'], "Ines Carvalho"),
    (["Our reporter Jan Moss is at the count. She sends this:", '"The mood here is grim and the chairs are being stacked."',
      "We've been speaking to Dr Ravi Sen, a political scientist at the University of Dellow.",
      '"If these numbers hold, this is the biggest swing in thirty years," he said.'], "Ravi Sen"),
])
def test_speakers_fifteenth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["(Laughs) Someone at a trade fair told me, \"Nobody will buy a bike with three wheels.\" He was wrong."], "", "someone at a trade fair"),
    (["The bus drivers' union wrote to the council last month.",
      'The letter, signed by branch secretary Nell Oduya, warned of "a timetable that only works on paper".'],
     "Nell Oduya", "branch secretary"),
    (['I met Edna Pryce, 79, who swims every morning because, as she put it, "the cold water is the only thing that wakes me up."'],
     "Edna Pryce", ""),
    (['Olaf Lund spent forty years at sea. As Lund puts it in his memoir, "the sea never forgives a lazy sailor."'], "Olaf Lund", ""),
    (['As the historian Dr. Ines Varga puts it in her book "Salt Roads," "Every harbour town is built on somebody\'s debt."'],
     "Ines Varga", "historian"),
])
def test_indefinite_speakers_signed_letters_and_as_she_put_it(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Lewis Harrop, 31, was mobbed by fans at the final whistle.",
      "‘I have never scored in front of a crowd like that,’ the defender told Calder Sound."], "Lewis Harrop"),
    (["Local councillor Michael Fahy attended as an observer.",
      "Speaking afterwards, the Claremount native said: ‘Nobody is arguing against the bypass itself.’"], "Michael Fahy"),
    (["Maureen Tillott, 71, had given up hope of seeing her tortoise again.",
      "The retired dinner lady told the Beacon: ‘I thought I had lost him forever.’"], "Maureen Tillott"),
    # someone else: kin, a person introduced unnamed, a group
    (["Jack Hollis, 7, was pulled from the pond by a passer-by.", '"He is the bravest boy in the world," the tearful mum said.'], ""),
    (["A diplomat close to the talks said the mood was tense.", "Minister Vera Ostrova arrived late.",
      '"Nobody expects a deal this year," the diplomat said.'], ""),
    (["Ines Kowalczyk won the prize on Tuesday.", '"It is a quiet book that gets louder each time," the judges said.'], ""),
])
def test_a_description_no_one_was_given_means_the_person_just_named(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_nickname_inside_the_attribution_of_a_split_quote_does_not_split_it():
    quotes = found('"This is worse," said Earl "Bucky" Pruitt, 77, a retired mail carrier. "The water came up slow back then."')
    assert quotes == [("This is worse. The water came up slow back then.", "Earl Pruitt")]


@pytest.mark.parametrize("paragraphs, speaker", [
    (['The lead sponsor, Rep. Dwayne Kessler, R-Fox Creek, called the veto "a slap in the face to every family in the state."'],
     "Dwayne Kessler"),
    (['Campaign group SeaWatch UK said in a statement that it welcomed the study. "This adds to what our members see," the statement said.'],
     "SeaWatch UK"),
    (["The hospital's operator, Ravensfield and Tolbridge NHS Foundation Trust, said a shuttle bus would run.",
      'In a statement, the trust said: "We recognise the current arrangements are causing real difficulty."'],
     "Ravensfield and Tolbridge NHS Foundation Trust"),
    (["Ten years on, the Mayo singer-songwriter is back with a new record.",
      "It is raining hard in Dooraun when Nuala Keaveney opens the door of her cottage.",
      '"Do not mind the dog, he thinks everyone is here to see him," she says.'], "Nuala Keaveney"),
    (["A tour, God help me. My agent thinks I'm joking. I'm not.",
      '"My dad would have had you in for dinner and three hours of tunes," she says.'], ""),
])
def test_speakers_sixteenth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraph, quote", [
    ("The residents' group said it would be ‘exploring all options, including legal ones’ and would meet on Thursday.",
     "exploring all options, including legal ones"),
    ("He was told to ‘take a breath and rest for a few weeks’ before deciding.", "take a breath and rest for a few weeks"),
])
def test_a_british_quote_closing_on_a_plural_before_a_conjunction_is_found(paragraph, quote):
    assert [text for text, _ in found(paragraph)] == [quote]


@pytest.mark.parametrize("paragraphs, speaker", [
    (['"We thought it was someone fixing a car at 3 a.m.," one resident, who asked not to be named, told the Gazette. "Turns out it was."'], ""),
    (['Skylark Air said it was "aware of an issue with a third-party provider" and told customers to arrive early.'], "Skylark Air"),
    (["Anastasiya Verbytska, 26, held three match points.", '"I had my chances, three of them," the 26-year-old Ukrainian told reporters.'],
     "Anastasiya Verbytska"),
    (["Hanne Lund has spent 22 summers on one glacier. Her new book, Thin Blue Line: Notes from the Ice, is part diary.",
      '"My students gave me that mug, and I think it was affectionate," she says.'], "Hanne Lund"),
    (["The pilots' union, BAPG, said staff had \"carried this recovery on their backs\" all year."], "BAPG"),
])
def test_speakers_seventeenth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


def test_a_split_quote_whose_attribution_has_a_relative_clause_in_commas_is_one_quote_without_a_double_stop():
    (quote,) = analysed('"We thought it was someone fixing a car at 3 a.m.," one resident, who asked not to be named, '
                        'told the Gazette. "Turns out it was."').quotes
    assert quote.text == "We thought it was someone fixing a car at 3 a.m. Turns out it was."


@pytest.mark.parametrize("paragraph, speaker, role", [
    ('Senate President Pro Tem Arlo Beckett said the Senate would "take a look at it" next month.', "Arlo Beckett", "Senate President Pro Tem"),
    ('Senate candidate Ada Okafor on Friday accused her rival of having "quietly sold out the valley farmers" in a deal.',
     "Ada Okafor", "senate candidate"),  # a sentence's first word is lowered
    ('The Marchand family posted a statement on Facebook: "Sofia is safe and we cannot thank the searchers enough."', "Marchand family", ""),
    ("Speaking outside court, Sgt Kieran Walsh of Severnside Police's roads policing unit said: \"Nobody needed to die that night.\"",
     "Kieran Walsh", "Sgt"),
    ('The Harbour Trust, in a letter to the council dated Oct. 30, warned the plan was "a reckless gamble with public money".',
     "Harbour Trust", ""),
    ('The Harbour Trust, in a statement, said the plan was "a reckless gamble with public money".', "Harbour Trust", ""),
])
def test_speakers_eighteenth_round(paragraph, speaker, role):
    quote = analysed(paragraph).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_quoted_words_inside_a_split_quotes_attribution_do_not_split_it():
    quotes = found('"The word pause is doing a lot of work there," said Dana Whit, an analyst at Lowry & Pask who rates the stock "hold." '
                   '"If the buyers come back in the spring, fine."')
    assert quotes == [("The word pause is doing a lot of work there. If the buyers come back in the spring, fine.", "Dana Whit")]


def test_a_teaser_headline_opening_with_a_quote_is_not_a_quote():
    assert found("The jury heard from twelve investors over two days.",
                 "'I trusted him with everything': Investor lost life savings in solar scheme") == []


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Forecaster Sunil Menon spoke at noon.",
      'He said the amber warning — "and I would stress it is amber, not red" — would stay in place until 06:00.'], "Sunil Menon"),
    (['Bill Hale mocked the official title, the "Fiscal Continuity Act," saying there was "nothing responsible and nothing continuous" about it.'],
     "Bill Hale"),
])
def test_a_warning_that_is_a_noun_and_a_title_before_saying(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["Winifred 'Winnie' Calloway, 81, played the same numbers for 23 years.",
      "Winnie said: 'Money does not change who you are, it just pays for taxis.'"], "Winifred Calloway", ""),
    (["Grandmother-of-four Bev Hollins ran into the sea: 'I just dropped my teapot and ran after him.'"], "Bev Hollins", "grandmother-of-four"),
    (["KVRN 7 Meteorologist Derek Sims says more rain is likely overnight.",
      '"We could see another inch or two before sunrise," Sims said.'], "Derek Sims", "KVRN 7 Meteorologist"),
    (['Her first novel, "The Salt Orchard," sold half a million copies.', "The Salt Orchard follows three sisters on a farm.",
      '"I spent thirty years translating other people\'s sentences," she says.'], "", ""),
])
def test_speakers_nineteenth_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker", [
    (['President Idris Varenko, speaking at a televised event in the capital, Kolm, said his country was "ready to sign a full agreement tomorrow".'],
     "Idris Varenko"),
    (["Health minister Pavel Dorant spoke on Thursday.",
      '"There is no reason for panic in the city," Dorant said, according to a translation provided by his office.'], "Pavel Dorant"),
    (["Cllr Joan Mburu voted against the contract.",
      'She was, by her own account, "the first person in this council to bring a laptop into a meeting".'], "Joan Mburu"),
    (['Jo Whit, an analyst who rates the stock "hold," called the guidance "conservative to a fault, and not enough".'], "Jo Whit"),
])
def test_speakers_twentieth_round(paragraphs, speaker):
    assert analysed(*paragraphs).quotes[-1].speaker == speaker


@pytest.mark.parametrize("paragraph, quote, speaker", [
    ('Mayor Tom Brand laughed when asked about the vote. "Ask me in November," he said.', "Ask me in November", "Tom Brand"),
    ('Chief Constable Ada Pemberton urged drivers to stay away. "Do not drive through flood water," she said in a video posted by '
     'Northmoor Police. "We have been lucky twice today."', "Do not drive through flood water. We have been lucky twice today.", "Ada Pemberton"),
])
def test_a_short_capitalised_quote_before_he_said_and_posted_by_in_an_attribution(paragraph, quote, speaker):
    assert found(paragraph)[-1] == (quote, speaker)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["Ffion Adams scored twice in the final.",
      "Everyone wants to talk about the penalty, which Nell Greaves pushed onto the post with her trailing leg.",
      '"Honestly? I went the wrong way," she says, laughing.'], "Nell Greaves", ""),
    (["Ffion Adams let one through her legs against Castleford when she was 19. My dad was in the stand.",
      'He drove me home and the only thing he said the whole way was, "Well, at least it was on the telly."'], "", "my dad"),
])
def test_a_name_in_a_clause_and_a_relative_as_a_subject_are_whom_a_pronoun_may_mean(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Ana", "ana", " ", '"', "(", ")", "-", "'", ".", "3", "_", "é"]), max_size=10).map("".join))
def test_capitalised_tokens_of_ascii_text_are_found_as_the_general_way_finds_them(sentence):
    assert _inner_capitalised(sentence) == [t for t in _PROPER_TOKEN.findall(sentence)[1:] if t[:1].isupper()]


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['HARLOW CREEK, Kansas (WN) - A former depot supervisor told jurors on Monday that his employer ordered him to wipe '
      'the drives, adding he "never asked why because I had rent to pay."'], "", "a former depot supervisor"),
    (['PORT ALDER - Mayor Jo Reyes signed the budget on Friday. "It is a lean year and we will get through it," she said.'],
     "Jo Reyes", "Mayor"),
    (['In a statement after the verdict, the U.S. Attorney\'s Office said the sentence "shows that nobody is above the rules here."'],
     "U.S. Attorney's Office", ""),
    (['"He treated the fund like a wallet," U.S. Attorney Kyle Brandt said outside the courthouse.'], "Kyle Brandt", "U.S. Attorney"),
    (['Another text, sent by Dwayne Lusk shortly after midnight, read: "Back door is open. Keep Mo out of it, he will not notice."'],
     "Dwayne Lusk", ""),
    (["The email, written on Friday by chief operating officer Ranulph Acker, says the plant will close by spring.",
      '"I need everyone to hear this from me first. The numbers do not work any more, and that is on me."'],
     "Ranulph Acker", "chief operating officer"),
    (["Up on the ridge, a buzzard circles. For Dr Marta Eliasson, an ecologist with the county trust, the birds tell her more than any sensor.",
      '"Numbers are what the funders want, but they are not the whole story," she says.'], "Marta Eliasson", "Dr"),
    (["After the inquest, Mr Orme's father, Geoffrey Orme, said in a statement read by the family's solicitor: "
      '"Nothing we do now will bring Daniel home, but a fence might save another family."'], "Geoffrey Orme", "Mr Orme's father"),
    (["Customers of Deltaswap could not reach their money on Monday.",
      "Deltaswap, a trading platform that says it has 900,000 users, froze all accounts on Monday, citing what it called "
      '"severe and unusual market turbulence on every exchange."'], "Deltaswap", "a trading platform"),
    (["Orla Hanrahan has trained barristers for thirty years.",
      'Her first pupil, Judge Femi Adeyinka, describes her as "the only advocate who ever made a judge apologise from the bench." '
      'Hanrahan snorts when I repeat this. "Femi is being far too generous. He is remembering one Friday in 2011."'], "Orla Hanrahan", ""),
    (["In its ruling, the Marine Licensing Board said internal emails showed that managers had described the spill reports as "
      '"paperwork we can safely file and forget".'], "", "managers"),
    (["One of the mothers I met at the clinic, Shannon Kirkbride, has two boys with asthma.",
      '"Tell them to come and sit with us in the ward at 3 in the morning," she said.'], "Shannon Kirkbride", ""),
])
def test_speakers_twenty_first_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_reader_signing_a_quote_on_its_own_line_is_its_speaker_and_not_the_next_ones():
    quotes = analyze(article(blocks=markdown_blocks(
        '> "The shelter on my road has no roof left after the storm. We stood in the rain for forty minutes!" - Priya, Eastholme\n\n'
        '> "Our school has moved sports day indoors again. The kids are gutted." - Callum, Westwick\n'
    )), Config()).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Priya", "Eastholme"), ("Callum", "Westwick")]


def test_a_split_quote_whose_attribution_has_a_sum_with_a_comma_in_its_relative_clause_is_one_quote():
    assert found('"I put my whole pension into it," said Ruth Akande, a teacher who said she had about $40,000 on the site. '
                 '"They keep telling us it is secure. Secure for whom?"') == [
        ("I put my whole pension into it. They keep telling us it is secure. Secure for whom?", "Ruth Akande")]


def test_i_after_a_sentences_first_word_is_the_narrator():
    from briefgen.names import parse_np

    assert parse_np(["Maybe", "I"], set(), True).pronoun == "i"


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['The Karvenian Armed Forces General Staff said in a statement: "The strike was meant to wreck the talks."'],
     "Karvenian Armed Forces General Staff", ""),
    (["Valdoria's interior minister, Celso Ibarra Soto, told lawmakers the army had sent 60 boats.",
      '"This is not the moment for politics," Ibarra Soto said.'], "Celso Ibarra Soto", "valdoria's interior minister"),
    (["The Greyford ward count was close, with Conservative Martin Heale ahead early on.", "Martin Heale arrived at the hall at midnight.",
      'He posted a few minutes later: "Every vote is being counted and we are quietly confident."'], "Martin Heale", ""),
    (["15:31 GST - The council's secretary-general, Farida al-Nour, finished a short press conference. Asked about the convoy, she said:",
      '"We are a council of governments, not a court. Nobody in that room defended what happened."'], "Farida al-Nour", "council's secretary-general"),
    (["Tomasz Reinholt-Obi has spent 31 years in rooms where people would rather shout. A former Polish-Ghanaian diplomat who joined "
      "the United Nations in 1998, he was made special envoy in April.",
      '"They both think I am on the other side," he says, "which is probably a good sign."'], "Tomasz Reinholt-Obi", ""),
    (["The Ratepayers' Watch, a pressure group, said the cut showed ministers were \"finally listening to working families\"."],
     "Ratepayers' Watch", ""),
    (["Q: What did your father say?", "A: He keeps asking about the boiler. Ask him what a boiler costs.",
      "A: Ask me in November.", 'A: He said, "They will eat you alive, and then they will ask you to pay for dinner."'], "", ""),
    (["Vostok's state news agency TNA quoted President Arkady Melnis as saying the country \"will never sign anything with a pistol on the table.\""],
     "Arkady Melnis", "President"),
    (["Bronagh Tully said the set was bought online.",
      'Bronagh, who also has a nine-year-old son, Cian, added: "We had no idea the little balls had gone under the sofa."'], "Bronagh Tully", ""),
    (["Dorian Voss, 41, admitted nine counts of fraud.", "One victim, a 90-year-old widow from Marsh End, handed over cash.",
      'In a statement read to the court by prosecutor Ilse Morgan, she said: "I trusted him because he was so polite."'], "", "one victim"),
    (['"Is it possible that after all these years you remember things you did not see?" Piet Halvorsen asked.',
      'The witness paused before answering. "I remember my father\'s coat. Nobody needs to remind me of that," he said.'], "", "the witness"),
    (['"Hallam was a fine minister and a poor campaigner," Greta Lund said.',
      'A government spokesman declined to discuss what he called "the private business of another party".'], "", "a government spokesman"),
    (['A Dunmore County Superior Court judge on Monday ordered a recount, ruling that the process was "sloppy but not sinister."'],
     "", ""),
    (['In March she filed to run for mayor against council President Owen Price-Tate, who has called her campaign "a karaoke night with a filing fee."'],
     "Owen Price-Tate", "council President"),
    (["The Global Grain Relief Fund, a U.N. agency, said it had begun dropping food to villages cut off by the water. "
      'In a statement, the agency called the operation "the largest airlift we have run in the region in ten years."'], "Global Grain Relief Fund", ""),
    (['Shipping groups welcomed it. The Federation of Deckhands\' Unions said in a statement that crews had been "left to fend for themselves for years".'],
     "Federation of Deckhands' Unions", ""),
    (['VALTAG said turnout had reached 79% and described the vote as "a parade of national unity."'], "VALTAG", ""),
    (["We heard it again on Monday, when the transport minister, Hugo Fennimore-Blake, announced a further cut. "
      'He called it "a sensible rebalancing of our spending at a time of strain at home."'], "Hugo Fennimore-Blake", ""),
    (['Mr Dwyer, to jeers from the opposition benches, said her party had "never built a single bridge in this county and never will".'],
     "Dwyer", ""),
    (['PollPing, whose platform both main parties used last year, said in a statement that its data showed "well-aimed messaging is still cheap."'],
     "PollPing", ""),
    (['The Renters\' Union campaign group said in a statement: "Every week this row goes on, another family sleeps in a hostel."'],
     "Renters' Union", ""),
])
def test_speakers_twenty_second_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_quote_whose_words_look_like_a_title_is_speech_when_the_body_said_it():
    assert found("The Garden Tools Federation said sales had risen.", '"Careful use is key," the federation added.')[-1] == (
        "Careful use is key", "Garden Tools Federation")


@pytest.mark.parametrize("token, is_name", [
    ("al-Mansoori", True), ("Hyun-woo", True), ("Reinholt-Achebe", True), ("Polish-Nigerian", False), ("Leeds-based", False),
])
def test_name_words_with_hyphens(token, is_name):
    from briefgen.names import is_name_token

    assert is_name_token(token) is is_name


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["The film follows Ingrid (Hana Lidholm), a widowed apple farmer on a sinking island.",
      '"Pernille kept taking my lines away," Lidholm said. "By the end I had eleven sentences."'], "Hana Lidholm", ""),
    (["[Photo] Co-owners Rafael Montez, left, and Jess Whitby in the dining room on Tuesday.",
      "For six years, Rafael Montez and Jess Whitby sold tacos out of a van.",
      '"Everything touches the fire at some point," Montez said.'], "Rafael Montez", "co-owners"),
    (["Becky Strand, 29, said the monitor caught fire.", "Since Becky shared her photos online, dozens of parents have come forward.",
      'She said: "Somebody somewhere signed this off."'], "Becky Strand", ""),
    (["Q: What did the review say?", '[Groans] Two stars! Two stars. She wrote "Too many commas, not enough grandchildren."'], "", ""),
    (['In a statement, the Department for Energy and Net Zero said: "We know how hard this winter will be for many families."'],
     "Department for Energy and Net Zero", ""),
    (['Parents\' campaign group Fair Exams Now said in a statement that pupils had been "let down by a system that relies on a cupboard".'],
     "Fair Exams Now", "parents' campaign group"),
    (['A reader in Ballyvane, Co Mayo, has sent us a photo of the pier. She writes: "Lived here 50 years and never seen the water this high."'],
     "", ""),
    (['Kerry Dunne, 31, from Ashby, near Westmarch, said the heater started "hissing and then belching black smoke" at 2am.'], "Kerry Dunne", ""),
])
def test_speakers_twenty_third_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["Gov. Wade Crandell's office released a short statement on the vote:",
      '"The vote today is a good start, and I look forward to working with the House on a bill."'], "Wade Crandell", "Gov."),
    (["Dennis R. Kolbe, 58, pleaded guilty in July to wire fraud.", '"I am ashamed. There is no other word for it," he said.'],
     "Dennis R. Kolbe", ""),
    (["Hospitals in Harrison and Springfield, Missouri, treated more than 60 people.",
      '"We funded about 40 shelters. We need 400," she said.'], "", ""),
    (['The All-Shires Croquet Club, which runs the lawns, said in a statement: "Players are expected to behave themselves."'],
     "All-Shires Croquet Club", ""),
    (['In a statement after the hearing, the Royal College of Urgent Medicine said: "What MPs heard today is what our members see."'],
     "Royal College of Urgent Medicine", ""),
    (["Water companies' trade body, Water UK Alliance Network, said its members were \"investing record amounts in storm overflows\"."],
     "Water UK Alliance Network", "water companies' trade body"),
    (['"She taught me that the job is mostly listening," Undersheriff Tomas Ybarra said.'], "Tomas Ybarra", "Undersheriff"),
    (["The UK's Battery Safety Council said the advice was \"that most battery damage is caused by heat, full stop\"."],
     "Battery Safety Council", ""),
])
def test_speakers_twenty_fourth_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_street_after_on_or_in_is_where_the_speakers_live():
    assert analysed('Several of her neighbours on Willow Bank Road said the town had been "left to fend for itself" again.').quotes[-1].speaker == ""
    quote = analysed('A neighbour in Tern Close said she watched the roof "fold in like a wet paper bag".').quotes[-1]
    assert (quote.speaker, quote.role) == ("", "a neighbour in Tern Close")


def test_a_firms_plural_possessive_before_a_full_name_is_its_analyst():
    quote = analysed("Halvorsen Capital Markets' Rajiv Menon wrote that the update raised \"more questions about execution than answers\".").quotes[-1]
    assert (quote.speaker, quote.role) == ("Rajiv Menon", "Halvorsen Capital Markets'")


def test_a_welsh_ap_is_part_of_the_surname_also_after_a_title():
    quote = analysed('Council leader Rhodri ap Gwilym called the cuts "the hardest decisions this authority has ever taken".',
                     '"There is no fat left to trim," Mr ap Gwilym said. "We are now cutting into muscle."').quotes[-1]
    assert (quote.speaker, quote.role) == ("Rhodri ap Gwilym", "council leader")


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['Cllr Imogen Bray (Castlegate South, Green), who chairs the panel, said the vote had been "the closest this panel has known".'],
     "Imogen Bray", "Cllr"),
    (['Opposition leader Cllr Tom Oduya (Riverside East) said the council must "find the money and stop hiding behind reviews".'],
     "Tom Oduya", "opposition leader Cllr"),
    (['Nuala Brennan (72) said: "I have swum off that slipway every morning since I was a child."'], "Nuala Brennan", ""),
    (['Harry Pell (pictured) said: "We never thought a bench could cause this much bother in one village."'], "Harry Pell", ""),
    (['Another trader, Smt. Lakshmi Venkatesan, said the stalls had been "bulldozed without a single notice".'], "Lakshmi Venkatesan", "Smt."),
    (['The works minister, Engr. Bello Adamu Garba, called the theft "an attack on every household in the country".'],
     "Bello Adamu Garba", "Engr."),
    (['Union president Comrade Ifeoma Chukwu-Obi told reporters: "We will not accept another promise on paper."'],
     "Ifeoma Chukwu-Obi", "union president Comrade"),
    (['Party spokesperson Shri Anand Rao Kulkarni said: "The residents deserve an answer before the monsoon."'],
     "Anand Rao Kulkarni", "party spokesperson Shri"),
    (['Alhaji Garba Sule, who chairs the traders, said: "Every shop on this road lost its stock in one night."'], "Garba Sule", "Alhaji"),
    (['Advocate Depute Fiona Marr told the jury the failure was "plain, written down and ignored".'], "Fiona Marr", "Advocate Depute"),    (['The U.S. Geological Survey said in a statement: "The findings do not change the hazard maps for the region."'],
     "U.S. Geological Survey", ""),
    (['"We have asked the U.S. Coastal Works Administration for help," the governor said.',
      'The agency said it was "looking at the request with real urgency" and had sent engineers.'], "U.S. Coastal Works Administration", ""),
    (["Kano State Police Command spokesperson, Amina Bello, said the count had been calm.",
      '"Two men were arrested with marked ballot papers," she told reporters.'], "Amina Bello", "Kano State Police Command spokesperson"),
    (['Severnvale Water\'s chief executive, Colin Ash, said: "This should not have happened to anyone on the river."'],
     "Colin Ash", "Severnvale Water's chief executive"),
    (['Meteorologist Dana Okoro of the weather service\'s Fargo office said the storm was "about as strong as they come".'],
     "Dana Okoro", "Meteorologist"),
    (["Cross-examining for the builder was Ruth Pennant KC, who pressed the engineer on the readings.",
      '"You could have rung the board that night, couldn\'t you?" Ms Pennant asked.'], "Ruth Pennant", ""),
    (["The trial was led by Prof. Daniel Kiprono arap Sang of the Rift Crops Institute's centre in Kapkatet.",
      '"We now know what it is, and that means we can fight it," Prof. Sang said.'], "Daniel Kiprono arap Sang", "Prof."),
    (['Alhaji Musa Bello said the grid had failed "at least nine times this year alone".',
      "At the Central Hospital, Kaduna, a senior nurse who asked not to be named said the generators ran day and night.",
      '"We have babies in incubators. We cannot gamble with them," she said.'], "", "a senior nurse"),
])
def test_speakers_twenty_fifth_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (["The squad's coach singled out the flyweight Lance Bombardier Rhea Kamara, who won her third title.",
      'Kamara shrugged and told the Forces Post: "Ask me again when the bruises come out."'], "Rhea Kamara", "Lance Bombardier"),
    (["Giving evidence, L/Cpl Ana Duffy said she had been frightened on the range.",
      '"I told him twice that somebody would get hurt," L/Cpl Duffy said.'], "Ana Duffy", "L/Cpl"),
    (['Sapper Tom Iles was gracious in defeat. "He caught me clean and he deserved it," he said.'], "Tom Iles", "Sapper"),
    (['Pfc. Jo Marrs said: "You grow up fast out there, but I would do it again tomorrow."'], "Jo Marrs", "Pfc."),
    (['Council spokesman Alfred Pyne said the works would "take the whole summer and most of the autumn".'], "Alfred Pyne", "council spokesman"),
    (["Air Vice-Marshal (retd) Joan Ferris, a former head of the cyber wing, said the breach was serious.",
      '"Armies march on their stomachs, and now the stomachs run on spreadsheets," she said.'], "Joan Ferris", "Air Vice-Marshal"),
    (["General Sir Hugh Penrose did not mince his words when I asked him about the plan.",
      '"The Army is not a youth club and it is not a reform school," he told me.'], "Hugh Penrose", "General Sir"),
    (["Fisheries minister João Paulo dos Santos Viana said the cut was too deep.",
      '"Our coastal towns cannot absorb another cut of this size," Santos Viana told reporters.'], "João Paulo dos Santos Viana", "fisheries minister"),
    (["The deal was signed by Duarte Nuno Vasconcelos e Sá, the economy minister.",
      'Sá called the port "Europe\'s front door for clean energy from the south".'], "Duarte Nuno Vasconcelos e Sá", ""),
    (["Frank Delano, who was mayor for 12 years, died on Sunday.",
      'The program reprinted the closing lines of Delano\'s 1987 inaugural address: "A town is a promise neighbors make to each other."'],
     "Frank Delano", ""),
    (['The vigil was led by the Reverend Thomas Ashby, who told the crowd: "We hold the names, and we hold each other."'],
     "Thomas Ashby", "Reverend"),
    (["Iain Beale, who runs the island shop, said the place was being abandoned.",
      'Marine Links Authority, the public body which owns the vessel, said the new ferry, dubbed "Project Selkie" by officials, was "on track for delivery in spring".'],
     "Marine Links Authority", ""),
    (['The society\'s chief executive, Mr. Kamran Iftikhar Sheikh, said the company "respects the media but will not tolerate lies".'],
     "Kamran Iftikhar Sheikh", "society's chief executive"),
    (['According to the audit, one manager told staff that "if we log every one of these the numbers will look awful".'], "", "one manager"),
    (["MEP Rupert 'Bunker' Ashwell, 61, flew business class to the island.",
      "Hattie Moon, of a taxpayers' group, told the Beacon: 'This man is choosing between a five-iron and a seven-iron.'",
      "The 61-year-old, a member of the committee, insisted the trip was above board.",
      "He said: 'Every meeting I attended is listed on the register of the parliament.'"], "Rupert Ashwell", "MEP"),
    (['Her lawyer, Maître Bastien Morel, called the case "a single ambiguous email written by someone not on trial".'],
     "Bastien Morel", "Maître"),
    (["Prof. Hans van Dijk of the polar institute led the survey.",
      '"The ice we are talking about is not coming back in any timescale that matters," Van Dijk said.'], "Hans van Dijk", "Prof."),
    (["Mayor Giuseppe Di Bartolo flew in on Monday.", '"We watched what Millbrook did and we thought, why not us?" Di Bartolo told reporters.'],
     "Giuseppe Di Bartolo", "Mayor"),
    (['County Assessor Harold Kinney said: "We do not set the market. We measure it, and we measure it every year."'],
     "Harold Kinney", "County Assessor"),
    (['Public Defender Walter Kim said his office had "only just received the discovery" in the case.'], "Walter Kim", "Public Defender"),
    (["Nanny Chloe Penrose, 24, was asleep upstairs.", "The judge said the outcome was clear. Her words: But for the neighbours, it would have been worse.",
      "But Chloe, who has since gone home to Cornwall, said the apology meant little.",
      '"Sorry does not give me my sleep back at all," she said.'], "Chloe Penrose", ""),
])
def test_speakers_twenty_sixth_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


@pytest.mark.parametrize("paragraphs, speaker, role", [
    (['The Ministry of Justice said the change "would be kept under careful review by officials".'], "Ministry of Justice", ""),
    (['In a ruling read out on Tuesday, the Court of Justice said the order "went far beyond what the law allows".'],
     "Court of Justice", ""),
    (['The Office of the Governor said the bill "will be signed into law next week, without fail".'], "Office of the Governor", ""),
    (['President of the Court of Justice Koen Lemaire said the ruling "settles the matter for every member state".'],
     "Koen Lemaire", "President of the Court of Justice"),
    (['The Welsh government said in a statement: "We expect every board to meet the target, and most of them do."'],
     "Welsh government", ""),
    (['The Scottish government said it would "look at every option to keep the plant open".',
      'It added: "Nobody should doubt how seriously we take the jobs at stake here."'], "Scottish government", ""),
    (['The government said the scheme "had been a success by every measure we set".'], "", "the government"),
    (["The Moderator, the Very Rev Dr Ishbel Carrick, preached at the morning service in the cathedral.",
      'She said the church had become "far too comfortable with all of its possessions" and must travel light.'],
     "Ishbel Carrick", "Very Rev"),
    (["The letters were written by Private Albert Penrose, of the 5th Battalion, to his mother in Leeds.",
      "In one, dated June 1944, he wrote: 'Do not fret about me, Mum. The lads say I am too daft to get shot.'"],
     "", ""),  # not 'Battalion'; 'written by' does not make him what 'he' refers to
    (['In 2021 the council released a plan called Our Water, Our Future, which promised rates would rise by "no more than inflation for a decade".'],
     "", ""),
    (['Our chairman, Tom Reilly, said the club would "carry on exactly as it always has done".'], "Tom Reilly", "chairman"),
    (["Captain Ewan MacRae is giving evidence today.", "The first officer, Calum MacRae, sent a text to his partner. The two men are not related.",
      'Captain MacRae said he was "not aware of any of that at the time" and had never seen the text.'], "Ewan MacRae", "Captain"),
    (["Dr Ewan MacRae and Dr Calum MacRae run the practice.", 'Dr MacRae said the practice "will stay open for as long as we can staff it".'],
     "MacRae", "Dr"),
    (["The co-chairs, Rep. Anna Ortega and Sen. Luis Ortega, are not related.",
      'Sen. Ortega cut him off. "With respect, Mr. Secretary, we have read the statement," he said.'], "Luis Ortega", "Sen."),
    (['Union rep Terry Rainford said the crews would "stay out for as long as it takes to win".',
      "One driver on the picket line, who did not want to be named, said: 'They clapped us in the pandemic and now they treat us like dirt.'"],
     "", "one driver on the picket line"),
    (['Union rep Terry Rainford said the crews would "stay out for as long as it takes to win".',
      "A neighbour across the road said: 'We have not had a bin emptied in three weeks.'"], "", "a neighbour across the road"),
    (['Union rep Terry Rainford said the crews would "stay out for as long as it takes to win".',
      "The officer at the scene said: 'Nobody was hurt, and the road was open again by noon.'"], "", "the officer at the scene"),
    (['Father Emil Sarkis, who led the convoy, said: "The water is going down, but the need is going up."'], "Emil Sarkis", "Father"),
    (['Her father, Tom Reilly, said she "never once complained about the early starts".'], "Tom Reilly", "father"),
    (['The memo, written by senior engineer Colm Farrell and read into the record by committee member Dev Rathore, stated that '
      '"seepage at the north toe has tripled in eighteen months and must be escalated".'], "Colm Farrell", "senior engineer"),
    (["Counsel to the inquiry, Rupert Allen KC, asked the carer whether anyone had written down her complaints.",
      "'Did you ever put it in the maintenance log?' he asked.",
      "'I did, twice, and both times the page went missing,' she replied."], "", ""),
    (['Pressed by Jonah Whitlow of Harrow & Finch on the plan, she replied: "It bends at the edges, not in direction."',
      'Whitlow later cut his price target. In a note, he wrote that Bramble was "asking investors to fund a science project".'],
     "Jonah Whitlow", ""),
    (['Róisín Nic Ruairí told the committee that the lists were "a stain on all of us who have held this office".'],
     "Róisín Nic Ruairí", ""),
    (['Seán Ó Briain told the court the compartment was "very professionally made and well hidden".'], "Seán Ó Briain", ""),
    (['Sinn Féin TD for Galway West Deirdre Ní Fhlatharta told the Dáil the schemes had waited "the guts of a decade and more".',
      'Ms Ní Fhlatharta said: "Boiling it, Minister! Would you accept that in your own town?"'],
     "Deirdre Ní Fhlatharta", "Sinn Féin TD for Galway West"),
    (['Michael Keane TD said the scheme was "a decent start but no more than that".'], "Michael Keane", ""),
    (["The bill passed the Senate 26-7 after a long night.",
      '"This bill is for every town the ambulance takes an hour to reach," it said in a statement.'], "", ""),
])
def test_speakers_twenty_seventh_round(paragraphs, speaker, role):
    quote = analysed(*paragraphs).quotes[-1]
    assert (quote.speaker, quote.role) == (speaker, role)


QA_FEATURE = [
    "When Squadron Leader Maria Okafor took command in 2019, she was the first woman to lead a front-line squadron.",
    "Okafor now runs a flying school on the coast. Okafor spoke to us at the airfield.",
    "You were flying fast jets at 24. What did you think you were doing?",
    '"Honestly? I thought I was going to be found out any day, and nobody ever did."',
    "A former colleague, Group Captain Simon Hale, called her \"the calmest voice I ever heard on a radio\".",
    "And now? Why teach?",
    '"Because somebody taught me, and I love the look on a pupil\'s face after a first solo."',
]


def test_an_answer_after_a_question_is_the_interviewees():
    quotes = analysed(*QA_FEATURE).quotes
    assert [(q.speaker, q.role) for q in quotes] == [("Maria Okafor", "Squadron Leader"), ("Simon Hale", "Group Captain"),
                                                      ("Maria Okafor", "Squadron Leader")]


def test_no_interviewee_when_no_one_is_named_most():
    paragraphs = ["Cllr Ann Lowe chairs the committee. Cllr Ben Hart chairs another one.", "Why press on?",
                  '"Because the alternative is a derelict site for another twenty years."']
    assert analysed(*paragraphs).quotes[-1].speaker == ""


def test_a_labelled_answer_goes_to_the_one_the_headline_names():
    paragraphs = ["He has sold two million sheep and is, by his own admission, the loudest man in the glen. Tollan retires in May.",
                  "Q: How did you get into auctioneering?",
                  'A: "Completely by accident. I was nineteen and the auctioneer lost his voice on a Saturday."']
    quote = analysed(*paragraphs, title="Forty years on the rostrum with Hamish Tollan").quotes[-1]
    assert quote.speaker == "Hamish Tollan"

"""Who said a quotation: the attribution next to it, read the way news prose writes it.

In order: the attribution between the parts of a split quote; after the quote ('," X said',
'," said X', '," X told CNN', '," according to X'); before it in the same sentence ('X
added:', 'X said the plan was "..."', 'According to X, "..."'); for a paragraph that is
nothing but a quote, the person the previous paragraph was about. 'He' and 'she' mean the
last person named as the subject of a sentence or as a speaker (within two paragraphs);
a surname alone means the full name used elsewhere in the article when there is exactly
one. Anything less clear gives no name: a speaker is never guessed.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from .names import (
    ADVERBS, BRACKETED_INITIALS, DEMONYMS, LOWER_SURNAME_PARTICLES, PERSON_NOUNS, TITLES, PRONOUNS, SPEECH_PARTICIPLES, SPEECH_VERB, Person, appositive_name, common_nouns, first_names, forward_np, full_name, full_names,
    is_abbreviation, is_function, is_name_token, is_organisation, mask_nicknames, nicknames, parse_np, person_like, phrase_ending, proper_nouns, relatives,
    without_determiner, without_place_possessive,
)
from .sentences import sentence_spans

ANTECEDENT_BLOCKS = 2
_WORD = re.compile(r"[^\W\d_]{2,}")  # narration holds a word, not only quote marks
MAX_CHAIN = 8  # sentences about 'he' passing on whom it means
MAIN_WORDS = 24  # words of a split quote's attribution, not counting a relative clause
GAP_WORDS = 36  # words between a split quote's parts
UNKNOWN = Person()
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december""".split())
_RELATIVE = frozenset("who whose whom which where when aged of from now for representing".split())  # ', of Leeds,'
_AUXILIARY = frozenset("had has have would will could may might should did does do must can".split())
_PASSIVE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+$")  # 'staff had been told'
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")  # 'Sen. Carla Whitmore, R-Okla., said'
# 'Rep. Ann Holt (D-Ore.)', 'Rep. Dwayne Kessler, R-Fox Creek, said'
_PARTY_TAG = re.compile(
    r"(?<=[a-z]) \((?:[DRI]|[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\)|(?<=[a-z]), [DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}(?=,)"
    # British and Irish councillors: 'Cllr Declan Furlong (Ind)', 'Cllr Nadia Obi (Lab)'
    r"|(?<=[a-z]) \((?:Ind|Lab|Con|Grn|Green|Lib Dem|LD|SNP|PC|Plaid|SF|FF|FG|SD|DUP|UUP|SDLP|PBP|Reform|Independent)\.?\)"
)
# 'Cllr Anita Rowe (Harrowfield North, Liberal Democrat)', 'Jo Marsh (pictured)', 'Mary Keane (67)':
# a ward, a party, a photo's pointer or an age in brackets after a name is no part of what follows
_NAME_ASIDE = re.compile(
    r"(?<=\w) \((?:(pictured|left|right|centre|center|above|below|inset|retd|ret\.|rtd|retired|\d{1,3})"
    r"|[A-Z][\w'.-]*(?:(?:,? | & | and )[A-Z][\w'.-]*){0,5})\)"
)
_DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?(?: \([\w.& ]{1,24}\))? - ")
_STAGE_DIRECTION = re.compile(r"\[[A-Za-z][A-Za-z ]{0,29}\]")
_TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}))?\s+-\s+")
_BY_AGENT = re.compile(r"\s+by\s")
_AFFILIATION = frozenset("for at from to with within inside near in".split())  # 'a spokesman for the Department for Rivers'
_PARTICIPLE = frozenset(SPEECH_PARTICIPLES)
_ACCORDING_TO = re.compile(r"\baccording to\s+([^,.;\"]+)", re.IGNORECASE)
_SOURCE_FIRST = re.compile(r"^(?:according to|in the words of)\s+([^,]+),", re.IGNORECASE)  # 'According to X, inspectors "..."'
_SOURCE_LAST = re.compile(r"\b(?:according to|in the words of)\s+([^,]+?)\s*[,:-]?$", re.IGNORECASE)
_COMMA = re.compile(r",\s+")
# 'In 2009 she was', 'Last week he wrote': an opening phrase without its comma, then the subject
_OPENING_PHRASE = re.compile(r"(?:In|On|At|During|After|Before|Since|Last|Later|Earlier|By|Within|Until)\s[^,\"]{0,60}?\s(?=(?:he|she|they)\s)")
_LEADING_TIME = re.compile(
    r"\s*(?:(?:[Ll]ast|[Tt]his|[Ll]ate|[Ee]arly|[Oo]n)\s+)?(?:night|week|month|year|weekend|morning|afternoon|evening|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?\s+(?=[A-Z][a-z]|the\s)"
)
# 'a senior consultant who asked not to be named': someone the story will not name
_ANONYMOUS = re.compile(r",?\s*who\s+(?:asked|declined|did not want|spoke on condition|requested)\b[^.\"]{0,40}?\b(?:named|anonymity|identified)\b")
_PLACE_OPENING = re.compile(r"(?:At|In|Inside|Outside|Near|From)\s[^,]*[A-Z][^,]*,\s*")  # 'At the National Hospital, '
_REPORTING = frozenset("said says told tells testified wrote writes added adds".split())
_NAMED_BY = re.compile(r" {4,},? ?by\s")  # after a speech verb and its blanked quote: 'dubbed "..." by officials'
_DASH_ASIDE = re.compile(r"\s-\s[^-\"]{1,120}\s-\s*$")  # 'X - who ran the yard for years - said'
_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Or|Nor)\s+")
_REPORTED = re.compile(r"\b(?:was|were|is|are|had|has|have|would|will|could|should|did|does|must|might)\b")
_NEW_CLAUSE = re.compile(r"(?:though|although|but|while|whereas|and|because|so|yet)\s", re.IGNORECASE)
_SIGNED = re.compile(r"\s*[—–-]+\s*((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\s*(?:,\s*([^.;:]{1,80}?))?\s*$")  # '— Denise Wrathall, caterer'
_WHO = re.compile(r"\s+(?:who|whose)\s+")
# ', who asked not to be named', ', pausing as the crowd laughed': about the speaker ('adding' starts another attribution)
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:who|whose|which|without|asking|speaking|declining|requesting|(?!(?:" + "|".join(SPEECH_PARTICIPLES) + r")\b)[a-z]+ing)\b"
)
_DESCRIBED_BY = re.compile(
    r"\b(?:described|called|dubbed|branded|labelled|labeled|hailed|summed up)(?:\s+\w+)?\s+by\s+([^,;:\"]{3,80}?)\s+as\s*$"
)
# 'The letter, signed by union president Cody Barrientos, warned': the signer speaks
# 'The letter, written by Dr. X and signed by her colleagues, warns'; 'Another message, sent by X
# at 11pm, read:'; 'The memo, written by X and read into the record by Y, stated'
_SIGNED_BY = re.compile(
    r"\b(?:letter|statement|petition|note|e-?mail|submission|memo|message|text|post|tweet)\s*,\s+"
    r"(?:signed|written|sent|launched|started|organi[sz]ed|drafted|posted)(?:\s+[\w.]+){0,3}?\s+by\s+([^,]+?)"
    r"(?:\s+(?:at|on|in|shortly|just|late|early|minutes|hours|days|weeks)\s[^,]*|\s+and\s+(?:[a-z-]+ed|read|sent|shown|seen|given)\s[^,]*)?,\s*$",
    re.IGNORECASE,
)
_US_STATES = frozenset("""Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()) | {
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island", "South Carolina",
    "South Dakota", "West Virginia",
}
_PARTY_WORDS = frozenset("conservative labour labor liberal democrat democratic republican independent green socialist unionist".split())
_WHEN_NAMED = re.compile(
    r",\s+(?:when|as|after|before|while)\s+(?:the\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3},\s+)?"
    r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*),?\s+(?:had\s+|has\s+)?[a-z]+(?:ed|s)\b"
)
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+((?:[\w.'-]+\s+){0,6}?[\w.'-]+)\s+as\s+(?:saying|telling)\b")
_RELATIVE_WITH_APPOSITIVE = re.compile(  # 'X, who has a son, Cian, added': not 'X, who gave his first name, Tony, said'
    r",\s+who\s+[a-z][^,\"]*\b(?:son|daughter|wife|husband|partner|mother|father|brother|sister|child|grandson|granddaughter|baby)"
    r",\s+[A-Z][^,\"]*,$"
)
_THAT_DESCRIBED_AS = re.compile(
    r".*\b(?:that|which|whom|said|says|added)\s+([^,;\"]{1,60}?)\s+(?:(?:had|has|have|once|previously|repeatedly)\s+)*"
    r"(?:described|characteri[sz]ed|portrayed)\s+(?:[^,;\"]{0,60}?\s+)?as\s*$"
)
_PUT_IT = re.compile(r"\b[Aa]s\s+((?:[\w.'-]+\s+){0,6}?[\w.'-]+)\s+(?:put|puts|has put|had put|once put)\s+it(?:\s+[\w'-]+){0,5}\s*[,:]?$")
_TRAILING_TIME = re.compile(  # 'Adaeze Okafor on Friday accused': when, not who
    r"\s+(?:(?:on|late|early|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|\s+(?:last|this|next)\s+(?:week|month|year|weekend)$"
)
# 'the amber warning', 'a stark warning': a noun, not 'warning that ...'
_IS_NOUN = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|our|every)\s+(?:(?:amber|red|yellow|severe|stark|final|fresh|new|clear|public|similar)\s+)?$"
)
_QUOTED = re.compile(r'"[^"]*"')
# 'the closing lines of Delacourt's 1987 inaugural address:', 'His farewell was brief:': whose words follow
# ('His answer:' may be the answer of someone he asked, so it is not one of them)
_OWNED_WORDS = re.compile(
    r"\b(?:([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)'s?|([Hh]is|[Hh]er|[Tt]heir))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:address|speech|words|remarks|motto|advice|farewell|eulogy|verdict)\b[^.:;\"]{0,30}:$"
)
_OWN_ACCOUNT = re.compile(r"\b(?:by|in) (his|her|their) own (?:account|words|admission),?$", re.IGNORECASE)
_CALLS_ITSELF = re.compile(
    r",\s+(?:which|who|that)\s+(?:calls|call)\s+(?:itself|themselves)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,5}),\s*$"
)
_JUDGED_AS = re.compile(
    r"\b(?:welcomed|hailed|dismissed|condemned|criticised|criticized|praised|slammed|rejected|attacked|greeted"
    r"|describ(?:ed|ing|es)|promot(?:ed|ing|es)|tout(?:ed|ing|s)|pitch(?:ed|ing|es))"
    r"(?:\s+[\w'-]+){1,5}\s+as\s*$"
)
_ASKED_FOR = re.compile(r"(?:asked|called)\s+for\s*$")
_RELATIVE_END = re.compile(r",\s+(who|which)(?:\s+(?:has|had|have|once|also|previously|repeatedly))*$")  # ', who has called it
# 'X, a Republican who chairs the committee and has called': the verb is the relative clause's
_RELATIVE_CLAUSE_END = re.compile(r"\s(who)\s+[a-z][^,]*\s(?:and|but)(?:\s+(?:has|had|have|was|is|once|also|later|then))?$")
_QUOTE_MARK = re.compile('"')
# who a sentence without a readable subject is about: 'Among them was PhD student Amara Osei',
# 'For 14 seasons Tommy Brannigan was the last line of defence'
_WAS_BEFORE = re.compile(r"\b(?:is|was|are|were|named|called)\s+(?:[^\s,]+\s+){0,3}$")
_FOR_NAME = re.compile(r"\W*(?:For|To|Like|Unlike|Take|Consider|Meet)\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*),")
_OPENING_FOR = re.compile(r"\W*(?:For|To|With|Like|Unlike|Among|Take|Consider|Meet)\s+")  # 'For Callum Rennie, who ..., the night was'
_TITLE_GENDER = {"mr": "he", "sir": "he", "lord": "he", "mrs": "she", "ms": "she", "miss": "she", "dame": "she", "lady": "she"}
_GENDER_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)")
_KIN_SUBJECT = re.compile(r"(?i)(?:my|his|her|their|our) (?:late )?(?:mum|mother|mom|dad|father|gran|grandmother|grandad|grandfather|husband|wife|son|daughter|brother|sister)$")  # 'My dad was in the stand.': 'he' is him
_CLAUSE_BEFORE = re.compile(r"\b(?:which|that|whom|when|where|after|while)\s+$")
_VERB_AFTER = re.compile(r"\s+[a-z]+(?:ed|s)\b")
_AUXILIARY_AFTER = re.compile(r"\s+(?:is|was|has|had|became|will|would)\b")
_WHEN_ASKED = re.compile(r"\s+(?:when|as|after|before|while|once)\s+(?:I|we|he|she|they|you)\s+(?:[a-z]+\s+){0,2}[a-z]+ed\b.*$")  # 'when I asked', 'before I have even switched on my recorder'
_AND_ANOTHER = re.compile(r"\s+(?:and|&)\s+(?:his|her|their|[A-Z])")
_GENERIC_ORGANISATIONS = frozenset("""firm company group organisation organization business operator union system charity nonprofit
developer agency chain retailer lender insurer airline club campaign""".split())
# 'The 38-year-old said', 'the mum-of-two told', 'the Dunmere man grinned': news writes these for the
# person just named, as it writes 'she' ('the family's father' is someone else)
_EPITHET = re.compile(
    r"the (?:[\w-]+ )?(?:(\d+)-year-old(?: [\w-]+)?|(?:great-)*(?:grand)?(?:mum|mother|mom|dad|father|parent)-of-\w+"
    r"|(?:great-)*(?:grandmother|grandfather|gran|grandad)"
    r"|man|woman|boy|girl|lad|teenager|youngster|pensioner|widow|widower|schoolboy|schoolgirl|veteran)"
)
_OTHER_PARTICIPANTS = frozenset("""spokesman spokeswoman spokesperson official officials officer detective judge prosecutor
prosecution defence defense lawyer attorney barrister solicitor counsel source witness police paramedic coroner magistrate
juror jury court victim defendant accused suspect driver landlord council government minister mayor governor president
mother mum mom father dad parent son daughter wife husband brother sister grandmother gran nan grandfather grandad grandson
granddaughter aunt uncle nephew niece cousin partner fiance fiancee boyfriend girlfriend friend neighbour neighbor family
""".split())  # kin are someone else's: after 'Jack, 7, was rescued', 'the mother said' is not Jack
_TIMES = frozenset("day week weekend month year night morning afternoon evening season decade century time moment".split())
_PLACE_NOUNS = frozenset("capital city town village county province region state country island port".split())
_STREETS = frozenset("road street avenue lane drive close crescent terrace boulevard highway way row square".split())
_AT_PLACE = frozenset("on in at along near off across outside".split())
_ONE_PERSON = frozenset("a an one another".split())
_PLACES = frozenset("estate street road area town city village county district ward park".split())
_WORKS = frozenset("book novel memoir autobiography biography film movie album song record documentary play podcast series show".split())
_ASIDES = frozenset("in at on during after before via through speaking writing to amid despite under with near outside".split())
_DOCUMENTS = frozenset("report study review statement letter survey paper document audit analysis".split())
_ACRONYM = re.compile(r"\b((?:[A-Z][\w'-]*\s+(?:(?:of|and|for|the)\s+)*){1,7}[A-Z][\w'-]*)\s+\(([A-Z]{2,8})\)")
_WITH_SUBJECT = re.compile(r"\bwith\s+((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*)$")  # 'with Hollins vowing'
_RUN_BY = r"\b(?:run|owned|operated|managed|made|built|sold)\s+by\s+"  # 'care homes run by Brackwater Care': a business
_OWNED_DOCUMENT = re.compile(
    r"((?:[Tt]he\s+)?[^']+)'s?\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(_DOCUMENTS | {"release", "website", "filing", "submission", "notice"})) + ")"
)
_AUTHORED_BY = re.compile(r"\s+(?:(?:prepared|written|published|produced|compiled|drawn up)\s+)?by\s+")  # 'A report by X', 'a note prepared by X'
_MESSAGES = frozenset("statement letter email e-mail post note message tweet".split())
_ANY_DOCUMENT = re.compile(r"\b(?:" + "|".join(sorted(_DOCUMENTS | _MESSAGES | {"memo"})) + r")\b")
_DOCUMENT_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_MESSAGES)) + r")$")
# 'weeks after Cllr Stoddart stood up in the chamber,': a clause about a named person
_OPENING_CLAUSE = re.compile(
    r"(?:When|As|After|Before|While|Since|Once|If|Until)\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\s+[a-z]+\b[^,]*,\s+(?:he|she)\b"
)
_INTERVIEWER_ASKS = re.compile(
    r"(?:(?:When|As)\s+)?(?:I|we|We)(?:'ve|'d|\s+have|\s+had|\s+were|\s+was)?(?:\s+been)?\s+"
    r"(?:asked|ask|pressed|press|put it to|reminded|remind|(?:speaking|talking|spoke|talked|spoken)(?:\s+(?:afterwards?|later|again|briefly|first))?\s+(?:to|with)|caught up with|sat down with|met|meet)\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\b")
_IT_IS_WHEN = re.compile(r"It\s+(?:is|was)\s[^,\"]*?\b(?:when|as)\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\s+[a-z]+")  # 'It is raining when Nuala Keaveney opens the door'
_ENCLOSED_RELATIVE = re.compile(r",\s+(?:who|whose|which)\s[^,]*,")  # 'one resident, who asked not to be named, told'
_CLAUSE_SUBJECT = re.compile(r"\b(?:after|when|as|before|while|since)\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*)\s+[a-z]+\b[^,]*,$")
# 'asked her whether': 'she' then means someone else ('asked her daughter' is a possessive: not; 'when I
# asked him' is the reporter asking the one the sentence is about)
_OBJECT_THEN = "whether|if|to|about|what|how|why|when|where|who|for|again|directly|repeatedly|later|on|at|in|during|after|before|and|or"
_ADDRESSED = re.compile(
    rf"(?<!\bI\s)(?<!\b[Ww]e\s)\b(?:asked|pressed|questioned|urged|challenged|interrupted|reminded|thanked)\s+(him|her(?!\s+(?!(?:{_OBJECT_THEN})\b)[a-z]))\b"
)
_POSSESSOR = re.compile(r"^((?:[A-Z][\w.-]*\s+)+[A-Z][\w-]*)'s\s+[a-z]")
_GENDERED = {
    **dict.fromkeys("""son husband father brother grandson grandfather nephew uncle boyfriend dad stepson stepfather
    widower mr king prince""".split(), "he"),
    **dict.fromkeys("""daughter wife mother sister granddaughter grandmother niece aunt girlfriend mum mom stepdaughter
    stepmother widow mrs ms miss queen princess dame""".split(), "she"),
}
# 'A resident[ in Kilbrack][, who has lived there for 40 years,] said'
_THEN_SPEAKS = re.compile(r"^(?:\s+(?:in|from|of|at|near|for)\s+[^,\"]{1,60}?)?(?:\s*,[^,\"]{1,150}?,)?\s*" + SPEECH_VERB.pattern)
_PRONOUN_SPEAKS = re.compile(r"^(he|she|it)\s+" + SPEECH_VERB.pattern)


@dataclass(frozen=True)
class _At:
    block: int
    start: int


@dataclass(frozen=True)
class _Mention:
    block: int
    start: int
    person: Person
    speaks: bool = True  # in a sentence with a speech verb, or as a quote's speaker
    addresses: tuple[str, ...] = ()  # 'asked her whether': 'she' then means someone else


class _Article:
    """What attribution needs to know about the whole article: names, and who each sentence is
    about. Who a sentence is about is worked out only for the sentences a question needs (the
    paragraphs before a quote, the sentences naming a speaker): most are never asked about."""

    def __init__(self, norms: list[str], title: str = ""):
        self.title = title
        self.nicknames = nicknames(norms)
        self.texts = [_mask_asides(_mask_furniture(mask_nicknames(norm))) for norm in norms]
        sentences = [text[start:end] for text in self.texts for start, end in sentence_spans(text)]
        self.proper = proper_nouns(sentences) | self.nicknames.keys()  # 'Winnie said' names her
        self.full_names = full_names(sentences, self.proper)
        self.proper = self.proper | first_names(self.full_names)  # 'Danielle, speaking from her bed, said'
        # 'the International Cycling Integrity Unit (ICIU)': what 'the ICIU said' means
        given = _ACRONYM.findall(self.whole) if BRACKETED_INITIALS.search(self.whole) else ()  # the search is the slow part: most have none
        self.acronyms = {**_initials_of_organisations(self.full_names), **{short: " ".join(without_place_possessive(without_determiner(name).split())) for name, short in given}}
        self.genders = self._genders(self.whole) if _GENDER_TITLE.search(self.whole) else {}
        narration = [_without_quotations(text) for text in self.texts]
        self.narration = [(number, start, text[start:end]) for number, text in enumerate(narration) for start, end in sentence_spans(text)]
        self.reach = _reach(self.texts, narration)
        self.found: dict[int, list[_Mention]] = {}  # narration sentence -> the people it is about
        self.speakers: list[_Mention] = []  # quotes' speakers, as they are found

    def mentions(self, sentences, speakers=None) -> list[_Mention]:
        """Who the given narration sentences are about, and the quotes' speakers (those in the
        sentences' paragraphs unless given), in reading order."""
        sentences = sorted(set(sentences))
        if speakers is None:
            blocks = {self.narration[n][0] for n in sentences}
            speakers = [m for m in self.speakers if m.block in blocks]
        about = [m for n in sentences for m in self._about(n)]
        return sorted(about + speakers, key=lambda m: (m.block, m.start))

    def mentions_before(self, block: int, start: int) -> list[_Mention]:
        """The mentions in the two paragraphs before (block, start), and in its own before it."""
        return [m for m in self.in_blocks(self.reach[block], block) if (m.block, m.start) < (block, start)]

    def in_blocks(self, first: int, last: int) -> list[_Mention]:
        return self.mentions(n for n, (block, _, _) in enumerate(self.narration) if first <= block <= last)

    def naming(self, name: str, speakers: bool = True) -> list[_Mention]:
        """The mentions that may be of `name`: from the sentences holding its last word (every
        mention of a name does), and the speakers unless `speakers` is false."""
        word = name.split()[-1]
        holding = (n for n, (_, _, sentence) in enumerate(self.narration) if word in sentence)
        return self.mentions(holding, self.speakers if speakers else [])

    def _about(self, number: int) -> list[_Mention]:
        if number not in self.found:
            block, start, sentence = self.narration[number]
            speaks = bool(SPEECH_VERB.search(sentence))
            addresses = tuple(_ADDRESSED.findall(sentence))
            self.found[number] = [
                _Mention(block, start + offset, self._named_alone(person, _At(block, start + offset)) if person.name else person, speaks, addresses)
                for offset, person in self.people_in(sentence)
            ]
        return self.found[number]

    def _named_alone(self, person: Person, near) -> Person:
        """`named`, with the role taken from the sentence or a title only (not from other mentions)."""
        name = self.whole_name(person.name, near, person.role)
        return Person(name, person.role or self.full_names.get(name, ""))

    def _genders(self, text: str) -> dict[str, str]:
        """{full name: 'he' or 'she'} for those the article calls 'Mr X', 'Ms X', 'Sir X', 'Dame X'."""
        found: dict[str, set[str]] = {}
        for title, name in _GENDER_TITLE.findall(text):
            if name.split()[0].lower() not in TITLES:  # 'Lord Mayor Ann Holt'
                found.setdefault(self.whole_name(name), set()).add(_TITLE_GENDER[title.lower()])
        return {name: pronouns.pop() for name, pronouns in found.items() if len(pronouns) == 1}

    def whole_name(self, name: str, near=None, title: str = "") -> str:
        """An acronym -> the name it was given for; a surname or first name alone -> the full
        name; of several with that surname, the one given this title ('Captain MacLeod') or
        else the one written in the two paragraphs before `near` if only one is ('Carl Dempsey
        ... Dempsey shrugged')."""
        name = self._as_written_inside(self.nicknames.get(name, name))
        bearers = {full for full in self.full_names if full.endswith(" " + name)}
        ties = (self.common_nouns, self.relatives) if len(bearers) > 1 else ()  # only several bearers need them
        whole = self.acronyms.get(name) or full_name(name, self.full_names, *ties)
        if whole == name and " " in name and name.split()[0].lower() in LOWER_SURNAME_PARTICLES and len(bearers) == 1:
            return bearers.pop()  # 'Di Bartolo' is a surname, not a double one: 'Giuseppe Di Bartolo'
        if whole == name and " " in name:
            return self._with_given_name(name, bearers)
        if whole == name and " " not in name and title and len(bearers) > 1:
            whole = self._bearer_titled(name, title) or name
        if whole == name and " " not in name and near is not None:
            nearby = self._named_just_before(bearers, near) if len(bearers) > 1 else set()
            return nearby.pop() if len(nearby) == 1 else name
        return whole

    def _as_written_inside(self, name: str) -> str:
        """'Van Dijk' at a sentence's start is 'van Dijk' inside one ('Hans van Dijk')."""
        first, _, rest = name.partition(" ")
        lowered = f"{first.lower()} {rest}"
        if rest and first != first.lower() and first.lower() in LOWER_SURNAME_PARTICLES and any(full.endswith(" " + lowered) for full in self.full_names):
            return lowered
        return name

    def _with_given_name(self, name: str, bearers: set[str]) -> str:
        """'Vargas Amat' -> 'Celso Vargas Amat', a double surname's bearer, if he is the one
        such name written inside a sentence ('The Vargas Amat Foundation' is no one's)."""
        given = {full for full in bearers if self._given_name(full.split()[0], full)}  # 'João Pedro dos Santos Ferreira' too
        return given.pop() if len(given) == 1 else name

    def _given_name(self, word: str, full: str) -> bool:
        """Whether `word` is the given name in `full`: a name word written inside a sentence
        and never without the rest ('Conservative Martin Sayce' beside 'Conservative activists')."""
        if not is_name_token(word) or is_function(word) or word.lower() in _PARTY_WORDS:
            return False
        if not re.search(rf"(?:\b[a-z]+|,) {re.escape(full)}\b", self.whole):
            return False
        return len(re.findall(rf"\b{re.escape(word)}\b", self.whole)) == len(re.findall(rf"\b{re.escape(full)}\b", self.whole))

    @cached_property
    def whole(self) -> str:
        """The article's paragraphs as one text, for the few questions asked of all of it."""
        return "\n".join(self.texts)

    @cached_property
    def interviewee(self) -> Person | None:
        """Whom a Q&A feature interviews: the one person named most often in the headline and
        outside quotes and questions, at least twice and more often than anyone else."""
        kept = [self.title] + [text for text in self.texts if not text.rstrip().endswith("?")]
        narration = " ".join(_without_quotations(text) for text in kept)
        names = {**full_names([self.title], self.proper), **self.full_names}
        counts = {
            name: len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", narration))
            for name in names
            if person_like(Person(name)) and not is_organisation(Person(name)) and not any(other.startswith(name + " ") for other in names)
        }  # 'Foundry Quarter' of 'Foundry Quarter Action Group' is no one
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return Person(ranked[0][0], self.role_of(ranked[0][0], speakers=False))

    @cached_property
    def common_nouns(self) -> frozenset:
        return common_nouns(self.texts)

    @cached_property
    def relatives(self) -> frozenset:
        return relatives(self.full_names, self.texts)

    def people_in(self, sentence: str):
        """(offset, Person) for the sentence's subject (named, or unnamed and speaking) and anyone
        named it cites 'according to'."""
        subject = self.subject(sentence)
        topic = _FOR_NAME.match(sentence)
        person = parse_np(topic.group(1).split(), self.proper, False) if topic else None
        if person is not None and person.name and (subject is None or not subject.name):
            yield 0, person  # 'For Dr Marta Eliasson, an ecologist, the birds matter more': she is who it is about
        opening = _OPENING_CLAUSE.match(sentence.lstrip()) if subject is not None and subject.pronoun else None
        opening = opening or _INTERVIEWER_ASKS.match(sentence.lstrip()) or _IT_IS_WHEN.match(sentence.lstrip())  # 'I asked Banerjee whether he ...'
        named = parse_np(opening.group(1).split(), self.proper, False) if opening else None
        if named is not None and named.name:
            yield 0, named  # 'When Ottilie Brandt arrives, she orders coffee'; 'I asked Banerjee'
        elif subject is not None and subject.pronoun:
            if subject.pronoun in ("he", "she", "it", "they"):
                yield 0, subject  # passes on whom the pronoun means ('they': two people, no one of them)
        elif subject is not None and (subject.name or subject.role):
            possessor = _POSSESSOR.match(subject.role)  # 'Tara Finch's son Oscar': Tara Finch is named too
            if possessor:
                yield 0, self._owner(possessor.group(1))
            yield 0, subject
        else:
            yield from self._only_person_in(sentence)
        for found in _ACCORDING_TO.finditer(sentence):
            person = parse_np(found.group(1).split(), self.proper, False)
            if person is not None and not person.name:  # 'according to his mother, Yvette Dorsey, who'
                person = appositive_name(sentence[found.end() :], self.proper, person)
            if person is not None and person.name:
                yield found.start(), person
        clause = _WHEN_NAMED.search(sentence) if subject is None or not subject.name else None
        named = parse_np(clause.group(1).split(), self.proper, False) if clause else None
        if named is not None and named.name:  # 'We heard it on Monday, when the minister, Hugo Blake, announced ...'
            yield clause.start(1), named

    def _only_person_in(self, sentence: str):
        """A sentence without a subject to read is about the person it opens with in the
        possessive ('Beverly Dunn's car was crushed') or names before or after 'was', if it
        names one so."""
        owner = _POSSESSOR.match(sentence.lstrip())
        if owner:
            yield len(sentence) - len(sentence.lstrip()), self._owner(owner.group(1))
            return
        plain = " ".join(sentence.split())  # a nickname is blanked: 'Tommy        Brannigan'
        named = {}
        for name in (n for n in self.full_names if n.split()[-1] in sentence):
            written = name if name in plain else name.split()[-1]  # 'the 400th of Lindqvist's career'
            found = re.search(rf"\b{re.escape(written)}\b", plain)
            if not found or not person_like(Person(name)) or written != name and self.whole_name(written) != name:
                continue
            at = found.start()
            clause = _CLAUSE_BEFORE.search(plain, 0, at) and _VERB_AFTER.match(plain, found.end())  # 'which Mbatha-Greaves pushed'
            if _WAS_BEFORE.search(plain, 0, at) or _OPENING_FOR.fullmatch(plain, 0, at) or _AUXILIARY_AFTER.match(plain, found.end()) or clause:
                named[name] = at
        if len(named) == 1:
            name, offset = named.popitem()
            yield offset, Person(name)

    def _owner(self, words: str) -> Person:
        """"Gov. Wade Crandall's office" -> Wade Crandall (the title is a role, not his name)."""
        person = parse_np(words.split(), self.proper, False)
        return Person(person.name, person.role) if person is not None and person.name else Person(words)

    def subject(self, sentence: str) -> Person | None:
        """The subject of a sentence, also after an opening phrase ('Speaking to CNN, X said')."""
        sentence = _without_conjunction(sentence)
        comma = _COMMA.search(sentence, 0, 120)
        dash = sentence.rfind(" - ")  # 'Asked about the save - the one that made his name - he shrugs.'
        opening = _OPENING_PHRASE.match(sentence)
        enclosed = _ENCLOSED_RELATIVE.match(sentence, comma.start()) if comma else None  # 'At the showground, which is now a shelter, X said'
        leading = _LEADING_TIME.match(sentence)  # 'Last night the furious Kiwi told the Beacon'
        starts = [leading.end() if leading else 0] + [found.end() for found in (comma, enclosed) if found]
        starts += ([dash + 3] if dash > 0 else []) + ([opening.end()] if opening else [])
        unnamed = None  # 'The witness paused.': someone, if no name follows ('Her neighbour, Tomás Breen (35), said')
        for start in starts:
            tokens, rest = forward_np(sentence[start:])
            person = parse_np(tokens, self.proper, start == 0)
            if start and person is not None and person.name in _US_STATES:
                continue  # 'Hospitals in Harrison and Springfield, Missouri, treated 60 people': a place
            if start and person is not None and _in_place(sentence, start, person):
                starts.append(start + len(person.name) + 1)  # 'At the City Hospital, Abuja, a doctor said': read on after the town
                continue
            if person and not person.name and not person.pronoun:
                speaks = _THEN_SPEAKS.match(rest)
                if person.role.split()[-1].lower() in _WORKS:
                    return None  # 'Her new book, Thin Blue Line, is ...': about no one
                kept = speaks or _KIN_SUBJECT.match(person.role) or _titled(person.role)
                unnamed = unnamed or (person if person.role.split()[-1] in PERSON_NOUNS or _ANONYMOUS.match(rest) else None)
                person = appositive_name(rest, self.proper, person) or self._signer(person, rest) or (person if kept else None)
            if person and person.name and _AND_ANOTHER.match(rest):
                return Person(pronoun="they")  # 'Ryan Vance and Sam Kerr met': 'he' may then be either
            if person:
                return person
        return unnamed

    def _signer(self, document: Person, rest: str) -> Person | None:
        """'The letter, signed by union president Cody Barrientos, warned ...' and 'A report by
        the firm Aldridge & Wen flagged ...': who signed or wrote it."""
        noun = document.role.split()[-1:]
        signed = _SIGNED_BY.search(document.role + rest[: rest.find(",", 1) + 1]) if noun else None
        signer = parse_np(signed.group(1).split(), self.proper, False) if signed else None
        written = any(word in _DOCUMENTS | _MESSAGES for word in document.role.lower().split())  # 'a fiscal note prepared'
        authored = _AUTHORED_BY.match(rest) if written else None
        if authored and (signer is None or not signer.name):
            signer = parse_np(forward_np(rest[authored.end() :])[0], self.proper, False)
        return signer if signer is not None and signer.name else None

    def named(self, person: Person, near=None) -> Person:
        """A surname alone -> the article's full name for it, an acronym -> the name it was
        given for; the role the article gives them."""
        name = self.whole_name(person.name, near, person.role)
        return Person(name, person.role or self.role_of(name))

    def _bearer_titled(self, surname: str, title: str) -> str | None:
        """Of several bearers of a surname, the one the article gave this title: 'Captain
        MacLeod' is Captain Euan MacLeod, not the first officer Callum MacLeod."""
        word = title.split()[-1].rstrip(".").lower()
        titled = [full for full, given in self.full_names.items()
                  if full.endswith(" " + surname) and given and given.split()[-1].rstrip(".").lower() == word]
        return titled[0] if len(titled) == 1 else None

    def described(self, person: Person, near=None) -> Person:
        """'the company' -> the one name the article gives that role ('The water company, Calder
        Water') or that ends with that word ('the park' -> Oxley Wildlife Park); of several,
        the only one written in the two paragraphs before `near`; else no name."""
        acronym = person.role.split()[-1:]
        if acronym and acronym[0] in self.acronyms:  # 'the ICIU said'
            return Person(self.acronyms[acronym[0]])
        owned = _OWNED_DOCUMENT.fullmatch(person.role)
        owner = parse_np(owned.group(1).split(), self.proper, False) if owned else None
        if owner is not None and (owner.name or owner.role):  # 'the Kelby Water Board's statement said'
            return self.named(owner, near) if owner.name else self.described(owner, near)
        epithet = _EPITHET.fullmatch(person.role.lower())
        if epithet:
            return self._epithet_of(person, epithet.group(1), near) if near is not None else person
        found = re.fullmatch(r"the (?:(\w+) )?(\w+)", person.role.lower())
        if found and found.group(2) in _DOCUMENTS | _MESSAGES:
            return self._author_of(person, found.group(2), near) if near is not None else person
        if not found:
            return self._epithet_of(person, None, near) if self._is_epithet(person, near) else person
        modifier, noun = found.groups()
        described = self.mentions(n for n, (_, _, sentence) in enumerate(self.narration) if noun in sentence.lower())
        candidates = {m.person.name for m in described if m.person.name} | {name for name, title in self.full_names.items() if title}
        roles = {name: self.role_of(name, speakers=False) for name in candidates}
        names = {name for name, role in roles.items() if noun in _role_nouns(role) and _has(modifier, role)}
        names |= {without_determiner(name) for name in self.full_names.keys() | candidates if noun in _heads_of_name(name) and _has(modifier, name)}
        names = {name for name in names if not any(other.endswith(" " + name) for other in names)}  # 'Sheriff's Office'
        if len(names) > 1 and near is not None:
            names = self._named_just_before(names, near) or names
        if not names and near is not None and noun in _GENERIC_ORGANISATIONS:
            names = self._organisation_just_before(near)
        if not names and self._is_epithet(person, near):
            return self._epithet_of(person, None, near)  # 'the defender', 'the Claremount native'
        if len(names) != 1:
            return person
        name = names.pop()
        return Person(name, self.role_of(name, speakers=False))

    def _epithet_of(self, person: Person, age: str | None, near) -> Person:
        """'the 38-year-old' -> the person given that age ('Jodie Marsh, 38,') if one is, else
        the person last named in the two paragraphs before `near`, as 'she' would be."""
        earlier = [m.person.name for m in self.mentions_before(near.block, near.start) if m.person.name and person_like(m.person) and not is_organisation(m.person)]
        if age:
            aged = [name for name in self.full_names if re.search(rf"\b{re.escape(name.split()[-1])},\s+(?:aged\s+)?{age}\b", self.whole)]
            earlier = aged if len(aged) == 1 else [name for name in earlier if name in aged] or earlier  # the one given that age, however far back
        if not earlier:
            return person
        return Person(earlier[-1], self.role_of(earlier[-1], speakers=False))

    def _is_epithet(self, person: Person, near) -> bool:
        return near is not None and _may_be_epithet(person.role) and not self._introduced_unnamed(person.role.split()[-1], near)

    def _introduced_unnamed(self, noun: str, near) -> bool:
        """'a diplomat said ...', then 'the diplomat': someone unnamed, written before `near`."""
        before = "\n".join(self.texts[: near.block] + [self.texts[near.block][: near.start]])
        return bool(re.search(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b", before))

    def _author_of(self, person: Person, document: str, near) -> Person:
        """'the statement said' -> who, in the two paragraphs before `near`, spoke 'in a
        statement' ('In a statement, the trust said ...'); else no name."""
        earlier = [(n, text.lower()) for n, (block, start, text) in enumerate(self.narration)
                   if self.reach[near.block] <= block <= near.block and (block, start) < (near.block, near.start)]
        generic = [n for n, text in earlier if _ANY_DOCUMENT.search(text)] if document == "document" else []
        for named in ([n for n, text in earlier if document in text], generic):
            authors = [m.person for m in self.mentions(named, []) if m.person.name]
            if authors:  # 'the same document' may be the 'fiscal note' named before
                return authors[-1]
        return person

    def _organisation_just_before(self, near) -> set[str]:
        """'the firm', 'the group': the organisation last named in the two paragraphs before
        `near` (one named as an organisation, or followed by ', which')."""
        first = self.reach[near.block]
        before = "\n".join(self.texts[first : near.block] + [self.texts[near.block][: near.start]])
        mentions = [m for m in self.mentions_before(near.block, near.start) if m.person.name]
        mentioned = [m.person for m in mentions]
        organisations = {p.name for p in mentioned if is_organisation(p) or self._brand_like(p) or is_organisation(Person("", self.described_as(p.name)))}
        organisations |= {name for name in {p.name for p in mentioned} | set(self.full_names)
                          if is_organisation(Person(name)) or f"{name}, which" in before or re.search(_RUN_BY + re.escape(name), before)}
        # where each was last named: written out, or as a mention ('Coastal Meridian' for Coastal Meridian Health)
        offsets = {name: before.rfind(name) for name in organisations if name in before}
        for mention in mentions:
            if mention.person.name in organisations:
                at = sum(len(text) + 1 for text in self.texts[first : mention.block]) + mention.start
                offsets[mention.person.name] = max(offsets.get(mention.person.name, -1), at)
        return {max(offsets, key=lambda name: (offsets[name], name))} if offsets else set()

    def _brand_like(self, person: Person) -> bool:
        """'Nimbusline': one word, no title, and no part of a person's full name."""
        name = person.name
        return " " not in name and not person.role and not any(name in full.split() for full in self.full_names)

    def _named_just_before(self, names: set[str], near) -> set[str]:
        """Those of `names` written in the two paragraphs before `near` (and its own, before it)."""
        before = self.texts[self.reach[near.block] : near.block] + [self.texts[near.block][: near.start]]
        return {name for name in names if any(name in text for text in before)}

    def described_as(self, name: str) -> str:
        """'a trading platform' where the article writes 'Deltaswap, a trading platform that ...'."""
        found = re.search(rf"\b{re.escape(name)}, (an? (?:[\w.-]+ ){{0,4}}?[\w-]+)(?=[,;]|\.(?:\s|$)| that | which | based )", self.whole)
        return found.group(1) if found else ""

    def role_of(self, name: str, speakers: bool = True) -> str:
        """The role given where the person is first the subject of a sentence (or, with
        `speakers`, named as a quote's speaker), else a title."""
        mentioned = (m.person.role for m in self.naming(name, speakers) if m.person.name == name and m.person.role)
        return next(mentioned, "") or self.full_names.get(name, "")


def _heads_of_name(name: str) -> set[str]:
    """What 'the X' may call a body: 'park' for 'Oxley Wildlife Park', 'panel' for
    'Independent Panel on Climate Intervention', 'hospice' for 'Friends of Hollin House Hospice'."""
    words = name.lower().split()
    joint = next((n for n, word in enumerate(words) if word in ("of", "on", "for") and n > 0), len(words))
    return {words[-1], words[joint - 1]}


def _initials_of_organisations(names) -> dict[str, str]:
    """{'NHA': 'Northern Hockey Association'}: news calls a body by its initials without
    always giving them first; initials two bodies share mean neither."""
    found: dict[str, set[str]] = {}
    for name in names:
        capitals = [word[0] for word in name.split() if word[:1].isupper()]
        if len(capitals) >= 2 and is_organisation(Person(name)):
            found.setdefault("".join(capitals), set()).add(name)
    return {initials: bodies.pop() for initials, bodies in found.items() if len(bodies) == 1}


def _in_place(sentence: str, start: int, person: Person) -> bool:
    """'Abuja' in 'At the National Hospital, Abuja, a doctor said': the town of the place named before."""
    one_word = bool(person.name) and " " not in person.name and sentence.startswith(person.name + ",", start)
    return one_word and bool(_PLACE_OPENING.fullmatch(sentence, 0, start))


def _mask_furniture(text: str) -> str:
    """'HARLOW CREEK, Kansas (WN) - A depot supervisor told' -> the same with the place blanked
    (where the story was filed is never who spoke), and a live blog's '15:31 GST - ', and
    labels such as '[Photo]' and '[Laughs]' anywhere."""
    found = _DATELINE.match(text) if text[:2].isupper() else _TIMESTAMP.match(text) if text[:1].isdigit() else None
    text = " " * found.end() + text[found.end():] if found else text
    return _STAGE_DIRECTION.sub(lambda label: " " * len(label.group()), text) if "[" in text else text


def _mask_asides(text: str) -> str:
    """'Rep. Ann Holt (D-Ore.), the sponsor, said' -> 'Rep. Ann Holt         , the sponsor, said'
    (same length, so offsets hold), and so for the bracketed asides after a full name."""
    if "-" not in text and "(" not in text:
        return text
    text = _PARTY_TAG.sub(_blank, text)
    return _NAME_ASIDE.sub(_blank_after_full_name, text) if "(" in text else text


def _blank(found: re.Match) -> str:
    return " " * len(found.group())


def _blank_after_full_name(found: re.Match) -> str:
    """Blank a ward or party only after a full name: 'Ingrid (Hana Viklund)' gives a first
    name's full name, and '(CHWU)' a body's initials."""
    aside = found.group()
    if found.group(1):
        return " " * len(aside)
    before = found.string[: found.start()].split()[-2:]
    full = len(before) == 2 and all(is_name_token(word) and word.rstrip(".").lower() not in TITLES for word in before)
    return " " * len(aside) if full and not BRACKETED_INITIALS.fullmatch(aside.strip()) else aside


def _has(modifier: str | None, words: str) -> bool:
    """'the prime minister' is not the housing minister: a description's modifier must be there too."""
    return modifier is None or modifier in words.lower().split()


def _role_nouns(role: str) -> set[str]:
    """What 'the X' can call someone with this role: its head noun, and the words its
    abbreviated titles stand for ('Det. Sgt.' is 'the detective', 'the sergeant')."""
    spelled = {_TITLE_ABBREVIATIONS[word] for word in re.findall(r"[a-z]+", role.lower()) if word in _TITLE_ABBREVIATIONS}
    return spelled | {_head_noun(role)}


_TITLE_ABBREVIATIONS = {
    "det": "detective", "sgt": "sergeant", "insp": "inspector", "supt": "superintendent", "gov": "governor", "sen": "senator",
    "rep": "representative", "prof": "professor", "dr": "doctor", "lt": "lieutenant", "gen": "general", "capt": "captain",
    "cllr": "councillor", "col": "colonel", "maj": "major", "cpl": "corporal", "adm": "admiral", "cmdr": "commander",
    "pres": "president", "rev": "reverend",
}


def _head_noun(role: str) -> str:
    """'Minister for Education' -> 'minister'; 'water company' -> 'company'."""
    words = re.split(r"\s+(?:for|of)\s+", role.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


def _titled(role: str) -> bool:
    """'the Appropriations chairman was unmoved': someone 'he' may mean next, named or not."""
    words = role.split()
    return len(words) >= 2 and words[0] == "the" and words[-1].lower() in TITLES and words[-1].islower()


def _without_conjunction(sentence: str) -> str:
    """'But one mother, who ..., said' -> 'one mother, who ..., said' (same length)."""
    found = _CONJUNCTION.match(sentence)
    return " " * found.end() + sentence[found.end() :] if found else sentence


def _may_be_epithet(role: str) -> bool:
    """'the defender', 'the former Scotland international', 'the retired dinner lady': a
    description no one named was given, which British and sports copy writes for the person just
    named. Not an organisation, a document, or someone who is usually another person in a
    story ('the detective', 'a spokeswoman')."""
    words = role.split()
    words = words[: next((n for n, word in enumerate(words) if n > 1 and word in _ASIDES), len(words))]  # 'the officer at the scene'
    if not 2 <= len(words) <= 5 or words[0] != "the" or not words[-1].isalpha() or not (words[-1].islower() or words[-1].lower() in DEMONYMS):
        return False
    if any(word.endswith(("'s", "s'")) for word in words):
        return False  # 'the Alder Herald's reviewer' is someone of theirs
    noun = words[-1]
    if noun.endswith("s") and not noun.endswith("ss") or noun in _TIMES or words[1][:1].isupper() and len(words) == 3 and noun in _PLACES:
        return False  # 'the judges', 'the weekend', 'the Ashfield estate'
    return not (noun in _OTHER_PARTICIPANTS or noun in _DOCUMENTS or noun in _GENERIC_ORGANISATIONS or is_organisation(Person("", role)))


def _reach(texts: list[str], narration: list[str]) -> list[int]:
    """For each paragraph, the first of the ANTECEDENT_BLOCKS paragraphs before it in which a
    'he' or 'the 38-year-old' may find whom it means. Paragraphs that are all quotation do not
    count: after a quote over four paragraphs, 'he' still means whoever was named before it."""
    reach, narrated = [], []
    for number, (text, told) in enumerate(zip(texts, narration)):
        reach.append(narrated[-ANTECEDENT_BLOCKS] if len(narrated) >= ANTECEDENT_BLOCKS else 0)
        if _WORD.search(told) or '"' not in text:
            narrated.append(number)
    return reach


def _without_quotations(text: str) -> str:
    """The text with what is inside quote marks blanked (same length): who a sentence is
    about is found in the narration, not in what someone said."""
    if '"' not in text:
        return text
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)] + [len(text)]
    blanked = list(text)
    for opening, closing in zip(marks[::2], marks[1::2]):
        kept = closing < len(text) and text[closing - 1] in ".?!"  # '"... in 2011." Hanrahan snorts': a sentence ends there
        blanked[opening + 1 : closing - kept] = " " * (closing - opening - 1 - kept)
    return "".join(blanked)


def attribute(norms: list[str], quotations, title: str = "") -> list[Person]:
    """The speaker of each quotation (objects with `pieces` and `gaps`), in the same order."""
    if not quotations:
        return []
    article = _Article(norms, title)
    people = []
    for quotation in quotations:
        first = quotation.pieces[0]
        said = _signed(article, quotation) or _answer(article, first) or _continued(article, first) or UNKNOWN
        person = _resolve(article, said, first, _named_inside(article, quotation))
        people.append(person)
        if person.name:
            article.speakers.append(_Mention(first.block, first.start, person))
        if person.name and said.pronoun in ("he", "she"):
            article.genders.setdefault(person.name, said.pronoun)  # '"...?" he asked.' Then 'she replied' is someone else
    return people


def _signed(article: _Article, quotation) -> Person | None:
    """The speaker of a quote that opens its paragraph and is signed after it, on the same line
    ('"..." — Priya, Eastholme') or in the next paragraph ('— Denise Wrathall, caterer'); else
    whoever the text around it names."""
    first, last = quotation.pieces[0], quotation.pieces[-1]
    if article.texts[first.block][: first.start - 1].strip():
        return _explicit(article, quotation)
    after = article.texts[last.block][last.end + 1 :]
    if after.strip():
        return _signature(article, after) or _explicit(article, quotation)
    following = article.texts[last.block + 1] if last.block + 1 < len(article.texts) else ""
    return _explicit(article, quotation) or _signature(article, following)


def _signature(article: _Article, text: str) -> Person | None:
    signed = _SIGNED.match(text)
    person = parse_np(signed.group(1).split(), article.proper, False) if signed else None
    return Person(person.name, signed.group(2) or person.role) if person and person.name else None


def is_attribution(gap: str) -> bool:
    """Whether the text between two parts of a quote is only its attribution ('," she said. "')."""
    gap = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), gap)  # 'who rates the stock "hold."'
    clause = _clause(gap)
    rest = re.sub(r"^\s*,?\s*", "", gap)[len(clause) :]
    # ', who asked not to be named.', ', asking not to be named.', 'a carrier who lives nearby' describe the speaker
    main, *relative = _RELATIVE_CLAUSE.split(clause, 1) if _RELATIVE_CLAUSE.search(clause) else _WHO.split(clause, 1)
    if relative and ", " in relative[0]:  # not '$40,000'
        main = clause
    main = _WHEN_ASKED.sub("", _ENCLOSED_RELATIVE.sub(",", main))  # '," she told me when I asked what she made of it. "'
    verbs = list(SPEECH_VERB.finditer(main))
    if len(verbs) > 1:  # 'she said in a video posted by the police': 'posted by' is not a second speaker's verb
        verbs = [verb for verb in verbs if not _BY_AGENT.match(main, verb.end())]
    if rest.strip(" .,;:") or len(main.split()) > MAIN_WORDS or len(gap.split()) > GAP_WORDS or len(verbs) != 1:
        return False
    if _REPORTED.search(main[verbs[0].end() :].split(",")[0]):
        return False  # 'a spokeswoman said the timetable was cut.': what was said, a statement of its own
    return _after(gap, frozenset()) is not None


def _explicit(article: _Article, quotation) -> Person | None:
    for gap in quotation.gaps:
        found = _after(gap, article.proper)
        if found:
            return found
    last = quotation.pieces[-1]
    text = article.texts[last.block]
    ends_sentence = text[last.start : last.end].rstrip().endswith(".")
    found = _after(text[last.end + 1 :], article.proper, pronoun_only=ends_sentence)
    return found or _before(article, quotation.pieces[0])


def _after(text: str, proper, pronoun_only: bool = False) -> Person | None:
    """'," X said', '," said X', '," according to X', '? X asked'.

    After a quote that ends its sentence with a full stop, only 'he said' or 'she said' can
    still be its attribution; 'X said ...' starts a new statement."""
    clause = _ENCLOSED_RELATIVE.sub(",", _clause(text))
    if _NEW_CLAUSE.match(clause):
        return None  # '"...," though she cautioned that ...': the sentence goes on; its speaker comes before
    if pronoun_only:
        found = _PRONOUN_SPEAKS.match(clause)
        return Person(pronoun=found.group(1)) if found else None
    found = re.search(r"(?:^|,\s*)according to\s+(.+)$", clause)  # '... as of 4 p.m., according to X'
    relayed = _PRONOUN_SPEAKS.match(clause)
    if found and relayed:  # '," she said, according to her daughter': she said it, her daughter passed it on
        return Person(pronoun=relayed.group(1))
    said = SPEECH_VERB.search(clause, 0, found.start()) if found else None
    sayer = _np_before(clause[: said.start()], proper, whole=True) if said else None
    if sayer is not None and (sayer.name or sayer.pronoun):
        return sayer  # '," Dorant said, according to a translation by his office'
    if found:  # '," according to the bank's finance chief, Samuel Ortega-Lind'
        tokens, rest = forward_np(found.group(1))
        person = parse_np(tokens, proper, False)
        return appositive_name(rest, proper, person) or person if person and not person.name else person
    verb = SPEECH_VERB.match(clause)
    if verb:
        tokens, rest = forward_np(clause[verb.end() :])
        person = parse_np(tokens, proper, False)
        if person and not person.name and rest.startswith(","):
            return appositive_name(rest, proper, person) or person  # 'said its spokesman, Dev Raman'
        return person
    verb = SPEECH_VERB.search(clause)
    return _np_before(clause[: verb.start()], proper, whole=True) if verb else None


def _clause(text: str) -> str:
    """The attribution after a quote: up to the end of its sentence, without leading comma."""
    text = re.sub(r"^\s*,?\s*", "", text)
    for end in re.finditer(r"\S*[.;!?](?=\s|$)|\"", text):
        if not is_abbreviation(end.group()):
            return text[: end.end() - 1]
    return text


def _before(article: _Article, first) -> Person | None:
    """'X said:', 'X said,', 'according to X,', 'X called it "..."' or '..., saying "..."' in
    the same sentence."""
    before = _sentence_before(article.texts[first.block], first.start - 1).rstrip()
    if not before:
        return None
    before = _QUOTED.sub(_blank_keeping_comma, before)  # 'who rates the stock "hold," called it'
    put = _PUT_IT.search(before)
    if put:  # 'because, as she put it, "..."'; 'As Lund puts it in his memoir, "..."'
        return parse_np(put.group(1).split(), article.proper, False)
    own = _OWN_ACCOUNT.search(before)
    if own:  # 'She was, by her own account, "..."'
        return Person(pronoun={"his": "he", "her": "she", "their": "they"}[own.group(1).lower()])
    owner = _OWNED_WORDS.search(before)
    if owner:
        pronoun = {"his": "he", "her": "she", "their": "they"}.get((owner.group(2) or "").lower(), "")
        return Person(pronoun=pronoun) if pronoun else parse_np(owner.group(1).split(), article.proper, False)
    agent = _DESCRIBED_BY.search(before)
    if agent:  # 'was once described by food critic Gideon Farrow as "..."'
        return parse_np(agent.group(1).split(), article.proper, False) or UNKNOWN
    relayed = _QUOTED_AS_SAYING.search(before)
    if relayed:  # 'state news agency DNA quoted President X as saying the country "..."': X's words
        return parse_np(relayed.group(1).split(), article.proper, False) or UNKNOWN
    described = _THAT_DESCRIBED_AS.match(before) if before.endswith(" as") else None
    describer = parse_np(described.group(1).split(), article.proper, False) if described else None
    if describer is not None:  # 'the PMA said documents showed that staff had described savers as "..."': the staff's words
        return describer
    last_verb = list(SPEECH_VERB.finditer(before))[-1:]
    if last_verb and _PASSIVE.search(before, 0, last_verb[0].start()) and _BY_AGENT.match(before, last_verb[0].end()):
        return UNKNOWN  # 'According to X, families had been told by officials to "..."': the officials' words
    verbs = [v for v in SPEECH_VERB.finditer(before) if not _PASSIVE.search(before, 0, v.start()) and not (v.group() in _PARTICIPLE and _IS_NOUN.search(before, 0, v.start()))]
    verbs = [v for v in verbs if not _NAMED_BY.match(before, v.end())]  # 'the ferry, dubbed "Project Selkie" by officials,'
    first_source = _SOURCE_FIRST.match(before)
    if first_source and any(v.start() > first_source.end() and v.group() in _REPORTING for v in verbs):
        first_source = None  # 'According to the report, the captain told investigators that she "..."': the captain's words
    found = _SOURCE_LAST.search(before) or first_source
    if found:
        return parse_np(found.group(1).split(), article.proper, False)
    verbs = [v for v in verbs if not _read_out_by(before, v)]
    if len(verbs) > 1 and _ASKED_FOR.match(before, verbs[-1].start()):
        verbs.pop()  # 'Pike said Reinholt had asked for "..."': a request Pike reports in his words
    if verbs and verbs[-1].group() in _PARTICIPLE:
        return _participle_speaker(article, before[: verbs[-1].start()].rstrip())
    if verbs:
        head = before[: verbs[-1].start()].rstrip()
        # 'X, who called it "..."'; '... from the Friends of Kelby Library, which said': the name itself
        relative = _RELATIVE_END.search(head)
        head = head[: relative.start()] if relative else head
        clause = _RELATIVE_CLAUSE_END.search(head) or _RELATIVE_WITH_APPOSITIVE.search(head)
        head = head[: clause.start()] + "," if clause else head  # its antecedent may be an appositive: 'X, a Republican who
        found = _np_before(head, article.proper, whole=False, affiliation=not relative or relative.group(1) != "which")
        found = found or _reported_speaker(head, article.proper)
        if found:
            return found
    if verbs or before.endswith(":") or _JUDGED_AS.search(before):
        return article.subject(before)  # 'X welcomed the plan as "..."', 'X dismissed the claims as "..."'
    subject = article.subject(before)
    return subject if subject is not None and subject.name else None  # 'The council ruled that the hedge had "..."'


def _read_out_by(before: str, verb: re.Match) -> bool:
    """'in a statement read by the family's solicitor': the reader is not the one who speaks."""
    return _BY_AGENT.match(before, verb.end()) is not None and bool(_DOCUMENT_BEFORE.search(before, 0, verb.start() - 1))


def _blank_keeping_comma(quoted: re.Match) -> str:
    """'"the Continuity Act,"' -> spaces and its comma: a quoted title may end a clause."""
    text = quoted.group()
    return " " * (len(text) - 1) + ("," if text[:-1].rstrip().endswith(",") else " ")


def _participle_speaker(article: _Article, head: str) -> Person | None:
    """Who speaks in '..., saying "..."': the sentence's subject, or the name the clause before
    is about ('weeks after Cllr Stoddart stood up in the chamber, telling colleagues: "..."');
    'with Hollins vowing to "..."'; 'He sent a statement saying he would "..."'."""
    found = _WITH_SUBJECT.search(head)
    if found:
        return parse_np(found.group(1).split(), article.proper, False)
    if _DOCUMENT_BEFORE.search(head):
        return article.subject(head)
    if not head.rstrip('"').endswith(","):  # '..., the "Continuity Act," saying'
        return None
    person = article.subject(head)
    if person is not None and (person.name or person.pronoun):
        return person
    clause = _CLAUSE_SUBJECT.search(head)
    return parse_np(clause.group(1).split(), article.proper, False) if clause else person


def _reported_speaker(head: str, proper) -> Person | None:
    """'She said Mr Blaikie had described them as "..."': the named subject of a reported verb."""
    tokens = head.split()
    if not tokens or tokens[-1].lower() not in _AUXILIARY:
        return None
    person = _np_before(" ".join(tokens[:-1]), proper, whole=False)
    return person if person and person.name else None


def _sentence_before(text: str, mark: int) -> str:
    """The part of the sentence holding `mark` that comes before it."""
    head = text[:mark]
    spans = sentence_spans(head) if head.strip() else []
    if not spans:
        return ""
    start, end = spans[-1]
    if re.search(r"[.!?]['\"]*$", head.rstrip()) and end >= len(head.rstrip()):
        return ""  # the quote opens a new sentence
    return head[start:]


def _np_before(head: str, proper, whole: bool, affiliation: bool = True) -> Person | None:
    """The noun phrase that ends right before a speech verb, skipping appositives.

    'Pensioner Moira Gallacher, 78, who missed ...,' -> Moira Gallacher. With `whole`, the
    phrase must be all of `head` (an attribution after a quote: '," X, 61, said')."""
    called = _CALLS_ITSELF.search(head)
    if called:  # 'The armed group, which calls itself the Harun Free Brigade,'
        return Person(called.group(1))
    signed = _SIGNED_BY.search(head)
    signer = parse_np(signed.group(1).split(), proper, False) if signed else None
    if signer is not None and signer.name:
        return signer
    tokens = _TRAILING_TIME.sub("", _DASH_ASIDE.sub("", head)).split()
    while tokens and tokens[-1] in ADVERBS:  # not "Fair Exams Now"
        tokens.pop()
    segments = [s.split() for s in " ".join(tokens).split(",")]
    if len(segments) > 1 and not segments[-1]:
        segments.pop()
        segments = _relative_clause_removed(segments)
        while len(segments) > 1 and (_is_appositive(segments[-1], proper) or _describes_name(segments) or _is_address(segments, proper)
                                     or _role_after_name(segments, proper) or _names_a_place(segments)):
            segments.pop()
    tokens = segments[-1]
    phrase = phrase_ending(tokens)
    if _an_address(tokens, phrase):  # 'Several of her neighbours on Riverside Road said': not the road
        return Person("", " ".join([tokens[0].lower(), *tokens[1:]])) if tokens[0].lower() in _ONE_PERSON | {"the"} else UNKNOWN
    affiliated = _affiliated(tokens[: len(tokens) - len(phrase)], phrase, proper) if affiliation else None
    if whole and affiliated and not affiliated.name and len(affiliated.role.split()) == len(tokens) and len(segments) == 1:
        return affiliated  # '," a spokesman for the operator said'
    if whole and (len(phrase) != len(tokens) or len(segments) > 1 and not head.rstrip().endswith(",")):
        return None
    at_start = len(segments) == 1 and len(phrase) == len(tokens)
    return affiliated or parse_np(phrase, proper, at_start)


def _an_address(tokens: list[str], phrase: list[str]) -> bool:
    """Whether `phrase` is where the speakers are, not who: a street, or any place after 'a
    driver on', 'one nurse at' ('One driver on the picket line said')."""
    before = tokens[: len(tokens) - len(phrase)]
    if not (phrase and before and before[-1].lower() in _AT_PLACE):
        return False
    return phrase[-1].lower() in _STREETS or before[0].lower() in _ONE_PERSON and all(word.islower() for word in phrase)


def _relative_clause_removed(segments: list[list[str]]) -> list[list[str]]:
    """', whose mother Elsie, 87, waited nine hours,': a relative clause with commas inside,
    the parts after its first all in lower case or figures, is not the subject."""
    for start in range(len(segments) - 1, 0, -1):
        if segments[start][:1] and segments[start][0].lower() in ("who", "whose", "which"):
            rest = segments[start + 1 :]
            if rest and all(part[:1] and (part[0][:1].islower() or part[0][:1].isdigit()) for part in rest):
                return segments[:start]
            break
    return segments


def _names_a_place(segments: list[list[str]]) -> bool:
    """', in the capital, Kolm,': the name after 'the capital' is where, not who."""
    return len(segments[-2]) > 1 and segments[-2][-1].lower() in _PLACE_NOUNS and segments[-2][-2].lower() == "the"


def _role_after_name(segments: list[list[str]], proper) -> bool:
    """"X, Lavinia's foreign trade minister,": a role given after a name."""
    role, named = parse_np(segments[-1], proper, False), parse_np(segments[-2], proper, False)
    return bool(role and not role.name and role.role and named and named.name)


def _describes_name(segments: list[list[str]]) -> bool:
    """', vice-chair of the College,' ', known around town as ...,' after a name."""
    first, before = segments[-1][:1], segments[-2][-1:]
    return (bool(first and before) and first[0].islower() and not is_function(first[0]) and before[0][:1].isupper()
            and before[0].lower() not in _CALENDAR)


def _is_address(segments: list[list[str]], proper) -> bool:
    """'Pentreath' in ', from Lanlivery Road, Pentreath,': a place name after an address."""
    before = segments[-2][:1]
    if len(segments) < 3 or not before or before[0].lower() not in ("from", "of", "in"):
        return False
    person = parse_np(segments[-1], proper, False)
    return bool(person and person.name and not person.role and len(segments[-1]) <= 2)


def _affiliated(before: list[str], phrase: list[str], proper) -> Person | None:
    """'a spokesman for the Department for Rivers': the speaker is the spokesman, unnamed."""
    if not before or before[-1] not in _AFFILIATION or " ".join(before[-2:]).lower() == "according to":
        return None
    head = phrase_ending(before[:-1])
    if not head or head[0].lower() in PRONOUNS:
        return None  # 'He used to say': not an affiliation
    if head[0] not in ("a", "an", "A", "An") and len(head) < len(before) - 1:
        return _affiliated(before[: len(before) - 1 - len(head)], head + before[-1:] + phrase, proper)
    person = parse_np(head, proper, len(head) == len(before) - 1)
    if person is None or person.pronoun or person.name:
        return person
    if before[-1].lower() == "from" and person.role.split()[-1:] and person.role.split()[-1].lower() in _DOCUMENTS | _MESSAGES:
        return parse_np(phrase, proper, False)  # 'A statement from the Millers' Guild said': the guild's words
    return Person("", " ".join([person.role] + before[-1:] + phrase))


def _is_appositive(tokens: list[str], proper) -> bool:
    """', 61,' ', who led the inspection,' ', a former engineer,' (but not ', Simon Achebe,')."""
    first = tokens[0].lower() if tokens else ""
    if first[:1].isdigit() or first in _RELATIVE or len(tokens) == 1 and _PARTY_STATE.fullmatch(tokens[0]):
        return True
    if len(tokens) > 1 and tokens[0].islower() and tokens[1] == "by":
        return True  # ', seen by the Echo,'
    if len(tokens) > 1 and first in _ASIDES:
        return True  # ', in a letter to council dated Oct. 30,' ', at a news conference,'

    person = parse_np(tokens, proper, False)
    return first in ("a", "an", "the") and not (person and person.name)


def _continued(article: _Article, first) -> Person | None:
    """A paragraph that is only a quote continues the previous paragraph's speaker; a quote
    that is a sentence of its own after narration in its paragraph belongs to whom that
    narration is about ('Prof. Helena Marsh is careful when I ask her. "Our data show ..."')."""
    head = article.texts[first.block][: first.start - 1]
    if head.strip():
        if not re.search(r"[.!?]\s+$", head):
            return None
        earlier = [m for m in article.in_blocks(first.block, first.block) if m.start < first.start and _may_be_he_or_she(m.person)]
        return earlier[-1].person if earlier else None
    if first.block == 0:
        return None
    earlier = [m for m in article.in_blocks(first.block - 1, first.block - 1) if _may_be_he_or_she(m.person)]
    speaking = [m for m in earlier if m.speaks]
    words = set(re.findall(r"\w+", article.texts[first.block][first.start : first.end].lower()))
    # whom the paragraph is about ('X was referred in 2023.'), unless the quote speaks of them
    about = [m for m in earlier if m.person.pronoun or m.person.name and not words & set(m.person.name.lower().split())]
    chosen = speaking or about
    return chosen[-1].person if chosen else None


_ANSWER_LABEL = re.compile(r"\s*(?:A\s*[:.]\s*)?")  # 'A: "Completely by accident."'


def _answer(article: _Article, first) -> Person | None:
    """A paragraph that is only a quote, right after a paragraph that is only a question
    ('Was there a moment when that changed?'), is the answer of the one a Q&A feature interviews."""
    if first.block == 0 or not _ANSWER_LABEL.fullmatch(article.texts[first.block][: first.start - 1]):
        return None
    question = article.texts[first.block - 1].strip()
    if not question.endswith("?") or '"' in question or len(question) > 300:
        return None
    return article.interviewee


def _named_inside(article: _Article, quotation) -> frozenset:
    """Capitalised words of the quotation: 'Tommy swapped shifts with me' is not Tommy's."""
    text = " ".join(article.texts[piece.block][piece.start : piece.end] for piece in quotation.pieces)
    text = re.sub(r"\"[^\"]*\"|(?<![\w])'[A-Z][\w'-]*,", " ", text)  # words said to the speaker: "she said, 'Rosa, run!'"
    return frozenset(re.findall(r"\b[A-Z][a-z][\w'-]*", text))


def _resolve(article: _Article, person: Person, first, inside: frozenset = frozenset()) -> Person:
    """Pronouns to the last person (for 'it', organisation) named, not one the quote speaks of;
    surnames to the article's full name; roles filled in."""
    if person.pronoun:
        return _antecedent(article, person.pronoun, first.block, first.start, spoken_of=inside)
    return article.named(person, first) if person.name else article.described(Person("", person.role), first)


def _antecedent(article: _Article, pronoun: str, block: int, offset: int, depth: int = 0, spoken_of: frozenset = frozenset()) -> Person:
    """Who 'he', 'she' or 'it' at (block, offset) means: the last fitting mention within two
    paragraphs; a sentence about the same pronoun passes on whom it meant ('These days he
    keeps bees. "..." he says.')."""
    if pronoun not in ("he", "she", "it") or depth > MAX_CHAIN:
        return UNKNOWN
    earlier = article.mentions_before(block, offset)
    if pronoun == "it":
        earlier = [m for m in earlier if m.person.pronoun in ("", "it")]
    else:
        addressed = "her" if pronoun == "she" else "him"
        earlier = [
            m for m in earlier
            if (m.person.pronoun == pronoun or not m.person.pronoun and _may_be(pronoun, m.person)) and addressed not in m.addresses
            and article.genders.get(m.person.name, pronoun) == pronoun  # 'Ms Oduya' is no 'he'
            and not _spoken_of(m.person, spoken_of)
        ]
    if not earlier:
        return UNKNOWN
    last = earlier[-1]
    if any(m.person.pronoun == "they" and (m.block, m.start) > (last.block, last.start) for m in article.mentions_before(block, offset)):
        return UNKNOWN  # 'Ryan Vance and Sam Kerr met' came after: either could be meant
    if last.person.pronoun:
        return _antecedent(article, pronoun, last.block, last.start, depth + 1, spoken_of)
    if pronoun == "it":
        return _organisation(article, last.person, last)
    if not last.person.name and _EPITHET.fullmatch(last.person.role.lower()):
        return article.described(last.person, last)
    if not last.person.name and last.person.role.lower().startswith("the "):
        return article.described(last.person)  # 'the governor smiled. "..." she said': only a governor named before
    return last.person


def _spoken_of(person: Person, spoken_of: frozenset) -> bool:
    """Whether the quote calls the person by first name ('Tommy swapped shifts with me'): then
    they are talked about, not talking."""
    words = person.name.split()
    return len(words) >= 2 and words[0] in spoken_of


def _may_be(pronoun: str, person: Person) -> bool:
    """Whether 'he' or 'she' can mean `person`: a person or an unnamed speaker, not a son for 'she'."""
    return _may_be_he_or_she(person) and _GENDERED.get(_kin(person), pronoun) == pronoun


def _organisation(article: _Article, person: Person, near) -> Person:
    """'it said' after 'The operator, Nordmetal, said': the organisation last spoken of (at
    `near`), if it was one."""
    if person.name and not person.role and not is_organisation(person):
        person = Person(person.name, article.described_as(person.name))  # 'Deltaswap, a trading platform that'
    if not is_organisation(person):
        return UNKNOWN
    return person if person.name else article.described(person, near)


def _kin(person: Person) -> str:
    """The gendered word in a role ('Tara Finch's son' -> 'son'), if any; in "Mrs Platt's
    grandson" the 'Mrs' is the grandmother's."""
    role = person.role.lower().replace(".", "")
    own = role.rsplit("'s ", 1)[-1]
    return next((word for word in own.split() if word in _GENDERED), "")


def _may_be_he_or_she(person: Person) -> bool:
    return person_like(person) or not person.name and not _plural(person.role)


def _plural(role: str) -> bool:
    """'low-cost sensors', 'parents of pupils': more than one, so never 'he' or 'she'."""
    words = role.lower().split()
    head = next((words[n - 1] for n, word in enumerate(words) if n and word in ("for", "of", "at", "from", "with", "in")), words[-1] if words else "")
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))

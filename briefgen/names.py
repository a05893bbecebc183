"""Names in news prose: noun phrases, who they name, and the titles that go with them.

`parse_np` turns the words of a noun phrase into a `Person`: 'retired Lt. Gen. Mark
Hertling' -> name 'Mark Hertling', role 'retired Lt. Gen.'; 'a spokeswoman' -> no name,
role 'a spokeswoman'; 'she' -> a pronoun. A capitalised first word of a sentence is a name
only if the article capitalises it elsewhere too, or a name follows ('Critics said' is not
a person, 'Sandra Oyelaran said' is).
"""

import re
from collections import Counter
from itertools import takewhile
from dataclasses import dataclass
from functools import lru_cache

from .sentences import vocabulary

SPEECH_VERBS = """said says say told tells added adds asked asks explained explains warned warns
wrote writes insisted insists argued argues claimed claims noted notes stated states declared
replied replies continued stressed stresses admitted admits conceded concedes recalled recalls
repeated promised vowed pledged suggested suggests acknowledged countered urged urges announced
confirmed observed remarked joked jokes quipped complained predicted cautioned tweeted posted
shouted cried exclaimed responded answered maintained agreed concluded testified recounted boasted
called calls described describes branded dubbed labelled labeled accused accuses termed dismissed
thanked laughed laughs chuckled chuckles sighed smiled grinned beamed sobbed gushed mused whispered
muttered retorted pleaded enthused flagged estimated estimates recommended recommends read reads texted""".split()
# '..., saying "..."': the speaker is the subject of the sentence
SPEECH_PARTICIPLES = """saying adding telling calling describing branding dubbing labelling
labeling accusing urging insisting warning writing thanking arguing claiming noting joking
recalling stressing admitting conceding vowing promising pledging declaring explaining""".split()
_SPEECH_WORDS = frozenset(SPEECH_VERBS + SPEECH_PARTICIPLES)
SPEECH_VERB = re.compile(r"\b(?:" + "|".join(sorted(_SPEECH_WORDS, key=len, reverse=True)) + r")\b")
TITLES = frozenset("""mr mrs ms mx miss dr prof sir dame lord lady gen lt col maj capt cmdr cdr adm
brig sgt cpl pvt sen rep gov pres supt det insp rev hon fr general lieutenant colonel major
captain admiral commander brigadier sergeant corporal marshal senator representative governor cr chairperson supervisor
president chancellor minister secretary mayor judge justice professor doctor bishop archbishop
rabbi imam sheikh emir chairman chairwoman chair chief director ambassador inspector superintendent
detective constable councillor councilor sheriff undersheriff king queen prince princess pope premier coach
retired former fellow late rear vice deputy acting air royal navy army ceo cllr revd rt manager
officer leader spokesman spokeswoman spokesperson owner founder co-founder cofounder co-owner co-chair editor head organiser organizer
treasurer headteacher reader viewer listener congressman congresswoman assemblyman assemblywoman councilman councilwoman
alderman alderwoman commissioner executive attorney prosecutor skipper coroner magistrate trustee
registrar ombudsman comptroller auditor administrator envoy consul pastor vicar chaplain cardinal
deacon principal headmaster headmistress master taoiseach tanaiste agent trooper member speaker councilmember
assemblymember delegate whip majority minority airman seaman pro tem tempore
shri sri smt shrimati alhaji alhaja comrade engr advocate depute reverend canon maître maitre assessor defender
lance bombardier bdr lbdr l/cpl lcpl pfc spr sapper gunner vice-marshal vice-admiral rear-admiral
meteorologist forecaster economist analyst strategist researcher scientist epidemiologist historian moderator father td""".split())
# after a name: 'Rhiannon Pryce KC', 'Sir Aldous Carrow MP'; not part of the name
POST_NOMINALS = frozenset("kc qc mp msp mep mla td obe mbe cbe kbe dbe frs phd".split())
HONORIFICS = frozenset("mr mrs ms mx miss".split())
_ACADEMIC = frozenset("dr prof".split())  # dropped after other role words: 'chief engineer Dr.' -> 'chief engineer'
PRONOUNS = frozenset("he she they it we".split())
_NARRATOR = frozenset("I I'm I've I'd I'll".split())
_OWNERS = frozenset("My Your His Her Its Our Their".split())
_KINDS_OF_GROUP = frozenset("campaign pressure lobby advocacy action protest community support".split())
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z]")  # 'TextRally', 'McKenna': a name even as a sentence's first word
_COUNTRY_CODES = frozenset("UK US USA GB EU NZ UAE".split())
_CAPITAL_LEGAL_FORMS = frozenset("AG SA NV BV SE PLC LLC LLP AB ASA".split())
_LABELS = frozenset("update breaking watch live exclusive read new latest".split())  # 'UPDATE, 4:40 p.m.:' in a live blog
_PRIZES = frozenset("prize award awards medal trophy cup".split())  # 'shortlisted for the Carrow Prize': no one 'she' means
_INDEFINITE = frozenset("someone somebody anyone anybody everyone everybody nobody".split())
ADVERBS = frozenset("also later then previously again simply recently earlier separately once now still".split())
_DETERMINERS = frozenset("the a an his her its their our my this that one".split())
_FUNCTION = frozenset("""and or but that which who whose whom when where while because if to in on since although though unless until whereas
at with from by for as than into about after before during was is are were be been being had has
have will would can could may might must should did does do not no it this these those there here
then also so yet still now we they you i me him them us what how why whether near outside inside behind beside
across around toward towards through among amid against within along beyond via""".split())
_OPENERS = _FUNCTION | ADVERBS | _DETERMINERS | frozenset("meanwhile however speaking asked today yesterday instead".split())
_ORG_WORDS = frozenset("""times staff chamber network agency council ministry union association office department bank
university branch bureau inspectorate directorate tribunal holdings party service services company group authority court committee commission board
institute federation guild partners corp inc ltd news radio herald insider wire courier beacon post
journal house police government trust regulator centre center society foundation alliance
coalition forum league cooperative collective homes health energy foods motors airlines airways media capital labs
pharma logistics systems technologies solutions industries properties resources insurance studios mission networks
review magazine gazette tribune chronicle telegraph bulletin family friends forces college conservatoire conservatory academy hospital museum club products panel
senate battalion regiment brigade
survey administration congress assembly secretariat command observatory laboratory""".split())
_LEGAL_FORMS = frozenset("ltd inc corp plc llc".split())  # 'Harrowgate Foods' is still called so without 'Ltd'
# what an organisation is called when it is not named: 'the operator, Nordmetal', 'the airline'
_ORG_NOUNS = _ORG_WORDS | frozenset("""operator firm airline charity watchdog school hospital store
chain retailer network team zoo museum insurer lender carrier developer landlord supplier
manufacturer maker broadcaster publisher website campaign body organisation organization business
provider club platform exchange marketplace startup start-up brokerage""".split())
_TOKEN = re.compile(r"\S+")
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|partner|son|daughter|brother|sister|mother|father|mum|dad|grandson|granddaughter|"
    r"grandmother|grandfather|nephew|niece|cousin|widow|widower)\b[^.!?\n]*$",
    re.IGNORECASE,
)
_AFTER_DETERMINER = re.compile(r"\b(?:a|an|the|his|her|their|its)\s+(?=([a-z]+)\b)(?:[\w-]+\s+(?=([a-z]+)\b))?")
_UPPER = "A-ZÀ-ÖØ-Þ"  # with Latin-1's capitals: 'Cathal "Cat" Ó Conaill'
_SURNAME = rf"(?:(?:Ó|Ní|Nic|Mac|Mc|van der|van den|van|von|de la|de|da|di|du|le|la)\s+)?[{_UPPER}][\w'-]*"
_NICKNAMED = re.compile(rf'\b([{_UPPER}][\w\'-]*)\s+"([{_UPPER}][\w\'-]*)"\s+({_SURNAME})')
_NICKNAME = re.compile(rf'(\b[{_UPPER}][\w.\'-]*\s+)("[^"\s][^"]{{0,29}}")(?=\s+{_SURNAME})')
_ENDS_CLAUSE = re.compile(r"[.!?:;]$")
_SEES = frozenset("bishop archbishop mayor duke duchess earl lord provost dean".split())  # titles named after a place
_SAINT = frozenset("St. Ste. St Mt. Ft.".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
BRACKETED_INITIALS = re.compile(r"\([A-Z]{2,8}\)")  # '(CHWU)': a name's initials given after it
_PROPER_TOKEN = re.compile(r"[\"(]?[\w.'-]+")
_CAPITALISED_TOKEN = re.compile(r"(?<![\w.'\"(-])[A-Z][\w.'-]*")  # a _PROPER_TOKEN of ASCII text starting with a capital
_NAME_TOKEN = re.compile(r"[^\s\"()]+|[\"()]")  # 'Ingrid (Hana Viklund),': the brackets are no part of a name
_ROLE_OPENERS = _DETERMINERS | {"fellow"}
# 'Teachers' Association general secretary Owen Tregarthen': lower-case role words, then a name
_ROLE_WORDS = TITLES | frozenset("""general branch executive regional national senior assistant press
finance health policy managing operations union club team area district county city local shadow""".split())
_LOWER_WORDS_THEN_NAME = re.compile(r"(?:[a-z][\w-]*\s+){1,4}[A-Z][^\W\d_][\w'-]*\s+[A-Z]")
_ROLE_THEN_NAME = re.compile(
    r"(?:(?:" + "|".join(sorted(_ROLE_WORDS)) + r")\s+){0,2}(?:" + "|".join(sorted(TITLES)) + r")\s+[A-Z][a-z]"
    # 'Fenwick Lowe utilities analyst Sunil Varma': a job noun, then a full name
    r"|(?:[a-z][\w-]*\s+)?[a-z][\w-]*(?:ist|yst|er|or|ian|ant|ent|man|woman|person|ee|ive)\s+[A-Z][^\W\d_][\w'-]*\s+[A-Z][^\W\d_]"
)
_ARTICLE_PREFIXED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z][^\W\d_]+")  # 'Farida al-Mansoori', 'Omar el-Sayed'
_SURNAME_PARTICLES = frozenset("Ó Ní Nic Mac Mc Ua Uí van von de da di du dos das do le la ap".split())
LOWER_SURNAME_PARTICLES = frozenset(particle.lower() for particle in _SURNAME_PARTICLES)
_GAELIC_PARTICLES = frozenset("Ó Ní Nic Mac Ua Uí".split())
_PARTICLES = frozenset("de del della der den van von da di du dos das do los las la le e bin binti binte ibn arap al of an ap".split())  # "Rhodri ap Gwilym"
# past tenses without -ed: 'Nwosu struck a more cautious tone', 'the Pole shook his head'
IRREGULAR_PAST = frozenset("""shot spat struck shook went came made took gave won lost left met ran sat stood held kept felt saw
found got put set spent sent brought thought began became broke chose drove fell fought flew grew hit hung knew led
paid rode rose sang sank slept spoke stole swore threw tore wore wrote""".split())
DEMONYMS = frozenset("""pole briton scot welshman welshwoman irishman irishwoman englishman englishwoman frenchman
frenchwoman spaniard dane swede finn norwegian german italian american australian canadian russian ukrainian serb
croat czech slovak slovenian greek turk brazilian argentine argentinian chilean colombian mexican peruvian japanese
chinese korean indian pakistani kenyan nigerian ghanaian dutchman dutchwoman belgian swiss austrian portuguese
hungarian romanian bulgarian latvian lithuanian estonian icelander kiwi aussie yank serbian bosnian albanian""".split())
_ORIGIN_WORDS = frozenset("based born bred raised educated trained led owned run backed funded made built registered headquartered".split())  # not 'Hyun-woo'
_NATIONALITIES = frozenset("""british english scottish welsh irish french spanish danish swedish finnish polish dutch
turkish israeli iraqi iranian afghan somali sudanese egyptian moroccan lebanese syrian jordanian saudi emirati
vietnamese thai filipino indonesian malaysian jamaican haitian cuban african asian european arab""".split())
# what an unnamed person is called: 'The witness paused. "..." he said' means the witness
PERSON_NOUNS = frozenset("""spokesman spokeswoman spokesperson official officer detective judge prosecutor lawyer attorney
barrister solicitor counsel witness paramedic coroner magistrate juror victim defendant suspect widow widower""".split())
_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())  # 'a spokeswoman for Vale Buses' speaks for a firm
_PORTFOLIO_TITLES = TITLES - _SPOKESPEOPLE  # "minister for education", "member for finance": a portfolio follows
_LOWER_ROLE_START = frozenset("retired former fellow".split())
MAX_NP_WORDS = 12
# A capitalised word followed by another or by a particle: where a name of two or more words can start
_COUPLE = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][a-z][\w'-]*)\b(?! (?:[A-Z]|of\b))")  # not 'Marks and Spencer Group'
_TWO_NAME_WORDS = re.compile(r'(?:^|[\s"(])[A-Z][^\s"]*\s+(?:[A-Z]|(?i:' + "|".join(sorted(_PARTICLES)) + r')[,.;:!?]*(?:\s|$))')
_ABBREVIATIONS = vocabulary("en").abbreviations


@dataclass(frozen=True)
class Person:
    """A speaker as an attribution names them; `pronoun` when it only says 'he' or 'she'."""

    name: str = ""
    role: str = ""
    pronoun: str = ""


def parse_np(tokens: list[str], proper, sentence_initial: bool) -> Person | None:
    """Words of a noun phrase -> a name with its role, a pronoun, an unnamed role, or None."""
    tokens = [t.rstrip(",") for t in tokens if t.strip(",-")]  # a dash is no word: '- Ana Ruiz' signs a quote
    if len(tokens) > 1 and BRACKETED_INITIALS.fullmatch(tokens[-1]):
        tokens = tokens[:-1]  # 'The Coastal and Harbour Workers' Union (CHWU) said'
    if not tokens or len(tokens) > MAX_NP_WORDS:
        return None
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return Person(pronoun=tokens[0].lower())
    if len(tokens) <= 2 and tokens[-1] in _NARRATOR:  # 'Maybe I will.' is no one called 'Maybe I'
        return Person(pronoun="i")  # the narrator, never a 'he' or 'she' ('Later, when I was 30, I ...')
    if len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", tokens[0]) and tokens[0].lower() not in TITLES | _LABELS:
        return Person(tokens[0])  # an organisation by its initials: 'BAPG said'
    indefinite = next((n for n, token in enumerate(tokens) if token.lower() in _INDEFINITE), None)
    if indefinite is not None:
        return Person("", " ".join(tokens[indefinite:]).lower())  # 'Someone at an awards dinner told me'
    if len(tokens) >= 3 and tokens[0].lower() == "the" and tokens[-1] in ("family", "government") and all(map(is_name_token, tokens[1:-1])):
        return Person(" ".join(tokens[1:]))  # 'The Marchand family said': the family speaks as one; so does 'the Welsh government'
    if tokens[0].lower() == "the" and tokens[-1].lower() in DEMONYMS and all(t.islower() for t in tokens[1:-1]):
        return Person("", " ".join(["the", *tokens[1:]]))  # 'the Pole shook his head', 'the 26-year-old Ukrainian': a description
    if any(is_function(t) and (t.islower() or n == 0) and not _joins_organisation(tokens, n) and not _joins_roles(tokens, n)
           for n, t in enumerate(tokens)):
        return None
    tokens = _post_nominals_removed(_affiliation_removed(tokens))
    if _named_group(tokens):
        return Person(" ".join(tokens[1:-2]))  # "The Tenants' Voice campaign group said": the group by its name
    cut = len(tokens)
    while cut > 0 and (_in_name(tokens, cut - 1) or _title_in_organisation(tokens, cut)):
        cut -= 1
    if sentence_initial and cut == 0 and not _starts_name(tokens, proper) and not _title_word_alone(tokens) and not _INNER_CAPITAL.search(tokens[0]) \
            and not _particle_opens_surname(tokens):
        cut = 1  # a sentence's capitalised first word: 'Critics said', 'Then Okafor said' (not 'TextRally said', 'Van Dijk said')
    if _of_an_organisation(tokens[:cut]) or _of_a_place(tokens, cut, sentence_initial):
        return Person("", _role(tokens, sentence_initial, named=False))
    if cut < len(tokens) and _after_portfolio_title(tokens[: cut + 1]):
        cut += 1
    if _after_portfolio_title(tokens[:cut]) and len(tokens) - cut >= 3 and tokens[-1].lower() not in _ORG_WORDS:
        cut += 1  # 'Minister for Education Deirdre Ní Bhriain'
    if len(tokens) - cut >= 3 and tokens[cut] in ("The", "the"):
        cut += 1  # 'The Schools Standards Office' is named 'Schools Standards Office'
    cut += _rank_class_length(tokens, cut)
    cut += _place_before_gaelic_name(tokens[cut:])
    name = tokens[cut:]
    if [t.lower() for t in tokens[:cut]] == ["the"] and len(name) == 2 and not is_organisation(Person(" ".join(name))):
        return None  # 'The Salt Orchard follows three sisters': a work or a place, no one's name
    if cut == 1 and tokens[0] in _OWNERS and len(name) == 1:
        return None  # 'Our Water, Our Future, which promised': a title
    name = without_place_possessive(name)
    if cut and _names_country(tokens[cut - 1]) and is_organisation(Person(" ".join(name))):
        cut, name = cut - 1, [tokens[cut - 1], *name]  # "the U.S. Attorney's Office": its name, not a role
    if len(name) == 2 and name[0] in ("Co", "Co.", "County"):
        return None  # 'Co Mayo', 'County Durham' ('A reader in Lisheen, Co Clare,'): a county
    if len(name) == 1 and (len(name[0].rstrip(".")) == 1 or name[0] in _WEEKDAYS):
        name = []  # an initial alone is nobody's name ('A: A long sleep.' in an interview), nor is 'Tuesday'
    role = _role(tokens[:cut], sentence_initial, named=bool(name))
    return Person(" ".join(name), role) if name or role else None


def _particle_opens_surname(tokens: list[str]) -> bool:
    """'Dos Reis said', 'Van der Linden said': a surname's particle, capitalised at a sentence's start."""
    return len(tokens) >= 2 and tokens[0][:1].isupper() and tokens[0].lower() in LOWER_SURNAME_PARTICLES and is_name_token(tokens[1])


def _named_group(tokens: list[str]) -> bool:
    """'the Renters' Union campaign group': 'the', a name, then what kind of group it is."""
    if len(tokens) < 4 or tokens[-1] != "group" or tokens[-2] not in _KINDS_OF_GROUP or tokens[0].lower() != "the":
        return False
    return all(is_name_token(token) or token.endswith("s'") for token in tokens[1:-2])


def _place_before_gaelic_name(words: list[str]) -> int:
    """How many words of 'Galway West Deirdre Ní Fhlatharta' are a place ('TD for Galway West'):
    an Irish patronymic particle follows a single given name."""
    particle = next((n for n, word in enumerate(words) if n >= 2 and word in _GAELIC_PARTICLES), None)
    return particle - 1 if particle is not None and len(words) - particle == 2 else 0


def _title_in_organisation(tokens: list[str], cut: int) -> bool:
    """'Air' in 'Air Safety Directorate', 'Royal' in "Women's Royal Voluntary Service": a title
    word inside an organisation's name."""
    word = tokens[cut - 1]
    organisation = tokens[-1].lower() in _ORG_WORDS or cut < len(tokens) and tokens[cut].lower() in _ORG_WORDS  # 'Royal College of Emergency Care'
    return cut < len(tokens) and organisation and word.lower() in TITLES and word.istitle()


def without_place_possessive(words: list[str]) -> list[str]:
    """"Britain's Medical Products Safety Agency" -> 'Medical Products Safety Agency': the body
    is named after the place's possessive ('Women's Royal Voluntary Service' keeps its word)."""
    owner = words[0][:-2] if words and words[0].endswith("'s") else ""
    place = owner.istitle() and not owner.endswith(("en", "ople")) or owner.replace(".", "") in _COUNTRY_CODES  # "the UK's"
    if len(words) >= 3 and place and is_organisation(Person(" ".join(words[1:]))):
        return words[1:]
    return words


def _title_word_alone(tokens: list[str]) -> bool:
    """'Skylark Air', 'Harbour Trust': two words the second of which is no one's name alone."""
    return len(tokens) == 2 and tokens[0].istitle() and tokens[1].lower() in _ORG_WORDS | {"air"} and tokens[0].lower() not in TITLES | _DETERMINERS


def _rank_class_length(tokens: list[str], cut: int) -> int:
    """How many words at `cut` end a rank ('Sgt. 1st Class', 'Private First Class'), not a name."""
    if tokens[cut : cut + 1] == ["Class"] and cut > 0 and tokens[cut - 1].lower() in ("1st", "2nd", "3rd"):
        return 1
    if len(tokens) - cut >= 3 and tokens[cut] in ("First", "Second", "Third") and tokens[cut + 1] == "Class":
        return 2
    return 0


def forward_np(text: str) -> tuple[list[str], str]:
    """The words at the start of `text` that can be a noun phrase, and the text after them."""
    tokens, position, named = [], 0, False
    matches = list(_TOKEN.finditer(text[:400]))
    for number, match in enumerate(matches):
        token = match.group()
        word = token.rstrip(",:;")
        if not word or '"' in word or word[0] in "'(" or len(tokens) >= MAX_NP_WORDS:
            break
        if tokens and word.lower() in PRONOUNS:
            break
        lowered = word.lower().rstrip(".")
        role_follows = named and (_ROLE_THEN_NAME.match(text, match.start()) or _turned_role(tokens, text, match.start()))
        following = [m.group() for m in matches[number + 1 : number + 5]]
        joins = _joins_organisation(tokens + [word] + following, len(tokens))
        # 'Founder and chief executive Felix Mornay-Strand': 'and' between two roles of one person
        joins = joins or word == "and" and bool(tokens) and tokens[-1].lower() in TITLES and bool(_ROLE_THEN_NAME.match(text, match.end() + 1))
        # 'Cabinet member for finance Nadia Obi': a portfolio in lower case, then the name
        joins = joins or word in ("for", "of") and bool(tokens) and tokens[-1].lower() in _PORTFOLIO_TITLES and bool(_LOWER_WORDS_THEN_NAME.match(text, match.end() + 1))
        if is_function(word) and not joins:
            break
        if lowered in ADVERBS and tokens and tokens[-1][:1].isupper():
            break  # 'Whitlow later cut his target': the name ends before the adverb
        if _is_verb_after_subject(tokens, word, following):
            break
        particle = lowered in _PARTICLES or word == "the" and tokens[-1:] == ["of"]
        if named and word.islower() and tokens[0].lower() in _DETERMINERS and (len(tokens) == 2 and _is_head_noun(word) or _unnamed_member(word, following)):
            tokens.append(word)  # 'the Dunmere man', 'the Labour leader': a description
            position = match.start() + len(word)
            break
        if named and token.endswith(",") and word in PERSON_NOUNS | TITLES:
            tokens.append(word)  # 'Ondo State Police Command spokesperson, SP Tolu Ayo,': the role; the name follows
            position = match.start() + len(word)
            break
        if lowered in _SPEECH_WORDS or (named and word.islower() and not particle and not role_follows and not joins):
            break
        tokens.append(word)
        position = match.start() + len(word)
        if len(tokens) == 1 and lowered in PRONOUNS:
            break  # 'he shrugs', 'she laughs': a pronoun is the whole phrase
        named = named or (len(tokens) > 1 and is_name_token(word))  # a first word is capitalised anyway
        if token != word or word.endswith(".") and not is_abbreviation(word):
            break
    return [t if is_abbreviation(t) else t.rstrip(".") for t in tokens], text[position:]


def _turned_role(tokens: list[str], text: str, at: int) -> bool:
    """'former England hooker turned pundit Danny Farrant': two roles joined by 'turned'."""
    found = _LOWER_WORDS_THEN_NAME.match(text, at)
    return bool(found) and ("turned" in tokens or " turned " in f" {found.group()} ")


def _is_head_noun(word: str) -> bool:
    """Whether a lower-case word after 'the Dunmere' reads as its noun, not as a verb."""
    word = word.rstrip(",.;:")
    return (word.replace("-", "").isalpha() and not word.endswith(("ed", "s")) and word not in IRREGULAR_PAST and word not in _FUNCTION
            and word not in _PARTICLES and word not in ADVERBS)


def _unnamed_member(word: str, following: list[str]) -> bool:
    """'judge' in 'A Dunmore County Superior Court judge on Monday ruled': someone of that body,
    not named ('the Harbour Trust chairman Bob Ames' goes on to his name)."""
    return word in PERSON_NOUNS | TITLES and not (following and is_name_token(following[0].rstrip(",")))


def _is_verb_after_subject(tokens: list[str], word: str, following: list[str]) -> bool:
    """'Crowds cheered Skipper Tamblyn', 'Torvald believes the unit ...': a verb right after a
    capitalised word ends the noun phrase ('Former striker', 'Union organisers said' go on)."""
    word = word.rstrip(".")  # 'Adebayo-Fairley paused.'
    if len(tokens) >= 2 and word.islower() and tokens[-1].lower() in PERSON_NOUNS | TITLES and (word.endswith("ed") or word in IRREGULAR_PAST) and word not in ("named", "turned"):
        return True  # 'The witness paused', 'A government spokesman declined', "The Army's coach singled out'
    if len(tokens) != 1 or not word.islower() or word in _ROLE_WORDS or not tokens[0][:1].isupper():
        return False
    then = following[0].lower() if following else ""
    present = word.endswith("s") and not word.endswith("ss") and then.isalpha() and then.islower()
    present = present and then not in _SPEECH_WORDS and then not in ("who", "whose", "which", "and", "or")
    return (word.endswith("ed") or word in IRREGULAR_PAST or present) and tokens[0].lower() not in _ROLE_OPENERS


def phrase_ending(tokens: list[str]) -> list[str]:
    """The longest run of noun-phrase words at the end of `tokens`."""
    if tokens and tokens[-1].lower() in PRONOUNS:
        return tokens[-1:]  # 'In a statement, it said'; 'In a post last week he wrote'
    phrase: list[str] = []
    for n in range(len(tokens) - 1, -1, -1):
        token = tokens[n]
        campaign = token == "Now" and n > 0 and is_name_token(tokens[n - 1])  # 'Fair Exams Now', 'Peace Now'
        if is_function(token) and not _joins_organisation(tokens, n) and not _joins_roles(tokens, n) and not campaign:
            break
        if token.lower() in _SPEECH_WORDS or len(phrase) >= MAX_NP_WORDS or not token.strip("-"):
            break  # a dash ends it: '12:02 p.m. - The Marchand family has posted'

        if _ENDS_CLAUSE.search(token) and not is_abbreviation(token):
            break
        phrase.insert(0, token)
        if token in _DETERMINERS and (n == 0 or tokens[n - 1] != "of"):
            break  # a noun phrase starts at its article: 'in a case the judge' -> 'the judge'
    return phrase


def appositive_name(rest: str, proper, described: Person = Person()) -> Person | None:
    """The name in ', Simon Achebe,' after a role ('His lawyer, Simon Achebe, said'); the role
    before it is theirs unless the appositive gives one ('Her challenger, businessman X')."""
    found = re.match(r"^,\s+([^,]+)(?:,|$)", rest)
    tokens = found.group(1).split() if found else []
    if len(tokens) == 1 and re.fullmatch(r"[A-Z]{2,6}", tokens[0]) and is_organisation(described):
        return Person(tokens[0])  # 'The pilots' union, BAPG, said'
    if tokens and tokens[-1].endswith(".") and not is_abbreviation(tokens[-1]):
        tokens[-1] = tokens[-1].rstrip(".")  # 'My first teacher, Elena Mirković.'
    person = parse_np(tokens, proper, False) if tokens else None
    if not person or not person.name:
        return None
    return person if person.role else Person(person.name, without_determiner(described.role))


def without_determiner(role: str) -> str:
    """'the water company' -> 'water company'; 'his lawyer' -> 'lawyer'."""
    words = role.split()
    return " ".join(words[1:] if words and words[0].lower() in _DETERMINERS else words)


def person_like(person: Person) -> bool:
    """Named and not obviously an organisation or a prize: someone 'he' or 'she' can refer back to."""
    words, role = person.name.split(), person.role.lower().split()
    if not words or role[:1] == ["the"] or words[-1].lower() in _PRIZES or "&" in words:
        return False  # 'her first venture, a bistro called Salt & Cinder': no one's name has an ampersand
    # 'Machine operator Denise Rawcliffe' is a person although 'the operator' may be a firm
    titled = len(words) >= 2 and len(role) >= 2 and words[-1].lower() not in _ORG_WORDS
    return titled or not is_organisation(person)


def is_organisation(person: Person) -> bool:
    """Named or described as an organisation: 'Calder Water Authority', 'the airline', 'the
    operator, Nordmetal'; what 'it said' can refer back to."""
    name, role = person.name.split(), person.role.split()
    of_name = len(name) > 2 and name[0].lower() in _ORG_WORDS and name[1] in ("of", "for")  # 'Office for Budget Forecasting'
    collective = any(word.endswith("s'") for word in name[:-1])  # "Taxpayers' Vigil": a body of many
    return bool(name) and (name[-1].lower() in _ORG_WORDS or of_name or collective or "&" in name) or bool(role) and role[-1].lower() in _ORG_NOUNS


def is_function(word: str) -> bool:
    """'and', 'was', 'It'...; all capitals are an acronym ('US'), not a function word."""
    return word.lower().rstrip(".,") in _FUNCTION and not word.isupper()


@lru_cache(maxsize=65536)
def is_name_token(token: str) -> bool:
    if re.fullmatch(r"[A-Z]\.?", token) or len(token) == 1 and token.isupper() or _ARTICLE_PREFIXED.fullmatch(token):
        return True  # an initial, the Irish particle 'Ó, or 'al-Mansoori'
    if not token[:1].isupper() or not any(c.islower() for c in token) or _is_possessive(token) or token in _NARRATOR or "-of-" in token:
        return False  # 'Grandmother-of-four Bev Hollins': an epithet, not a name
    if token in _OWNERS:
        return False  # 'a plan called Our Water, Our Future': a title, no one's name
    if token.startswith("All-"):
        return False  # 'Ballycroom All-Star Micheál Cussen', 'All-American': an honour
    if "-" in token and _described_origin(token.split("-")):
        return False  # 'a former Polish-Nigerian diplomat', 'the Leeds-based charity'
    return token.lower().rstrip(".") not in TITLES and not is_abbreviation(token)


def _described_origin(parts: list[str]) -> bool:
    return parts[-1] in _ORIGIN_WORDS or all(part.lower() in DEMONYMS | _NATIONALITIES for part in parts)


@lru_cache(maxsize=65536)
def is_abbreviation(token: str) -> bool:
    """'Lt.', 'Dr.', 'A.', 'U.S.': a full stop that does not end a sentence."""
    if not token.endswith("."):
        return False
    return token[:-1].lower() in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+", token))


def _is_possessive(token: str) -> bool:
    return token.endswith(("'s", "'"))


def _starts_name(tokens: list[str], proper) -> bool:
    """Whether a sentence's first word is part of a name (it is capitalised either way)."""
    first = tokens[0].rstrip(",.;:")
    if first in proper and first.lower() not in _FUNCTION:  # 'But' capitalised after a colon is no name
        return True
    if first.lower() not in _OPENERS and len(tokens) >= 3 and tokens[1] in _SURNAME_PARTICLES and is_name_token(tokens[2].rstrip(",.;:")):
        return is_name_token(first)  # 'Róisín Nic Ruairí told', 'Hans van Dijk said'
    if first.lower() in _OPENERS or len(tokens) < 2 or not is_name_token(tokens[1].rstrip(",.;:")):
        return False
    if re.fullmatch(r"[A-Z]\.", tokens[1]):
        return True  # 'Dennis R. Kolb, 58, pleaded guilty': a middle initial follows a first name
    # 'Sandra Oyelaran said' is a name; 'Pensioner Moira Gallacher said' starts with a role;
    # 'Millbrook City Council said' is all one name
    last = tokens[-1].rstrip(",.;:").lower()
    return len(tokens) < 3 or not is_name_token(tokens[2].rstrip(",.;:")) or last in _ORG_WORDS


def _in_name(tokens: list[str], n: int) -> bool:
    """A name word, or a particle between name words ('Ursula van der Berg', 'Bank of Calder')."""
    if _is_possessive(tokens[n]) and tokens[n][:1].isupper():
        return _inside_organisation_name(tokens, n)
    if _joins_organisation(tokens, n) or _acronym_in_organisation(tokens, n):
        return True
    if tokens[n].startswith("All-") and tokens[-1].lower() in _ORG_WORDS:
        return True  # 'The All-Counties Tennis Club' (but 'All-Star Micheál Cussen' is an honour)
    if tokens[n] in _SAINT and n + 1 < len(tokens) and is_name_token(tokens[n + 1]):
        return True  # 'St. Agnes Regional Medical Center'
    if not _is_particle(tokens, n):
        return is_name_token(tokens[n]) or _surname_like_a_title(tokens, n) or _country_after_name(tokens, n) or _title_after_organisation(tokens, n)
    before = next((tokens[k] for k in range(n - 1, -1, -1) if not _is_particle(tokens, k)), None)
    following = next((k for k in range(n + 1, len(tokens)) if not _is_particle(tokens, k)), None)
    after = tokens[following] if following is not None else None
    titled = before is not None and before.lower().rstrip(".") in TITLES and tokens[n] in _SURNAME_PARTICLES  # 'Mr ap Gwilym'
    if n == 0 and _particle_opens_surname(tokens):
        return True
    return before is not None and after is not None and (is_name_token(before) or titled) and (
        is_name_token(after) or after.endswith("s'") or _title_after_organisation(tokens, following))


def _title_after_organisation(tokens: list[str], n: int) -> bool:
    """'Justice' in 'Ministry of Justice', 'Governor' in 'Office of the Governor': a title word
    that names what an organisation serves, and ends its name ('President of the Court of
    Justice Koen Lemaire' is her role and her name)."""
    word = tokens[n].rstrip(",.;:")
    if not (word.istitle() and word.lower() in TITLES and n >= 2) or n + 1 < len(tokens) and word == tokens[n] and is_name_token(tokens[n + 1]):
        return False
    of = n - 2 if tokens[n - 1] == "the" else n - 1
    return of >= 1 and tokens[of] == "of" and tokens[of - 1].lower() in _ORG_WORDS


def _country_after_name(tokens: list[str], n: int) -> bool:
    """'UK' in 'WindForward UK', 'GB' in 'Oxfam GB', 'AG' in 'Calloway Pharma AG': a country's
    code or a legal form in capitals ends an organisation's name."""
    return n == len(tokens) - 1 and n > 0 and tokens[n].rstrip(",.") in _COUNTRY_CODES | _CAPITAL_LEGAL_FORMS and is_name_token(tokens[n - 1])


def _surname_like_a_title(tokens: list[str], n: int) -> bool:
    """'Sen' in 'Dr Ravi Sen', 'Lord' in 'Jonathan Lord', 'Sheikh' in 'Kamran Iftikhar Sheikh': a
    short title word without a full stop, last and after a name word ('the Information
    Commissioner' is a role, and so is 'Leader' after 'Council')."""
    token = tokens[n]
    return (n == len(tokens) - 1 and n > 0 and len(token) <= 6 and token.istitle() and token.lower() in TITLES and is_name_token(tokens[n - 1])
            and tokens[n - 1].lower() not in _ORG_WORDS)


def _joins_roles(tokens: list[str], n: int) -> bool:
    """'and' in 'Founder and chief executive Felix Mornay-Strand'; 'for' or 'of' before a
    portfolio in 'vice president for development Harlan Cho', 'head of research Ana Ruiz'."""
    if not (0 < n < len(tokens) - 1 and tokens[n - 1].lower() in TITLES):
        return False
    return tokens[n] == "and" or tokens[n] in ("for", "of") and tokens[n + 1].islower() and is_name_token(tokens[-1])


def _acronym_in_organisation(tokens: list[str], n: int) -> bool:
    """'NHS' in 'Harrowmere and Vale NHS Trust': capitals inside a name that ends as an organisation's."""
    token = tokens[n]
    return 2 <= len(token) <= 6 and token.isalpha() and token.isupper() and n + 1 < len(tokens) and tokens[-1].lower() in _ORG_WORDS


def _is_particle(tokens: list[str], n: int) -> bool:
    """'van', 'de', 'of'; and 'the' after 'of' ('Friends of the Kelby Library')."""
    return tokens[n].lower() in _PARTICLES or tokens[n] == "the" and n > 0 and tokens[n - 1] == "of"


def _joins_organisation(tokens: list[str], n: int) -> bool:
    """'for' inside a name: 'Department for Fisheries', 'Centre for Coastal Studies'; 'and'
    between name words of an organisation ('Harrowmere and Vale NHS Trust')."""
    if tokens[n] == "&" and 0 < n < len(tokens) - 1:
        return tokens[n - 1][:1].isupper() and tokens[n + 1][:1].isupper()  # 'Harrow & Finch': no person's name has one
    if tokens[n] == "and" and 0 < n:
        run = list(takewhile(lambda t: t[:1].isupper(), tokens[n + 1 : n + 5]))
        of_organisation = any(tokens[k].lower() in _ORG_WORDS and tokens[k + 1] in ("of", "for") for k in range(n - 1))  # 'Department of Roads and Bridges', 'for Energy and Net Zero'
        return tokens[n - 1][:1].isupper() and (of_organisation and bool(run) or any(t.rstrip(",.;:").lower() in _ORG_WORDS for t in run))
    if tokens[n] not in ("for", "on") or n == 0 or n + 1 >= len(tokens):
        return False
    before, after = tokens[n - 1], tokens[n + 1].rstrip(",.;:")
    joined = _ORG_WORDS | TITLES if tokens[n] == "for" else _ORG_WORDS  # 'Panel on Climate Intervention', not 'Mayor on Friday'
    return before[:1].isupper() and before.lower() in joined and is_name_token(after) and after not in _WEEKDAYS


def _inside_organisation_name(tokens: list[str], n: int) -> bool:
    """'Fishermen's' in 'Carrow Fishermen's Association': a possessive followed by name words
    that end with an organisation word, or a plural one followed by any ("Taxpayers' Vigil")."""
    end = n + 1
    while end < len(tokens) and (is_name_token(tokens[end]) or tokens[end].istitle() and tokens[end].lower() in TITLES):
        end += 1
    # "Taxpayers' Vigil"; not "Halvorsen Capital Markets' Rajiv Menon", a firm's analyst
    return end > n + 1 and (tokens[end - 1].lower() in _ORG_WORDS or tokens[n].endswith("s'") and end == n + 2)


def _affiliation_removed(tokens: list[str]) -> list[str]:
    """'Leonie Baptiste of Alder University' -> 'Leonie Baptiste'; 'Bank of Calder' and 'a
    Department of Health spokesperson' stay."""
    if "of" in tokens:
        before, after = tokens[: tokens.index("of")], tokens[tokens.index("of") + 1 :]
        named = len(before) >= 2 and is_name_token(before[-1]) and (is_name_token(before[-2]) or before[-2] in _PARTICLES and len(before) > 2)
        named = named and before[-2].lower() not in _DETERMINERS  # 'The Bank of Calder' is one name
        named = named and before[-1].lower() not in _ORG_WORDS  # 'International Guild of Harbor Workers'
        # "of Severnside Police's roads unit", "of the service's Sacramento office"
        if named and after and (is_name_token(after[-1]) or is_name_token(after[0]) or after[0] == "the" and len(after) > 1):
            return before
    return tokens


def _of_an_organisation(role: list[str]) -> bool:
    """'the chief executive of the Alder Ferry Company': the name is not the speaker's."""
    words = [t.lower() for t in role]
    return len(words) >= 3 and words[-2] == "of" and words[-1] in _DETERMINERS


def _of_a_place(tokens: list[str], cut: int, sentence_initial: bool) -> bool:
    """'One resident of Strand Road', 'Residents of Wattle Creek': the name is where they
    live, not who they are."""
    if cut < len(tokens) and tokens[cut] == "of":
        cut += 1
    if cut < 2 or tokens[cut - 1] != "of":
        return False
    noun = tokens[cut - 2]
    sentence_first = sentence_initial and cut == 2 and noun.lower().rstrip(".") not in TITLES
    return noun.islower() or sentence_first or noun.lower() in _SEES  # 'Bishop of Glamarren', 'Mayor of Kelby': a place


def _post_nominals_removed(tokens: list[str]) -> list[str]:
    """'Rhiannon Pryce KC' -> 'Rhiannon Pryce' (when a name comes before the letters)."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].rstrip(".").lower() in POST_NOMINALS and tokens[end - 1][:1].isupper():
        end -= 1
    return tokens[:end] if end < len(tokens) and is_name_token(tokens[end - 1]) else tokens


def _role(tokens: list[str], sentence_initial: bool, named: bool) -> str:
    """The words before a name, as a role: 'Chief engineer Dr.' -> 'chief engineer Dr.'."""
    if named:
        while tokens and tokens[0].lower() in _ROLE_OPENERS:
            tokens = tokens[1:]
        tokens = [t for t in tokens if t.lower().rstrip(".") not in HONORIFICS]
        while len(tokens) > 1 and tokens[-1].lower().rstrip(".") in _ACADEMIC:
            tokens = tokens[:-1]
        if tokens and tokens[-1].lower() in ("named", "called"):
            tokens = []  # 'a man named Harold Quist' says no role
    if not tokens:
        return ""
    first = tokens[0]
    common_noun = tokens[1].islower() and tokens[1] not in ("for", "of") if len(tokens) > 1 else first.lower().rstrip(".") not in TITLES
    courtesy = first.lower().rstrip(".") in ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady")  # "Mrs Platt's grandson"
    proper = len(tokens) > 1 and tokens[1][:1].isupper() and first.lower().rstrip(".") not in _DETERMINERS | TITLES  # 'Ondo State Police spokesperson'
    lower_first = first.lower() in _LOWER_ROLE_START or (sentence_initial and (common_noun or not named and not proper) and not courtesy)
    if lower_first and not (len(first) > 1 and first.isupper()):
        tokens = [first[0].lower() + first[1:]] + tokens[1:]
    return " ".join(tokens)


def nicknames(norms: list[str]) -> dict[str, str]:
    """{nickname: full name} of 'Winifred "Winnie" Calloway': 'Winnie said' means her."""
    found = {}
    for norm in norms:
        for first, nickname, surname in _NICKNAMED.findall(norm) if '"' in norm else ():
            found.setdefault(nickname, f"{first} {surname}")
    return found


def mask_nicknames(norm: str) -> str:
    """James "Spider" Marks -> James          Marks (same length), so names read whole."""

    def blank(match: re.Match) -> str:
        return match.group(1) + " " * len(match.group(2))

    return _NICKNAME.sub(blank, norm) if '"' in norm else norm


def proper_nouns(sentences: list[str]) -> frozenset:
    """Capitalised words that also appear inside a sentence: names, not sentence openers."""
    proper = set()
    for sentence in sentences:
        if sentence[1:2] == ":" and sentence[:1] in "QA":
            sentence = sentence[2:]  # 'A: Ask me in November.': an interview's answer opens there
        elif sentence[:1] == "[" and "]" in sentence[:40]:
            sentence = sentence[sentence.index("]") + 1 :]  # '[Groans] Two stars!', '[Photo] Co-owners X and Y
        proper.update(t.rstrip(".").removesuffix("'s") for t in _inner_capitalised(sentence))  # 'Kroll's' names Kroll
    return frozenset(proper)


def _inner_capitalised(sentence: str) -> list[str]:
    """The tokens of a sentence after its first that start with a capital letter."""
    if not sentence.isascii():
        return [t for t in _PROPER_TOKEN.findall(sentence)[1:] if t[:1].isupper()]
    first = _PROPER_TOKEN.search(sentence)
    return _CAPITALISED_TOKEN.findall(sentence, first.end()) if first else []  # the same, only the tokens wanted


def full_names(sentences: list[str], proper) -> dict[str, str]:
    """Names of two or more words used in the sentences, each with the title written before it;
    'Graham and Sandra Tolley' names Graham Tolley too."""
    names: dict[str, str] = {}
    for sentence in sentences:
        if sentence.isascii() and not _TWO_NAME_WORDS.search(sentence):
            continue  # most sentences: no two name words in a row
        for couple in _COUPLE.finditer(sentence) if " and " in sentence else ():
            if not _after_a_name(sentence, couple.start()):  # not 'Boyd Mathieson and Kofi Amankwah'
                names.setdefault(f"{couple.group(1)} {couple.group(3)}", "")
        tokens = _NAME_TOKEN.findall(sentence)
        for first, run in _name_runs(tokens, proper):
            place = _place_before_gaelic_name(run)
            if _after_portfolio_title(tokens[:first]) and len(run) >= 3 and run[-1].lower() not in _ORG_WORDS:
                names.setdefault(" ".join(run[max(1, place):]), " ".join(tokens[first - 2 : first + max(1, place)]))
            elif len(run) >= 2:
                name = _post_nominals_removed(_affiliation_removed(run))  # 'Ronan Gillespie KC' is 'Mr Gillespie'
                if first and _names_country(tokens[first - 1]) and is_organisation(Person(" ".join(name))):
                    first, name = first - 1, [tokens[first - 1], *name]  # 'the U.S. River Works Administration'
                names.setdefault(" ".join(name), _title_before(tokens, first))
    return names


def _names_country(token: str) -> bool:
    return token.replace(".", "") in _COUNTRY_CODES


def _after_a_name(sentence: str, at: int) -> bool:
    before = sentence[:at].split()[-1:]
    return bool(before) and is_name_token(before[0].lstrip('"('))


def first_names(names) -> frozenset:
    """'Danielle' of 'Danielle Okafor': a sentence opening with it opens with a name."""
    firsts = (name.split()[0] for name in names if person_like(Person(name)))
    return frozenset(f for f in firsts if is_name_token(f) and f.lower() not in _OPENERS)


def full_name(name: str, names: dict, common_nouns: frozenset = frozenset(), relatives: frozenset = frozenset()) -> str:
    """A lone surname -> the one full name ending with it, if there is exactly one (else a
    lone first name -> the one full name starting with it); a title
    the article also uses as a noun ('Skipper Tamblyn' beside 'a skipper') is not a first name,
    and of two bearers of a surname, one introduced as the other's relative is not meant."""
    matches = {n for n in names if n.endswith(" " + name)}  # 'Ó Dubhda' -> 'Cathal Ó Dubhda'
    if not matches:  # 'Meridale said', 'Hallam Greaves said' after 'Meridale Health', 'Hallam Greaves Homes'
        shortened = {n for n in names if n.startswith(name + " ") and n.split()[-1].lower() in _ORG_WORDS - _LEGAL_FORMS}
        if len(shortened) == 1:
            return shortened.pop()
    if " " in name and (len(matches) != 1 or name.split()[0] not in _SURNAME_PARTICLES):
        return name
    if len(matches) > 1:
        matches = {n for n in matches if n.split()[0].lower() not in common_nouns} or matches
    if len(matches) > 1:
        matches = {n for n in matches if n not in relatives} or matches
    if not matches and " " not in name:  # 'Kevin told the Bugle' after 'Kevin Ashworth, 58,'
        matches = {n for n in names if n.startswith(name + " ") and n.split()[-1].lower() not in _ORG_WORDS}
        return matches.pop() if len(matches) == 1 else name
    return matches.pop() if len(matches) == 1 else name


def relatives(names, texts: list[str]) -> frozenset:
    """Full names first written after a family word ('his wife of 41 years, Maureen Briggs'):
    news style calls such relatives by first name, so the bare surname is the other bearer's."""
    text = "\n".join(texts)
    surnames = Counter(name.split()[-1] for name in names)
    found = set()
    for name in (n for n in names if surnames[n.split()[-1]] > 1):
        at = text.find(name)
        if at >= 0 and _KIN_BEFORE.search(text[max(0, at - 40) : at]):
            found.add(name)
    return frozenset(found)


def common_nouns(texts: list[str]) -> frozenset:
    """Lower-case words used after a determiner ('a two-term assemblyman', 'the skipper')."""
    return frozenset(word for text in texts for m in _AFTER_DETERMINER.finditer(text) for word in m.groups() if word)


def _name_runs(tokens: list[str], proper):
    """(index, words) of each run of name words; punctuation after a word ends its run."""
    words = [token if token.endswith(".") and is_abbreviation(token) else token.rstrip(",.;:!?") for token in tokens]
    # Only a capitalised word or a particle can be in a name: the others just end a run.
    capitalised = [
        n for n, word in enumerate(words)
        if word[:1].isupper() or word.lower() in _PARTICLES or word == "the" and n and words[n - 1] == "of"
        or word == "on" and _joins_organisation(words, n)
    ]
    run, first = [], 0
    for n in capitalised:
        if run and n != first + len(run):
            yield first, run
            run = []
        word = words[n]
        owner = _possessor(word) if run else ""
        if owner and not _inside_organisation_name(words, n):  # 'Sebastian Kroll's new opera'
            yield first, run + [owner]
            run = []
            continue
        named = _in_name(words, n) and (bool(run) or not _is_particle(words, n)) and (n > 0 or _starts_name(_leading_capitals(tokens), proper))
        if named:
            first = n if not run else first
            run.append(word)
        if run and (not named or word != tokens[n]):
            yield first, run
            run = []
    if run:
        yield first, run


def _possessor(word: str) -> str:
    """'Kroll's' -> 'Kroll' (a name word in the possessive), else ''."""
    owner = word[:-2] if word.endswith("'s") else word[:-1] if word.endswith("s'") else ""
    return owner if owner and is_name_token(owner) else ""


def _leading_capitals(tokens: list[str]) -> list[str]:
    """The capitalised words a sentence opens with, up to the first punctuation."""
    leading = []
    for token in tokens:
        if not token[:1].isupper():
            break
        leading.append(token)
        if token.rstrip(",.;:!?") != token and not is_abbreviation(token):
            break
    return leading


def _after_portfolio_title(tokens: list[str]) -> bool:
    """'Minister for', 'Secretary of': what follows is the portfolio ('Minister for Transport
    Cathal Ó Dubhda'), one word before the name."""
    return len(tokens) >= 2 and tokens[-1] in ("for", "of") and tokens[-2].lower() in _PORTFOLIO_TITLES


def _title_before(tokens: list[str], start: int) -> str:
    titles = []
    for token in reversed(tokens[:start]):
        if token.lower().rstrip(".") not in TITLES and not (is_abbreviation(token) and len(token) > 2):
            break
        titles.insert(0, token)
    return _role(titles, False, named=True)

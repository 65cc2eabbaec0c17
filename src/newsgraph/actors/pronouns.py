"""Pronoun coreference: which entity "he", "his", "it", "its", "they" ... stands for.

Read after names and role nominals are clustered (`cluster.add_references`); adds a
`Mention(kind="pronoun")` to the entity each resolved pronoun refers to. The events layer reads
every mention as a way to name its entity, so an unclear pronoun is left alone rather than
guessed: a wrong actor is worse than a missing one.

The model is Hobbs' tree walk on the dependency parse, with Lappin and Leass' preferences across
sentences, in tiers (the first tier with a compatible candidate wins):

0. Inside the pronoun's own noun phrase: the possessor of an enclosing phrase ("Kim's trip
   outside his country") and the conjunct right before "and his" ("a dinner for Kim and his
   delegation").
1. Up the clauses that govern the pronoun: the object that controls an infinitive ("urged Iran
   to halt its programme"), each clause's subject before the pronoun or the possessor of that
   subject ("Kim's train is headed to Khabarovsk, where he ..."), a main subject after an
   adverbial clause holding the pronoun ("After he landed, Erdogan met ..."); a relative
   pronoun stands for the noun it modifies. A subject that could itself be the referent but
   names no entity ("the official said he", "the plan ... its") stops the search: unclear.
2. A named noun phrase on the way up that the pronoun's phrase modifies.
3. The nearest compatible mention before the pronoun in its sentence, unless an unnamed phrase
   that could be the referent comes first ("praised the army for its courage": unclear).
4. The previous two sentences: their subjects (main clause first, most recent sentence first),
   then their other mentions by Lappin-Leass salience (subject > object > oblique > modifier,
   halved each sentence back). A sentence whose main subject is unnamed ("The plan ...", "The
   official ...") makes anything older unclear for "it" / "he".

The subject of a main clause ("He added ...", "His visit ...", "'...,' it noted") looks first at
the subject of an adverbial clause before it ("Although the IMF ..., it warned"), then at the
first subject of reported words before it ("X refused ..., saying ..., his office said"), then
tier 4, and only then tier 3: what precedes it in its sentence is an adjunct or a quotation.
Outside quotation marks, names inside quotations are no topic ("'Putin is right,' he said").

Constraints: labels (he/she/him/her/his/hers -> PERSON; it/its -> ORG/GPE; they/them/their ->
ORG/GPE/NORP, and only a structural antecedent that is one group, not one of a pair, with no
unnamed plural phrase in between); binding (an object pronoun is not its own verb's subject:
"Putin thanked him"); no pronoun inside a mention; pleonastic "it" ("it is possible that", "it
would be unwise to", "it was reported that", "made it clear", "it was early April") resolves to
nothing. Gender is unknown for names: no first-name guessing, but an entity once resolved as
"he" is not taken for "she" and vice versa.

Cost: one pass over the tokens; each pronoun walks at most `MAX_HOPS` heads up the tree and
looks back over at most `REACH` tokens or candidates of its own and the two previous sentences,
whose candidates are kept incrementally: linear in the text.
"""
from __future__ import annotations

import bisect
from collections import deque
from typing import Optional

from ..document import Document, Entity, Mention
from .knowledge import actor_words

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
THING_PRONOUNS = frozenset(("it", "its"))
GROUP_PRONOUNS = frozenset(("they", "them", "their", "theirs"))
PERSON_LABELS = ("PERSON",)
THING_LABELS = ("ORG", "GPE")
GROUP_LABELS = ("ORG", "GPE", "NORP")

SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
OBJECT_DEPS = frozenset(("dobj", "dative", "iobj", "pobj", "obj"))
ARGUMENT_DEPS = SUBJECT_DEPS | OBJECT_DEPS
CLAUSE_POS = frozenset(("VERB", "AUX"))
RELATIVES = frozenset(("who", "which", "that", "whom"))
QUOTE_MARKS = {"“": True, "”": False, '"': None, "«": True, "»": False}  # None: toggles
MAX_HOPS = 12
WINDOW = 2  # previous sentences searched
REACH = 80  # tokens / candidates a pronoun looks back over within a sentence: a run-on "sentence"
            # (a table, a list without stops) keeps the work per pronoun constant

# "it" that points at nothing: a raising or evaluative predicate with a clause after it
# ("it is possible that", "it would be impolite to"), weather and time ("it rained", "it is time")
RAISING_VERBS = actor_words()["raising_verb"]
WEATHER = actor_words()["weather_verb"]
CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "csubj", "advcl"))
# salience weights (Lappin and Leass 1994): grammatical role of the mention's head
ROLE_WEIGHT = {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "dative": 40, "pobj": 40, "appos": 40,
               "attr": 40, "conj": 40, "poss": 20, "compound": 10, "amod": 10}


class _Sentence:
    """Candidates of one sentence: its subjects and all its mentions, in order."""

    def __init__(self):
        self.subjects: list[tuple[int, Entity, bool, bool]] = []  # (i, entity, main, quoted)
        self.mentions: list[tuple[int, Entity, int, bool]] = []  # (i, entity, weight, quoted)
        self.things: list[int] = []  # unquoted unnamed singular nouns as arguments ("the plan")
        self.topic_thing = False  # ... one of them the main clause's subject or object
        self.topic_person = False  # main subject an unnamed person ("the official", "Wines")


def resolve_pronouns(doc: Document, person_nouns: frozenset = frozenset()) -> list[tuple]:
    """Add a pronoun mention to the entity each resolvable pronoun refers to; return them as
    (token index, entity, mention). `person_nouns` are role nouns ("official", "spokesman") that
    make a subject a possible antecedent of he/she even when no entity names it."""
    sdoc, offset = doc.parse, doc.parse_offset
    if sdoc is None or not doc.entities:
        return []
    heads, covering = _mention_heads(doc)
    gender: dict[str, str] = {}
    history: deque[_Sentence] = deque(maxlen=WINDOW)
    out = []
    quoted = False
    for sent in sdoc.sents:
        here = _Sentence()
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                quoted = False  # an unclosed quote ends with its paragraph
            elif tok.text in QUOTE_MARKS:
                quoted = QUOTE_MARKS[tok.text] if QUOTE_MARKS[tok.text] is not None else not quoted
            ent = heads.get(tok.i)
            low = tok.lower_
            if ent is None and tok.tag_ in ("PRP", "PRP$") and _is_target(low):
                if tok.i not in covering and not (low == "it" and pleonastic(tok)):
                    ent = _resolve(tok, sent.start, heads, covering, here, history, gender,
                                   person_nouns, quoted)
                    if ent is not None:
                        heads[tok.i] = ent
                        if low in PERSON_PRONOUNS:
                            gender.setdefault(ent.id, PERSON_PRONOUNS[low])
                        m = Mention(tok.idx + offset, tok.idx + len(tok.text) + offset, "pronoun")
                        out.append((tok.i, ent, m))
            if ent is not None:
                _note(tok, ent, here, heads, quoted)
            elif tok.tag_ == "NN" and tok.dep_ in ARGUMENT_DEPS and not quoted and \
                    tok.i not in covering:
                here.things.append(tok.i)
                here.topic_thing |= tok.dep_ != "pobj" and _main_clause(tok.head)
            if ent is None and tok.dep_ == "nsubj" and not quoted and tok.i not in covering and \
                    (tok.tag_ == "NNP" or tok.lower_ in person_nouns) and _main_clause(tok.head):
                here.topic_person = True
        history.appendleft(here)
    touched = {}
    for _, ent, m in out:
        ent.mentions.append(m)
        touched[ent.id] = ent
    for ent in touched.values():
        ent.mentions.sort(key=lambda x: x.start)
    return out


def _is_target(low: str) -> bool:
    return low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in GROUP_PRONOUNS


def _mention_heads(doc: Document) -> tuple[dict[int, Entity], set[int]]:
    """Token index of each mention's syntactic head -> entity (the longer mention wins, so
    "the Russian leader" is Putin at "leader"), and every token inside a mention."""
    sdoc, offset = doc.parse, doc.parse_offset
    starts = [t.idx for t in sdoc]
    heads: dict[int, tuple[int, Entity]] = {}
    covering: set[int] = set()
    for ent in doc.entities:
        for m in ent.mentions:
            a = bisect.bisect_left(starts, m.start - offset)
            b = bisect.bisect_left(starts, m.end - offset)
            if a >= b:
                continue
            covering.update(range(a, b))
            head = next((i for i in range(a, b) if not a <= sdoc[i].head.i < b), b - 1)
            if head not in heads or heads[head][0] < b - a:
                heads[head] = (b - a, ent)
    return {i: e for i, (_, e) in heads.items()}, covering


def _note(tok, ent: Entity, here: _Sentence, heads: dict, quoted: bool) -> None:
    """Record a mention head as a candidate of its sentence, with its salience."""
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        here.subjects.append((tok.i, ent, _main_clause(tok.head), quoted))
    elif dep == "poss" and tok.head.dep_ in SUBJECT_DEPS and tok.head.i not in heads:
        here.subjects.append((tok.i, ent, _main_clause(tok.head.head), quoted))  # "Kim's train"
    here.mentions.append((tok.i, ent, ROLE_WEIGHT.get(dep, 30), quoted))


def _main_clause(verb) -> bool:
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _labels(low: str) -> tuple:
    if low in PERSON_PRONOUNS:
        return PERSON_LABELS
    if low in THING_PRONOUNS:
        return THING_LABELS
    return GROUP_LABELS


def pleonastic(tok) -> bool:
    """An "it" that refers to nothing: "it is possible that ...", "it would be impolite to ...",
    "it was reported that ...", "it seems", "it rained", "makes it clear that"."""
    head = tok.head
    if tok.dep_ == "expl":
        return True
    lemma = head.lemma_.lower()
    if lemma in WEATHER:
        return True
    after = [c for c in head.children if c.i > tok.i]
    clause = any(c.dep_ in CLAUSE_DEPS or c.dep_ in ("acomp", "oprd", "attr") and
                 any(g.dep_ in CLAUSE_DEPS for g in c.children) for c in after)
    if tok.dep_ == "nsubj":
        if head.pos_ == "ADJ":
            return True  # "made it clear that", "found it hard to"
        if lemma == "be":
            return clause or any(c.dep_ == "acomp" for c in after) or \
                any(c.ent_type_ in ("DATE", "TIME") for c in after) or \
                any(c.dep_ == "attr" and c.lower_ in ("time", "clear") for c in after)
        return lemma in RAISING_VERBS and clause
    if tok.dep_ == "nsubjpass":
        return clause  # "it was reported that", "it is expected to"
    if tok.dep_ == "dobj":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.pos_ == "ADJ" and nxt.head is head  # "made it clear"
    return False


def _resolve(pron, start, heads, covering, here, history, gender, person_nouns,
             quoted) -> Optional[Entity]:
    """The entity `pron` refers to by the tiers of the module docstring, or None if unclear."""
    low = pron.lower_
    labels = _labels(low)
    sex = PERSON_PRONOUNS.get(low)
    banned = _bound(pron, heads)

    def ok(ent: Optional[Entity]) -> bool:
        return ent is not None and ent.label in labels and ent.id not in banned \
            and (sex is None or gender.get(ent.id, sex) == sex)

    walked = _walk(pron, heads, labels, ok, person_nouns)
    if walked is not None:
        ent = walked[0]
        if ent is None:
            return None  # the structural antecedent names no entity: unclear
        if low in GROUP_PRONOUNS and not _group(walked[1], pron, covering):
            return None
        return ent
    if low in GROUP_PRONOUNS:
        return None  # "they" across sentences or by proximity is too often people unnamed
    main_subject = pron.dep_ in SUBJECT_DEPS and _main_clause(pron.head) or \
        pron.dep_ == "poss" and pron.head.dep_ in SUBJECT_DEPS and _main_clause(pron.head.head)
    if main_subject:
        # "Although the IMF kept its forecast, it warned ...": the subject of a subordinate
        # clause before the pronoun, or the first subject of reported words ("Katsav refused
        # ..., his office said"); never a subject inside quotation marks ("'Putin is right,'
        # he said") or an adjunct ("In Moscow, he ..."): then the previous subjects
        earlier = _fronted_subject(pron, heads, ok) or \
            next((e for _, e, _, q in here.subjects[:REACH] if ok(e) and not q), None)
        if earlier is None and low in THING_PRONOUNS and here.things:
            return None  # "On the plan, it said ...": the unnamed thing may be what "it" is
        earlier = earlier or _previous(history, ok, low, quoted)
        if earlier is not None:
            return earlier
    near = _nearest(pron, start, heads, covering, ok, person_nouns, main_subject)
    if near is False:
        return None  # an unnamed phrase nearer than any entity could be the referent
    return near if near is not None else _previous(history, ok, low, quoted)


def _fronted_subject(pron, heads, ok) -> Optional[Entity]:
    """The subject of an adverbial clause before a main-clause pronoun ("When X ..., he")."""
    verb = pron.head.head if pron.dep_ == "poss" else pron.head
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i < pron.i:
            for subj in clause.children:
                if subj.dep_ in SUBJECT_DEPS:
                    ent = _np_entity(subj, heads)
                    if ok(ent):
                        return ent
    return None


def _previous(history, ok, low: str, quoted=False) -> Optional[Entity]:
    """Tier 4: the subjects of the last sentences (main clause first, most recent sentence
    first), then the most salient compatible mention, salience halving each sentence back.
    For "it", a sentence whose main subject or object is an unnamed thing ("The plan was
    ...") makes any older name unclear, and so does for "he" and "she" an unnamed person
    ("The official said ...", a name the tagger missed). Outside quotation marks, names in
    quoted words are no topic ("'... Obama and Michelle would do it. But it's not enough,' she
    said")."""
    for sent in history:
        for main in (True, False):
            for _, ent, is_main, in_quote in reversed(sent.subjects[-REACH:]):
                if is_main == main and ok(ent) and (quoted or not in_quote):
                    return ent
            if main and (sent.topic_thing and low in THING_PRONOUNS or
                         sent.topic_person and low in PERSON_PRONOUNS):
                return None
    best, best_score = None, 0.0
    for age, sent in enumerate(history):
        score: dict[str, float] = {}
        ents = {}
        for _, ent, weight, in_quote in sent.mentions[-REACH:]:
            if ok(ent) and (quoted or not in_quote):
                score[ent.id] = max(score.get(ent.id, 0), (100 + weight) / 2 ** (age + 1))
                ents[ent.id] = ent
        for eid, s in score.items():
            if s > best_score:
                best, best_score = ents[eid], s
    return best


def _nearest(pron, start, heads, covering, ok, person_nouns, main_subject=False):
    """Tier 3: the nearest compatible entity before the pronoun in its sentence; False when an
    argument phrase that names no entity but could be the referent comes first ("lauded the
    army for its ..."); None when the sentence has no candidate."""
    thing = pron.lower_ in THING_PRONOUNS
    for i in range(pron.i - 1, max(start, pron.i - REACH) - 1, -1):
        ent = heads.get(i)
        if ent is not None and ok(ent):
            return ent
        tok = pron.doc[i]
        if i in covering or tok.dep_ not in ARGUMENT_DEPS or main_subject:
            continue
        if thing and tok.tag_ == "NN" or not thing and tok.lower_ in person_nouns:
            return False
    return None


def _bound(pron, heads) -> set[str]:
    """Principle B: a non-possessive object pronoun is not its own verb's subject."""
    if pron.dep_ not in OBJECT_DEPS:
        return set()
    verb = pron.head
    if pron.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    out = set()
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            ent = _np_entity(c, heads)
            if ent is not None:
                out.add(ent.id)
    return out


def _np_entity(tok, heads) -> Optional[Entity]:
    """The entity a noun phrase headed by `tok` names: its head's mention, an appositive's
    ("the spokesman, Dmitry Peskov"), or for a relative pronoun the noun it modifies."""
    ent = heads.get(tok.i)
    if ent is not None:
        return ent
    if tok.lower_ in RELATIVES and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return heads.get(tok.head.head.i)
    for c in tok.children:
        if c.dep_ == "appos" and c.i in heads:
            return heads[c.i]
    return None


def _walk(pron, heads, labels, ok, person_nouns):
    """Tiers 0-2: Hobbs' walk up the dependency tree. Returns (entity or None, the antecedent
    phrase's head) for the first plausible antecedent phrase, or None when the walk finds none."""
    weak = None
    if pron.dep_ == "poss" and pron.i >= 2 and pron.nbor(-1).lower_ in ("and", "or"):
        ent = _np_entity(pron.nbor(-2), heads)
        if ok(ent):
            return ent, pron.nbor(-2)  # "a dinner for Scholz and his delegation", however parsed
    node, child = pron, pron
    for _ in range(MAX_HOPS):
        if node.head is node:
            break
        child, node = node, node.head
        if node.pos_ in CLAUSE_POS:
            if child.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                for obj in node.children:  # "urged Iran to halt its programme": the controller
                    if obj.dep_ == "dobj" and obj.i < pron.i and ok(_np_entity(obj, heads)):
                        return _np_entity(obj, heads), obj
            for subj in (c for c in node.children if c.dep_ in SUBJECT_DEPS):
                if subj is child:
                    continue
                if subj.i > pron.i:
                    if child.dep_ in ("advcl", "prep") and child.i < subj.i and pron.dep_ != "poss":
                        ent = _np_entity(subj, heads)  # "Saying he was pleased, Kim thanked ..."
                        if ok(ent):
                            return ent, subj
                    continue
                found = _subject_antecedent(subj, heads, labels, ok, person_nouns)
                if found is not None:
                    return found
            if weak is not None:
                return weak
            continue
        if node.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if child.dep_ == "conj" and node.i < pron.i:
            ent = _np_entity(node, heads)
            if ok(ent):
                return ent, node  # "Kim and his delegation"
        for c in node.children:
            if c.dep_ == "poss" and c is not child and c.i < pron.i:
                ent = _np_entity(c, heads)
                if ok(ent):
                    return ent, c  # "Kim's trip outside his country"
        if weak is None and node.i < pron.i and child.dep_ == "prep":
            ent = _np_entity(node, heads)
            if ok(ent):
                weak = (ent, node)
    return weak


def _subject_antecedent(subj, heads, labels, ok, person_nouns):
    """A governing clause's subject as antecedent: its entity, else its possessor's, else
    (entity None, subject) when the subject could itself be the referent, else None."""
    ent = _np_entity(subj, heads)
    if ent is not None:
        if ok(ent):
            return ent, subj
        poss = _possessor(subj, heads, ok)
        return None if poss is None else (poss, subj)
    poss = _possessor(subj, heads, ok)
    if poss is not None:
        if labels is THING_LABELS and subj.tag_ == "NN":
            return None, subj  # "Russia's military said its ...": the military, unnamed
        return poss, subj
    if subj.pos_ == "PRON" or subj.tag_ in ("WP", "WDT"):
        return None
    if labels is PERSON_LABELS and subj.lower_ in person_nouns:
        return None, subj  # "the official said he": someone unnamed
    if labels is THING_LABELS and subj.tag_ == "NN":
        return None, subj  # "the plan ... its"
    if labels is GROUP_LABELS and subj.tag_ == "NNS":
        return None, subj  # "officials said they"
    return None


def _possessor(noun, heads, ok) -> Optional[Entity]:
    for c in noun.children:
        if c.dep_ == "poss":
            ent = _np_entity(c, heads)
            if ok(ent):
                return ent
    return None


def _group(head, pron, covering) -> bool:
    """A "they" antecedent that is clear: one group ("Hamas said they"), not one of a pair
    ("Russia and China said they"), and no unnamed plural phrase between it and the pronoun
    ("Uganda paid 67 nationals for assets they lost")."""
    if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return False
    doc = pron.doc
    if pron.i - head.i > REACH:
        return False
    for i in range(head.i + 1, pron.i):
        tok = doc[i]
        if tok.tag_ in ("NNS", "NNPS") and i not in covering:
            return False
    return True

"""The grammar of temporal expressions: the rule table, one compiled regular expression per
kind of expression, each with the value function (values.py) that turns a match into (TIMEX3
type, value), and the trigger strings that let find.py skip a rule on a text.

Spans follow the TempEval-3 conventions: a preposition before the expression is outside it ("on
[Friday]", "in [July]"), a determiner and modifiers are inside ("[the third quarter]", "[less
than a week]", "[early next year]"). The patterns are here and the values in values.py, so that
what a rule matches can be read apart from what it means.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .context import Context, Value
from .lexicon import TimeWords, load_words
from .values import (v_ago, v_bare_plural, v_century, v_decade, v_deictic_day, v_duration,
                     v_every, v_half, v_holiday, v_iso, v_lexicon, v_long, v_month_any,
                     v_month_day, v_noon, v_part_of_unit, v_quarter, v_quarter_ref, v_ref,
                     v_rel_duration, v_relative_unit, v_season_year, v_slash, v_spoken_year,
                     v_that_year, v_the_season, v_the_year, v_this_century, v_this_pod, v_time,
                     v_times_a, v_week_of, v_weekday, v_weekend, v_year, v_year_ago_adj,
                     v_year_end)


@dataclass(frozen=True)
class Rule:
    """One kind of expression. `triggers`: lower-case strings one of which every match contains
    (a rule is skipped, at no cost, on a text without any); a group named `expr` in the pattern,
    when present, is the expression (the rest is context, as "for" in "for [years]")."""

    name: str
    pattern: "re.Pattern[str]"
    value: Callable[["re.Match[str]", Context], Value]
    triggers: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Pieces of patterns

def _pieces(w: TimeWords) -> dict[str, str]:
    full_months = [k for k in w.month if (len(k) > 3 and k != "sept") or k == "may"]
    abbr_months = [k for k in w.month if k not in full_months]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num_word = w.alternation("number")
    return {
        "MONTH": r"(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + r"|(?:"
                 + "|".join(sorted(abbr_months, key=len, reverse=True)) + r")\.?)",
        "FULLMONTH": r"(?:" + "|".join(sorted(full_months, key=len, reverse=True)) + r")",
        "WD": w.alternation("weekday"),
        "NUM": r"(?:\d+(?:\s+1/2|[.,]\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|(?:" + tens + r")[\s-](?:" + ones + r")|" + num_word
               + r"|a\s+few|few|several|many|some|a\s+number\s+of|a\s+couple(?:\s+of)?|couple\s+of)",
        "ORD": r"(?:\d{1,2}(?:st|nd|rd|th)|" + w.alternation("ordinal", exclude=("last",)) + r")",
        "UNIT": r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|"
                r"years?|decades?|century|centuries|millenni(?:um|a))",
        "POD": r"(?:morning|afternoon|evening|night)",
        "SEASON": w.alternation("season"),
        "MOD": r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
               r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)",
        # quantifiers that TempEval spans include ("[nearly two years]", "[less than a week]");
        # "about", "over", "only", "just" stay outside ("about [five hours]")
        "QUANT": r"(?:around|approximately|roughly|nearly|some|(?:no\s+)?more\s+than|"
                 r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|"
                 r"well\s+over|well\s+under|a\s+full|an\s+entire|a\s+whole)",
        "YEAR": r"(?:1[6-9]\d\d|20\d\d)",
        # a year in digits or as broadcast transcripts spell it ("nineteen ninety-seven")
        "ANYYEAR": r"(?:1[6-9]\d\d|20\d\d|(?:nineteen|twenty)[\s-](?:(?:twenty|thirty|forty|fifty|sixty|"
                   r"seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|"
                   r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))",
    }


def _compile(pattern: str, pieces: dict[str, str], flags=re.I) -> "re.Pattern[str]":
    for key, alt in pieces.items():
        pattern = pattern.replace("«" + key + "»", alt)
    return re.compile(pattern, flags)


# ---------------------------------------------------------------------------------------------
# The rules

def build_rules(w: TimeWords | None = None) -> list[Rule]:
    """The grammar, compiled once. Order breaks ties between equally long matches."""
    w = w or load_words()
    p = _pieces(w)
    holidays = w.alternation("holiday") + r"|Thanksgiving(?:\s+Day)?"
    specs = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?\b", v_iso),
        ("slash", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", v_slash),
        ("month_day", r"\b(?:(?P<wd>«WD»),?\s+)?(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                      r"\b(?!:\d)(?:,?\s+(?P<y>«YEAR»)\b)?", v_month_day),
        ("day_month", r"\b(?:(?P<wd>«WD»),?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                      r"(?P<mon>«MONTH»)(?:,?\s+(?P<y>«YEAR»))?\b", v_month_day),
        ("month", r"\b(?:(?P<mod>«MOD»)[\s-]+)?(?:(?P<mon>«FULLMONTH»)\b(?:,?\s+(?:of\s+)?(?P<y>«ANYYEAR»)\b|"
                  r"\s+(?P<rel>this|last|next)\s+year\b)?"
                  r"|(?P<mon_abbr>«MONTH»)\s+(?P<y2>«YEAR»)\b)", None),
        ("year", r"(?<![\w$£€.,/-])(?:(?P<mod>«MOD»)[\s-]+)?(?P<fiscal>fiscal\s+(?:year\s+)?)?"
                 r"(?P<y>«YEAR»)(?!['’]?s\b)(?![\w/-]|[.,]\d)", v_year),
        ("season_year", r"\b(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?(?P<s>«SEASON»)\s+(?:of\s+)?(?P<y>«ANYYEAR»)\b",
         v_season_year),
        ("decade", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)['’]?s\b",
         v_decade),
        ("century", r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<ord>«ORD»)[\s-]+century\b", v_century),
        ("quarter", r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year['’]s\s+)?(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|"
                    r"3rd|4th|final)[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<y>«YEAR»))?",
         v_quarter),
        ("quarter_ref", r"\bthe\s+(?:(?P<prev>year[\s-]earlier|year[\s-]ago|comparable|prior[\s-]year|"
                        r"previous[\s-]year['’]s|same)\s+|(?P<latest>latest|current|most\s+recent|recent)\s+|"
                        r"(?P<y>«YEAR»)\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?P<ord>first|second|third|fourth|"
                        r"1st|2nd|3rd|4th)[\s-]+)?(?P<unit>quarter|period)\b(?!-)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
         v_quarter_ref),
        ("half", r"\b(?:the\s+)?(?P<h>first|second|1st|2nd|last|latter)[\s-]+half\b(?:\s+of\s+(?:(?P<y>«YEAR»)\b|"
                 r"(?P<rel>the|this|next|last)\s+year\b)|(?=\s+(?:results|earnings|profits?)))",
         v_half),
        ("deictic_day", r"\b(?P<w>today|tonight|yesterday|tomorrow)(?:['’]s)?"
                        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", v_deictic_day),
        ("this_pod", r"\b(?:(?:early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
                     r"(?P<pod>morning|afternoon|evening|night)\b", v_this_pod),
        ("weekday", r"\b(?:(?:earlier|later|early|late)\s+)?(?:(?P<rel>last|this|next|coming|past|previous)\s+)?"
                    r"(?P<wd>«WD»)(?:(?P<pl>s)\b)?(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<pl2>s)?\b)?",
         v_weekday),
        ("relative_unit", r"\b(?:(?:earlier|later|early|late|the\s+end\s+of|the\s+beginning\s+of|"
                          r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|mid[\s-])\s*)?"
                          r"(?P<rel>this(?:\s+past)?|last|next|previous|coming|current)\s+(?P<unit>week|weekend|month|year|"
                          r"quarter|decade|«SEASON»|«FULLMONTH»)\b", v_relative_unit),
        ("week_of", r"\b(?:the\s+)?week\s+of\s+(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>«YEAR»)\b)?",
         v_week_of),
        ("weekend", r"\bthe\s+weekend\b", v_weekend),
        ("the_year", r"\bthe\s+(?:(?:full|fiscal|latest|current|whole|entire|calendar)\s+)*year\b"
                     r"(?![\w-]|\s+(?:ago|earlier|later|before|after|of|\d|two|to\b))(?:['’]s\s+end)?", v_the_year),
        ("year_end", r"\b(?:year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+the\s+year)\b",
         v_year_end),
        ("year_ago_adj", r"\byear[\s-](?:earlier|ago)\b(?=\s+[a-z])", v_year_ago_adj),
        ("spoken_year", r"\b(?:the\s+year\s+)?(?P<c>nineteen|twenty|two\s+thousand)(?:[\s-](?P<t>ten|eleven|twelve|"
                        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                        r"sixty|seventy|eighty|ninety)(?:[\s-](?P<o>one|two|three|four|five|six|seven|eight|nine))?)?\b",
         v_spoken_year),
        ("the_season", r"\bthe\s+(?:(?:early|late)\s+)?(?P<s>«SEASON»)\b(?!\s+of)", v_the_season),
        ("this_century", r"\b(?P<rel>this|last|next)\s+(?P<unit>century)\b", v_this_century),
        ("part_of_unit", r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+(?:the|this)\s+"
                         r"(?P<unit>week|month|year|decade|century)\b", v_part_of_unit),
        ("ago", r"\b(?:(?:about|some|more\s+than|less\s+than|nearly|almost|only|just|roughly|around|over)\s+)?"
                r"(?P<n>«NUM»)[\s-]+(?P<unit>«UNIT»)\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b",
         v_ago),
        ("duration", r"\b(?:(?P<q>«QUANT»)\s+)?(?:the\s+(?P<rel>past|last|next|first|previous|coming|"
                     r"following|final|latest|initial|remaining|same|other)\s+)?(?P<n>«NUM»)"
                     r"(?P<more>\s+(?:more|full|entire|whole|straight|consecutive|additional|long))?[\s-]+"
                     r"(?P<unit>«UNIT»)\b(?P<and>,?\s+and\s+(?:a\s+half|«NUM»\s+«UNIT»)\b)?", v_duration),
        ("rel_duration", r"\bthe\s+(?P<rel>past|last|next|coming)\s+(?P<unit>year|month|"
                         r"week|decade|century|hours?|days?)\b(?!\s+(?:of|'s))", None),
        ("bare_plural", r"\b(?:for|within|in|over)\s+(?P<expr>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))\b"
                        r"(?!\s+(?:of|ago|later|earlier|before|after))", v_bare_plural),
        ("long", r"\b(?:(?P<n>«NUM»)-)?(?P<unit>«UNIT»)-long\b", v_long),
        ("that_year", r"\b(?:(?P<mod>later|earlier|early|late)\s+(?:in\s+)?)?(?P<rel>that|the\s+same|the\s+following|"
                      r"the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+year\b(?!\s+(?:of|ended|ending))",
         v_that_year),
        ("recent_plural", r"\b(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?(?P<unit>days|weeks|months|quarters|years|decades)\b",
         v_bare_plural),
        ("time", r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.?|am\b|pm\b)"
                 r"(?:\s+(?P<tz>[A-Z]{2,4}T|EST|EDT|GMT|UTC|ET)\b)?"
                 r"(?:,?\s+(?:on\s+)?(?:(?P<day>«WD»|today|yesterday|tomorrow|tonight)\b|"
                 r"(?P<mon>«MONTH»)\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>«YEAR»)\b)?))?", v_time),
        ("noon", r"\b(?P<w>noon|midday|midnight)(?:,?\s+(?P<day>«WD»|today|yesterday|tomorrow)\b)?", v_noon),
        ("every", r"\b(?:every|each|per)\s+(?:(?P<n>«NUM»)\s+)?(?P<unit>«UNIT»|«WD»|«FULLMONTH»)\b", v_every),
        ("times_a", r"\b(?:once|twice|(?:\w+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit>«UNIT»)\b",
         v_times_a),
        ("set_word", r"\b" + w.alternation("set") + r"\b", v_lexicon("set", "SET")),
        ("ref", r"\b" + w.alternation("ref") + r"\b", v_ref),
        ("holiday", r"\b(?P<name>" + holidays + r")(?:\s+(?P<y>«YEAR»))?\b", v_holiday),
    ]
    value_fns = {"month": v_month_any, "rel_duration": v_rel_duration}
    triggers = dict(TRIGGERS, set=tuple(w.set), holiday=tuple(h.split()[0].lower() for h in w.holiday) + ("thanksgiving",),
                    the_season=tuple(w.season))
    return [Rule(name, _compile(pattern, p), fn or value_fns[name], triggers.get(name, ()))
            for name, pattern, fn in specs]


# Strings one of which every match of the rule contains (lower case): a rule whose triggers are
# all absent from a text is not run on it. Rules without an entry always run.
TRIGGERS = {
    "iso": ("-",), "slash": ("/",), "decade": ("0s", "0's", "0’s"), "century": ("century",),
    "quarter": ("quarter",), "quarter_ref": ("quarter", "period"), "half": ("half",),
    "deictic_day": ("today", "tonight", "yesterday", "tomorrow"),
    "this_pod": ("morning", "afternoon", "evening", "night"), "week_of": ("week of",),
    "weekend": ("weekend",), "the_year": ("year",), "year_end": ("year",), "year_ago_adj": ("year",),
    "spoken_year": ("nineteen", "twenty", "thousand"), "this_century": ("century",),
    "part_of_unit": (" of th",), "ago": ("ago", "earlier", "later", "from now", "hence"),
    "rel_duration": ("the past", "the last", "the next", "the coming"),
    "bare_plural": ("s",), "long": ("-long",), "that_year": ("year",),
    "recent_plural": ("recent", "past", "last"), "time": ("a.m", "p.m", "am", "pm"),
    "noon": ("noon", "midday", "midnight"), "every": ("every", "each", "per "), "times_a": ("once", "twice", "times"),
    "relative_unit": ("this", "last", "next", "previous", "coming", "current"),
}


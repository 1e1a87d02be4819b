"""Small pure helpers for cell values: dates, emails, LinkedIn URLs, organization names."""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from datetime import date
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)\.?[ -,]*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(text: str) -> date | None:
    """A calendar date as LinkedIn or a spreadsheet writes it; None when empty.

    Month names are read in English whatever the machine's locale.

    >>> parse_day("12 Mar 2024"), parse_day("2024-03-12"), parse_day("1 September 2023")
    (datetime.date(2024, 3, 12), datetime.date(2024, 3, 12), datetime.date(2023, 9, 1))
    >>> parse_day("")
    >>> parse_day("31 Feb 2024")
    Traceback (most recent call last):
    ...
    ValueError: '31 Feb 2024' is not a date
    """
    text = text.strip()
    if not text:
        return None
    try:
        if match := _ISO.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if (match := _DAY_MONTH_YEAR.fullmatch(text)) and match[2].lower() in _MONTHS:
            return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date")


_BIRTHDAY = re.compile(r"(\d{4}|-)-(\d{2})-(\d{2})")


def parse_birthday(text: str) -> str:
    """A birthday as ISO text; ``--MM-DD`` (no year, as Google writes it) is kept.

    >>> parse_birthday("--03-14"), parse_birthday("1990-03-14"), parse_birthday("19900314")
    ('--03-14', '1990-03-14', '1990-03-14')
    >>> parse_birthday("someday")
    Traceback (most recent call last):
    ...
    ValueError: 'someday' is not a birthday (YYYY-MM-DD or --MM-DD)
    """
    text = text.strip()
    if not text:
        return ""
    compact = re.fullmatch(r"(\d{4}|--)(\d{2})(\d{2})", text)
    if compact:
        text = f"{compact[1]}-{compact[2]}-{compact[3]}".replace("---", "--")
    match = _BIRTHDAY.fullmatch(text)
    if match:
        year = 2000 if match[1] == "-" else int(match[1])  # 2000 is a leap year: --02-29 is fine
        try:
            date(year, int(match[2]), int(match[3]))
        except ValueError:
            pass
        else:
            return f"{'-' if match[1] == '-' else match[1]}-{match[2]}-{match[3]}"
    raise ValueError(f"{text!r} is not a birthday (YYYY-MM-DD or --MM-DD)")


def split_values(text: str, separator: str = " ::: ") -> tuple[str, ...]:
    """Google's multi-value cells: ``"a@x.org ::: b@y.org"``; blanks dropped.

    >>> split_values("a@x.org ::: b@y.org :::  ")
    ('a@x.org', 'b@y.org')
    """
    return tuple(part.strip() for part in text.split(separator.strip()) if part.strip())


_YES = {"true", "yes", "y", "1", "x"}
_NO = {"false", "no", "n", "0", ""}


def parse_flag(text: str) -> bool:
    """A yes/no cell as spreadsheets and coffeechat's export write it.

    >>> parse_flag("true"), parse_flag("Yes"), parse_flag(""), parse_flag("0")
    (True, True, False, False)
    >>> parse_flag("maybe")
    Traceback (most recent call last):
    ...
    ValueError: 'maybe' is not yes or no
    """
    word = text.strip().lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise ValueError(f"{text.strip()!r} is not yes or no")


def parse_cadence(text: str) -> int | None:
    """A stay-in-touch cadence in days (1-365); None when empty.

    >>> parse_cadence("30"), parse_cadence(" "), parse_cadence("45.0")
    (30, None, 45)
    >>> parse_cadence("0")
    Traceback (most recent call last):
    ...
    ValueError: '0' is not a number of days from 1 to 365
    """
    text = text.strip()
    if not text:
        return None
    try:
        days = float(text)
    except ValueError:
        days = 0.0
    if days != int(days) or not 1 <= days <= 365:
        raise ValueError(f"{text!r} is not a number of days from 1 to 365")
    return int(days)


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone this machine knows.

    >>> is_time_zone("Europe/Berlin"), is_time_zone("Mars/Olympus"), is_time_zone("")
    (True, False, False)
    """
    return bool(name) and name in _time_zones()


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


_SCHEME = re.compile(r"^[a-z]+://")
_HOST_PREFIX = re.compile(r"^(www|[a-z]{2})\.")


@lru_cache(maxsize=65_536)  # a row's URL is keyed three or four times while it is matched
def linkedin_key(url: str) -> str:
    """A LinkedIn profile URL reduced to what identifies the person.

    >>> linkedin_key("https://www.LinkedIn.com/in/Ada-Lovelace/?trk=x")
    'linkedin.com/in/ada-lovelace'
    >>> linkedin_key("http://linkedin.com/in/ada-lovelace"), linkedin_key("")
    ('linkedin.com/in/ada-lovelace', '')
    """
    key = url.strip().lower()
    key = _SCHEME.sub("", key)
    key = _HOST_PREFIX.sub("", key)
    key = key.split("?", 1)[0].split("#", 1)[0]
    return key.rstrip("/")


def is_linkedin_profile(url: str) -> bool:
    """Whether a URL is a person's LinkedIn profile.

    >>> is_linkedin_profile("https://www.linkedin.com/in/ada"), is_linkedin_profile("x.org")
    (True, False)
    """
    return linkedin_key(url).startswith("linkedin.com/in/")


def full_url(url: str) -> str:
    """A URL with its scheme, as Django's URLField wants it.

    >>> full_url("www.linkedin.com/in/ada"), full_url("https://x.org")
    ('https://www.linkedin.com/in/ada', 'https://x.org')
    """
    url = url.strip()
    if url and not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        return "https://" + url
    return url


_LEGAL_SUFFIXES = {
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "ag",
    "sa",
    "plc",
    "llp",
    "lp",
    "bv",
    "pty",
    "srl",
}


@lru_cache(maxsize=65_536)  # an import asks for the same few hundred employers again and again
def organization_key(name: str) -> str:
    """The form two organization names are compared in.

    Case, accents, punctuation and the legal form are ignored, so the same
    employer written by LinkedIn, Google and a spreadsheet becomes one row.

    >>> organization_key("Acme, Inc.") == organization_key("Acme Inc") == organization_key("ACME")
    True
    >>> organization_key("Société Générale S.A."), organization_key("  ")
    ('societe generale', '')
    >>> organization_key("Inc.")  # a name that is only a legal form stays itself
    'inc'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text)  # S.A. -> SA, L.L.C. -> LLC
    text = text.replace("&", " and ")
    words = re.sub(r"[^\w]+", " ", text).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def clean_organization_name(name: str) -> str:
    """The name as shown: spaces tidied, trailing comma dropped.

    >>> clean_organization_name("  Acme,   Inc. "), clean_organization_name("Globex,")
    ('Acme, Inc.', 'Globex')
    """
    return " ".join(name.split()).strip(" ,;")

"""Distinct text for the engines at scale: a guide of N pages a language made from the real
sections, each copy's words replaced, so that no two pages repeat and the vocabulary grows with
the site as a real guide's does (Heaps' law: about size^0.55), rather than six pages copied.

The first copy of every section is the real one (the suite's queries still have their answers,
now among thousands of other sections). In the others each word of four letters or more that is
not capitalised (names, kept) is replaced by an invented word of the language: made by a model
of the language's letter sequences (trigrams of its real words), so that it reads like French or
Spanish to a compressor and to an engine's stemmer. Numbers, punctuation and short words stay:
the text keeps the rhythm of real prose, and compresses about as well.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import defaultdict

WORD = re.compile(r"[^\W\d_]+")
GROWTH = 0.55  # Heaps' law exponent: vocabulary ~ text size ^ GROWTH


class Lexicon:
    """Invented words of a language, from the trigrams of its real words."""

    def __init__(self, real_words: list[str], seed: str):
        self.random = random.Random(seed)
        self.next = defaultdict(list)
        for word in real_words:
            padded = f"^^{word.lower()}$"
            for at in range(len(padded) - 2):
                self.next[padded[at:at + 2]].append(padded[at + 2])
        self.lengths = [len(word) for word in real_words if len(word) >= 4] or [6]

    def word(self) -> str:
        wanted = self.random.choice(self.lengths)
        while True:
            made, state = "", "^^"
            while len(made) < 20:
                letter = self.random.choice(self.next[state])
                if letter == "$":
                    break
                made += letter
                state = state[1] + letter
            if len(made) >= 4 and abs(len(made) - wanted) <= 3:
                return made

    def words(self, count: int) -> list[str]:
        seen, made = set(), []
        while len(made) < count:
            word = self.word()
            if word not in seen:
                seen.add(word)
                made.append(word)
        return made


def distinct_sections(sections: list[dict], pages: int, locale: str) -> list[dict]:
    """The sections of a guide of `pages` pages, made from a language's real sections (each
    {location, title, text}; a page's sections share the location's part before "#"): page k is
    real page k mod P, the first P the real ones, the others with their words replaced (see the
    module's docstring) and their locations made unique (`copy-0007/faq/#refund`)."""
    by_page: dict[str, list[dict]] = {}
    for section in sections:
        by_page.setdefault(section["location"].split("#")[0], []).append(section)
    real = list(by_page.values())
    real_words = [word for section in sections for word in WORD.findall(section["title"] + " " + section["text"])]
    vocabulary = {word.lower() for word in real_words if len(word) >= 4}
    size = int(len(vocabulary) * (pages / len(real)) ** GROWTH)
    lexicon = Lexicon(real_words, seed=f"{locale}-{pages}").words(size)

    def replaced(text: str, copy: int) -> str:
        def swap(match: re.Match) -> str:
            word = match.group(0)
            if len(word) < 4 or word[0].isupper():
                return word
            return lexicon[zlib.crc32(f"{copy}:{word.lower()}".encode()) % size]

        return WORD.sub(swap, text)

    made = []
    for number in range(pages):
        copy = number // len(real)
        for section in real[number % len(real)]:
            if copy == 0:
                made.append(dict(section))
            else:
                made.append({**section, "location": f"copy-{copy:04d}/{section['location']}",
                             "title": replaced(section["title"], copy), "text": replaced(section["text"], copy)})
    return made

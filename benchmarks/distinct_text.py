"""Distinct text for the benchmarks at scale (benchmarks.engines, benchmarks.scale): a guide of
N pages a language made from the real ones, each copy's words replaced, so that no two pages
repeat and the vocabulary grows with the site as a real guide's does (Heaps' law: about
size^0.55), rather than six pages copied (which gzip folds to 2 % and engines index once).

The first copy of every page is the real one (the suite's queries still have their answers, now
among thousands of other pages). In the others each word of four letters or more that is not
capitalised (names, kept) nor among the language's 40 most frequent (votre, para: every page
uses them) is replaced by an invented word of the language: made by a model of
the language's letter sequences (trigrams of its real words), so that it reads like French or
Spanish to a compressor, to a language detector and to an engine's stemmer. Numbers,
punctuation and short words stay: the text keeps the rhythm of real prose, and compresses about
as well. The same word of the same copy is always replaced alike, in every language's own words.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter, defaultdict

WORD = re.compile(r"[^\W\d_]+")
GROWTH = 0.55  # Heaps' law exponent: vocabulary ~ text size ^ GROWTH
COMMON = 40  # the language's most frequent words, kept: every page of a real guide uses them


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
        """count distinct invented words; a language too small to make so many is an error."""
        seen, made = set(), []
        for _ in range(count * 50):
            if len(made) == count:
                return made
            word = self.word()
            if word not in seen:
                seen.add(word)
                made.append(word)
        if len(made) < count:
            raise ValueError(f"made {len(made)} distinct words of {count}: too few real words to learn from")
        return made


class Replacer:
    """Replaces the words of the copies of a language's pages (see the module's docstring), for
    a guide `pages / real_pages` times the size of the real one."""

    def __init__(self, real_text: str, scale: float, seed: str):
        real_words = WORD.findall(real_text)
        vocabulary = {word.lower() for word in real_words if len(word) >= 4}
        counts = Counter(word.lower() for word in real_words)
        self.common = {word for word, _ in counts.most_common(COMMON)}
        self.size = max(1, int(len(vocabulary) * max(scale, 1) ** GROWTH))
        self.lexicon = Lexicon(real_words, seed).words(self.size)
        self.by_ending = defaultdict(list)  # invented words by their last two letters
        for word in self.lexicon:
            self.by_ending[word[-2:]].append(word)

    def text(self, text: str, copy: int) -> str:
        """Plain text of copy `copy` (0: the real one, unchanged)."""
        if copy == 0:
            return text

        def swap(match: re.Match) -> str:
            word = match.group(0)
            if len(word) < 4 or word[0].isupper() or word in self.common:
                return word
            # An invented word with the same ending where there is one (-ment, -ción): the
            # language's morphology, which its stemmer and a language detector read, stays.
            choices = self.by_ending.get(word[-2:].lower()) or self.lexicon
            return choices[zlib.crc32(f"{copy}:{word.lower()}".encode()) % len(choices)]

        return WORD.sub(swap, text)

    def markdown(self, markdown: str, copy: int) -> str:
        """A page's Markdown for copy `copy`: the words of its prose and of its front matter's
        title and description replaced; ids ({#id}), link targets, HTML tags, code and the
        other front matter kept."""
        if copy == 0:
            return markdown
        front, body = "", markdown
        if (match := FRONT_MATTER.match(markdown)):
            front = TITLE_OR_DESCRIPTION.sub(lambda m: m.group(1) + self.text(m.group(2), copy), match.group(0))
            body = markdown[match.end():]
        return front + "".join(part if KEPT.fullmatch(part) else self.text(part, copy) for part in KEPT.split(body))


FRONT_MATTER = re.compile(r"^---\n.*?\n---\n", re.S)
TITLE_OR_DESCRIPTION = re.compile(r"^((?:title|description): )(.*)$", re.M)
# What stays as written: attribute lists, link targets, HTML tags, code spans and fences.
KEPT = re.compile(r"(\{[^}\n]*\}|\]\([^)\n]*\)|<[^>\n]*>|`[^`\n]*`|```.*?```)", re.S)


def distinct_sections(sections: list[dict], pages: int, locale: str) -> list[dict]:
    """The sections of a guide of `pages` pages, made from a language's real sections (each
    {location, title, text}; a page's sections share the location's part before "#"): page k is
    real page k mod P, the first P the real ones, the others with their words replaced and their
    locations made unique (`copy-0007/faq/#refund`)."""
    by_page: dict[str, list[dict]] = {}
    for section in sections:
        by_page.setdefault(section["location"].split("#")[0], []).append(section)
    real = list(by_page.values())
    text = " ".join(section["title"] + " " + section["text"] for section in sections)
    replacer = Replacer(text, pages / len(real), seed=f"{locale}-{pages}")
    made = []
    for number in range(pages):
        copy = number // len(real)
        for section in real[number % len(real)]:
            if copy == 0:
                made.append(dict(section))
            else:
                made.append({**section, "location": f"copy-{copy:04d}/{section['location']}",
                             "title": replacer.text(section["title"], copy), "text": replacer.text(section["text"], copy)})
    return made

"""An inverted index answering the directory's two kinds of word match without scanning documents.

Documents are folded text cut into space-separated tokens (`common.text.searchable_words`). A
form matches a document as the listing search defines it:
- a Latin form typed by the reader: at the start of a token (robot → robotics);
- a Latin form of a concept: as a whole token (fab, not fabless);
- a CJK form: anywhere inside a token (CJK has no word boundaries, so 半導 finds 半導體製造).

Why an index: testing every form against 10,000 documents cost 20–130 ms of CPU per search
(concepts have a dozen forms); here each form is a few array slices. Tokens are numbered in
sorted order, so every token that starts with a prefix is one contiguous id range, and the
documents of a token range are one contiguous slice of the postings array. CJK substrings are
found through the bigrams of the distinct non-Latin tokens (not of the documents: a phrase
repeated across profiles is indexed once), packed with their token id into one sorted integer
array.

Pure: numpy and the standard library only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]

# A bigram key packs (first code point, second code point, token id) into 64 bits:
# 21 + 21 bits cover every Unicode code point, 22 bits number up to 4 million tokens.
_CODE_BITS = 21
_TOKEN_BITS = 22
_FIRST_SHIFT = np.uint64(_CODE_BITS + _TOKEN_BITS)
_SECOND_SHIFT = np.uint64(_TOKEN_BITS)
_TOKEN_MASK = np.uint64((1 << _TOKEN_BITS) - 1)
_END = "\0"  # follows every token, so a single character is found as the bigram (char, anything)
_HIGHEST = "\U0010ffff"


class TokenIndex:
    """Token → documents postings over `documents` (positions 0..n-1)."""

    def __init__(self, documents: Sequence[str]):
        self.size = len(documents)
        token_sets = [set(document.split()) for document in documents]
        self.vocabulary: list[str] = sorted(set().union(*token_sets))
        if len(self.vocabulary) >= 1 << _TOKEN_BITS:
            raise ValueError(f"{len(self.vocabulary)} distinct tokens: more than the index can number")
        number = {token: index for index, token in enumerate(self.vocabulary)}
        counts = np.fromiter((len(tokens) for tokens in token_sets), dtype=np.int64, count=self.size)
        token_ids = np.fromiter((number[token] for tokens in token_sets for token in tokens), dtype=np.int64,
                                count=int(counts.sum()))
        document_ids = np.repeat(np.arange(self.size, dtype=np.int32), counts)
        order = np.argsort(token_ids, kind="stable")  # stable: each token's documents stay in position order
        self._postings = document_ids[order]
        self._offsets = np.searchsorted(token_ids[order], np.arange(len(self.vocabulary) + 1))
        self._bigrams = self._bigram_keys()

    def _bigram_keys(self) -> npt.NDArray[np.uint64]:
        """Sorted keys of every (bigram, token) in the distinct non-Latin tokens, each token ended by _END."""
        ids = [index for index, token in enumerate(self.vocabulary) if not token.isascii()]
        if not ids:
            return np.zeros(0, dtype=np.uint64)
        joined = _END.join(self.vocabulary[index] for index in ids) + _END
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        owners = np.repeat(np.array(ids, dtype=np.uint64),
                           [len(self.vocabulary[index]) + 1 for index in ids])
        starts = codes[:-1] != 0  # a bigram that starts at a token's end belongs to no token
        keys = (codes[:-1] << _FIRST_SHIFT) | (codes[1:] << _SECOND_SHIFT) | owners[:-1]
        return np.unique(keys[starts])

    # --- matching -------------------------------------------------------------------------------
    def matching(self, forms: Iterable[str], *, typed: bool,
                 verify: Callable[[str, int], bool] | None = None) -> Mask:
        """Documents any of the forms matches (see the module docstring), as a boolean mask.

        A form of several tokens (a concept's "advanced packaging") narrows to documents holding
        each of its tokens, then `verify(form, position)` decides on those few.
        """
        ranges: list[range] = []
        arrays: list[npt.NDArray[np.int64]] = []
        phrases: list[tuple[str, list[str]]] = []
        for form in forms:
            parts = form.split()
            if len(parts) == 1:
                tokens = self._tokens_for(parts[0], typed=typed)
                if isinstance(tokens, list):
                    ranges.extend(tokens)
                else:
                    arrays.append(tokens)
            elif parts:
                phrases.append((form, parts))
        mask = self._documents(ranges, arrays)
        for form, parts in phrases:
            if verify is None:
                raise ValueError("a form of several words needs a verify function")
            # Each part as a whole token, except a typed form's last, which may go on (a superset either way).
            candidates = np.ones(self.size, dtype=np.bool_)
            for number, part in enumerate(parts):
                tokens = self._tokens_for(part, typed=typed and number == len(parts) - 1)
                candidates &= (self._documents(tokens, []) if isinstance(tokens, list)
                               else self._documents([], [tokens]))
            for position in np.flatnonzero(candidates & ~mask).tolist():
                mask[position] = verify(form, position)
        return mask

    def _tokens_for(self, form: str, *, typed: bool) -> list[range] | npt.NDArray[np.int64]:
        if form.isascii():
            low = bisect_left(self.vocabulary, form)
            if typed:  # every token starting with the form: one contiguous range
                return [range(low, bisect_left(self.vocabulary, form + _HIGHEST, low))]
            whole = low < len(self.vocabulary) and self.vocabulary[low] == form
            return [range(low, low + 1)] if whole else []
        return self._tokens_containing(form)

    def _tokens_containing(self, form: str) -> npt.NDArray[np.int64]:
        """Ids of non-Latin tokens that contain `form`: the rarest of its bigrams, then a check."""
        if len(form) == 1:
            first = np.uint64(ord(form))
            slice_ = self._key_range(first << _FIRST_SHIFT, (first + np.uint64(1)) << _FIRST_SHIFT)
            return np.unique((slice_ & _TOKEN_MASK).astype(np.int64))
        candidates = min(
            (self._key_range(low, low + (np.uint64(1) << _SECOND_SHIFT))
             for low in ((np.uint64(ord(a)) << _FIRST_SHIFT) | (np.uint64(ord(b)) << _SECOND_SHIFT)
                         for a, b in zip(form, form[1:], strict=False))),
            key=len)
        tokens = (candidates & _TOKEN_MASK).astype(np.int64)
        if len(form) == 2:
            return tokens
        return np.array([token for token in tokens.tolist() if form in self.vocabulary[token]], dtype=np.int64)

    def _key_range(self, low: np.uint64, high: np.uint64) -> npt.NDArray[np.uint64]:
        start, end = np.searchsorted(self._bigrams, np.array([low, high], dtype=np.uint64))
        return self._bigrams[start:end]

    def _documents(self, ranges: list[range], arrays: list[npt.NDArray[np.int64]]) -> Mask:
        """Documents of the tokens: contiguous id ranges are contiguous posting slices."""
        slices = [self._postings[self._offsets[ids.start]:self._offsets[ids.stop]] for ids in ranges if len(ids)]
        slices += [self._postings[self._offsets[token]:self._offsets[token + 1]]
                   for tokens in arrays for token in tokens.tolist()]
        mask = np.zeros(self.size, dtype=np.bool_)
        if slices:
            mask[np.concatenate(slices)] = True
        return mask

"""Many stories at once: :func:`parse_many`, in order, on a pool of processes.

Inputs are read lazily and sent to the workers in chunks, with a bounded
number of chunks in flight, so a stream of a million stories runs in flat
memory. A story that cannot be parsed (a non-``str`` item) yields a
:class:`~wireparse.models.ParseFailure` in its place; the batch goes on.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from wireparse._api import parse
from wireparse.models import Article, ParseFailure
from wireparse.profiles import Profile

if TYPE_CHECKING:
    from concurrent.futures import Future

_IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: enough to keep them busy


def _parse_one(
    index: int, text: object, profile: Profile | str | None, language: str | None
) -> Article | ParseFailure:
    try:
        return parse(text, profile=profile, language=language)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one story's failure is reported in its place
        return ParseFailure(index=index, error=type(exc).__name__, message=str(exc))


def _parse_chunk(
    chunk: list[tuple[int, object]], profile: Profile | str | None, language: str | None
) -> list[Article | ParseFailure]:
    return [_parse_one(index, text, profile, language) for index, text in chunk]


def parse_many(
    texts: Iterable[object],
    *,
    profile: Profile | str | None = None,
    language: str | None = None,
    workers: int | None = None,
    chunksize: int = 32,
) -> Iterator[Article | ParseFailure]:
    """Parse many stories; yield an article (or a failure) for each, in input order.

    Args:
        texts: the stories; read lazily, so a generator over a huge corpus is fine.
        profile: as for :func:`wireparse.parse`, for every story.
        language: as for :func:`wireparse.parse`, for every story.
        workers: processes to use; None for one per CPU, 1 to parse in this process.
        chunksize: stories sent to a worker at a time.

    Yields:
        An :class:`~wireparse.models.Article` per story, or a
        :class:`~wireparse.models.ParseFailure` where one could not be made.

    """
    numbered = enumerate(texts)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1:
        for index, text in numbered:
            yield _parse_one(index, text, profile, language)
        return
    size = max(1, chunksize)
    # imported here: the pool machinery costs a tenth of `import wireparse`
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with ProcessPoolExecutor(max_workers=count) as pool:
        pending: deque[Future[list[Article | ParseFailure]]] = deque()
        while True:
            while len(pending) < count * _IN_FLIGHT_PER_WORKER:
                chunk = list(itertools.islice(numbered, size))
                if not chunk:
                    break
                pending.append(pool.submit(_parse_chunk, chunk, profile, language))
            if not pending:
                return
            yield from pending.popleft().result()

"""The Parquet lake: one dataset per table under <lake>/<table>/, written atomically.

The lake root is a local directory or a URI that pyarrow or fsspec understands
(`s3://bucket/prefix`, `gs://...`, `abfs://...`, `memory://...`), so that every machine of a
cluster can read and write the same lake.

On a local disk every file is written under a temporary name and renamed into place, so a
reader or a killed run never leaves a half-written file that the glob `*.parquet` would pick
up. On an object store a file is one PUT, which is all-or-nothing already, so it is written
under its final name.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from storage.contract import KEYS, schema

COMPRESSION = "zstd"


def is_uri(root: str | os.PathLike) -> bool:
    """True for a lake on a remote or in-memory filesystem (`s3://...`); False for a local path."""
    text = str(root)
    return "://" in text and not text.startswith("file://")


def local_path(root: str | os.PathLike) -> str:
    """One identity for a local lake however it is spelled: `file:///abs/lake`, `/abs/lake`,
    a relative path or a symbolic link all give the same absolute, link-free path (so two
    spellings take one lock, and the lock lands in the lake, never in the working directory)."""
    text = str(root)
    if text.startswith("file://"):
        text = unquote(urlsplit(text).path)  # file:///abs and file://localhost/abs
    return os.path.realpath(text)


def filesystem(root: str | os.PathLike) -> tuple[pafs.FileSystem, str]:
    """The pyarrow filesystem and the path inside it for a lake root."""
    text = str(root)
    if not is_uri(text):
        return pafs.LocalFileSystem(), local_path(text)
    try:
        return pafs.FileSystem.from_uri(text)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        import fsspec

        fs, path = fsspec.core.url_to_fs(text)
        return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), path


class Lake:
    def __init__(self, root: str | os.PathLike) -> None:
        self.root = str(root)
        self.fs, self.base = filesystem(root)
        self.is_local = isinstance(self.fs, pafs.LocalFileSystem)

    def table_dir(self, table: str) -> str:
        return posixpath.join(self.base, table)

    def files(self, table: str) -> list[str]:
        """The committed Parquet files of a table, sorted for deterministic reads."""
        return [path for path, _, _ in self.file_signatures(table)]

    def fingerprint(self, tables: Iterable[str]) -> str:
        """A digest of the committed files (path, size, mtime) of some tables: equal digests
        mean nothing was written to them in between."""
        digest = hashlib.sha256()
        for table in sorted(tables):
            selector = pafs.FileSelector(
                self.table_dir(table), recursive=True, allow_not_found=True
            )
            for info in sorted(self.fs.get_file_info(selector), key=lambda i: i.path):
                if info.type == pafs.FileType.File and not info.base_name.startswith("."):
                    digest.update(f"{info.path}\0{info.size}\0{info.mtime_ns}\n".encode())
        return digest.hexdigest()

    def file_signatures(self, table: str) -> list[list]:
        """[path, size, mtime_ns] of each committed file of a table, sorted by path."""
        selector = pafs.FileSelector(self.table_dir(table), recursive=True, allow_not_found=True)
        return sorted(
            [info.path, info.size, info.mtime_ns]
            for info in self.fs.get_file_info(selector)
            if info.type == pafs.FileType.File
            and info.base_name.endswith(".parquet")
            and not info.base_name.startswith(".")
        )

    def read_state(self, name: str) -> dict:
        """A small JSON document under <lake>/_state/ (empty when absent or unreadable)."""
        try:
            with self.fs.open_input_stream(self._state_path(name)) as stream:
                return json.loads(stream.read().decode("utf-8"))
        except (OSError, ValueError):
            return {}

    def write_state(self, name: str, state: dict) -> None:
        path = self._state_path(name)
        self.fs.create_dir(posixpath.dirname(path), recursive=True)
        temporary = f"{path}.{uuid.uuid4().hex}.tmp" if self.is_local else path
        with self.fs.open_output_stream(temporary) as stream:
            stream.write(json.dumps(state, sort_keys=True).encode("utf-8"))
        if temporary != path:
            os.replace(temporary, path)

    def _state_path(self, name: str) -> str:
        return posixpath.join(self.base, "_state", f"{name}.json")

    def dataset(self, table: str, files: list[str] | None = None) -> ds.Dataset:
        """The table's committed files (or just `files` of them) as one Arrow dataset."""
        files = self.files(table) if files is None else files
        return ds.dataset(files, schema=schema(table), format="parquet", filesystem=self.fs)

    def read(self, table: str, columns: list[str] | None = None, filter=None) -> pa.Table:
        if not self.files(table):
            return schema(table).empty_table().select(columns or schema(table).names)
        return self.dataset(table).to_table(columns=columns, filter=filter)

    def batches(
        self,
        table: str,
        columns: list[str] | None = None,
        keys: Iterable[str] | pa.Array | None = None,
        batch_size: int = 1000,
    ) -> Iterator[pa.Table]:
        """Stream a table (only rows whose key is in `keys`, if given) in tables of `batch_size`
        rows, one file at a time, so memory stays flat: a scanner over the whole dataset reads
        ahead of a slow reader such as extraction, and held most of a 100k-article corpus
        (530 MB) while the workers went through it."""
        key = KEYS[table]
        read = columns if columns is None or keys is None or key in columns else [*columns, key]
        pending: list[pa.RecordBatch] = []
        rows = 0
        # each key once, though a killed run's leftovers may hold a row twice
        first_time = None if keys is None else _FirstTime(keys)
        for path in self.files(table):
            file = self.dataset(table, [path])
            if first_time is not None and not first_time.wanted_in(
                file.to_table(columns=[key]).column(key)
            ):
                continue  # its key column alone told: the file's other columns go unread
            for batch in file.to_batches(columns=read):
                if first_time is not None:
                    batch = batch.filter(first_time.mask(batch.column(key)))
                if read is not columns:
                    batch = batch.select(columns)
                pending.append(batch)
                rows += batch.num_rows
                while rows >= batch_size:
                    combined = pa.Table.from_batches(pending)
                    yield combined.slice(0, batch_size)
                    rest = combined.slice(batch_size)
                    pending, rows = rest.to_batches(), rest.num_rows
        if rows:
            yield pa.Table.from_batches(pending)

    def keys(self, table: str) -> set[str]:
        key = KEYS[table]
        return set(self.read(table, columns=[key]).column(key).to_pylist())

    def append(
        self,
        table: str,
        rows: Iterable[dict] | pa.Table,
        partition: str | None = None,
        skip_keys: set[str] | None = None,
        batch: str | None = None,
    ) -> int:
        """Append rows whose key is not in `skip_keys` (default: the lake's keys). Returns rows written.

        `batch` names the write (see batch_key): writing the same batch again, as a retried
        task or a re-run after a kill does, replaces its file instead of adding another."""
        data = as_table(table, rows)
        if data.num_rows == 0:
            return 0
        key = KEYS[table]
        known = self.keys(table) if skip_keys is None else skip_keys
        if known:
            mask = [k not in known for k in data.column(key).to_pylist()]
            data = data.filter(pa.array(mask, type=pa.bool_()))
        if data.num_rows == 0:
            return 0
        directory = self.table_dir(table)
        if partition:
            directory = posixpath.join(directory, partition)
        name = batch or uuid.uuid4().hex
        self._write(data, posixpath.join(directory, f"part-{name}.parquet"))
        return data.num_rows

    def replace(self, table: str, rows: Iterable[dict] | pa.Table) -> int:
        """Replace a whole table (a snapshot such as `events`) with one atomically written file."""
        with self.replacing(table) as snapshot:
            snapshot.write(rows)
        return snapshot.rows

    @contextmanager
    def replacing(self, table: str) -> Iterator[Snapshot]:
        """A new version of a whole table, written part by part (so no part need be kept in
        memory), that replaces the old one when the block ends, and is dropped if it raises."""
        target = posixpath.join(self.table_dir(table), f"{table}.parquet")
        # A hidden name even on an object store: a stream closed there is committed, so a
        # failed snapshot must be written where readers do not look.
        temporary = self._temporary_beside(target)
        snapshot = Snapshot(
            table,
            pq.ParquetWriter(temporary, schema(table), compression=COMPRESSION, filesystem=self.fs),
        )
        try:
            yield snapshot
            snapshot.writer.close()
        except BaseException:
            snapshot.writer.close()
            self.fs.delete_file(temporary)
            raise
        self.fs.move(temporary, target)  # a rename on a local disk: readers see old or new
        for stale in self.files(table):
            if stale != target:
                self.fs.delete_file(stale)

    @contextmanager
    def scratch(self, name: str) -> Iterator[str]:
        """A new directory under <lake>/_scratch/ for a stage's intermediate files, removed
        when the block ends. A killed run's leftovers of the same name are removed first
        (callers hold the run lock)."""
        parent = posixpath.join(self.base, "_scratch")
        for stale in self.fs.get_file_info(pafs.FileSelector(parent, allow_not_found=True)):
            if stale.base_name.startswith(f"{name}-"):
                self.fs.delete_dir(stale.path)
        path = posixpath.join(parent, f"{name}-{uuid.uuid4().hex}")
        self.fs.create_dir(path, recursive=True)
        try:
            yield path
        finally:
            self.fs.delete_dir(path)

    def sweep(self) -> list[str]:
        """Remove what killed runs left: hidden `.tmp` files and `_scratch/` directories.
        Only for a caller that holds the run lock (nothing else is writing). Returns them."""
        selector = pafs.FileSelector(self.base, recursive=True, allow_not_found=True)
        infos = self.fs.get_file_info(selector)
        leftovers = [
            i.path for i in infos if i.type == pafs.FileType.File and _is_temporary(i.base_name)
        ]
        for path in leftovers:
            self.fs.delete_file(path)
        scratch = posixpath.join(self.base, "_scratch")
        if self.fs.get_file_info(scratch).type == pafs.FileType.Directory:
            self.fs.delete_dir(scratch)
            leftovers.append(scratch)
        return leftovers

    def _write(self, data: pa.Table, target: str) -> None:
        if not self.is_local:
            self.fs.create_dir(posixpath.dirname(target), recursive=True)
            pq.write_table(data, target, compression=COMPRESSION, filesystem=self.fs)
            return
        temporary = self._temporary_beside(target)
        pq.write_table(data, temporary, compression=COMPRESSION, filesystem=self.fs)
        os.replace(temporary, target)

    def _temporary_beside(self, target: str) -> str:
        """A hidden, unique path in the target's directory (created): `files` never lists it."""
        directory, name = posixpath.split(target)
        self.fs.create_dir(directory, recursive=True)
        return posixpath.join(directory, f".{name}.{uuid.uuid4().hex}.tmp")


def batch_key(*parts: object) -> str:
    """A stable name for a batch of rows (e.g. its article ids and the extractor version)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{part}\0".encode())
    return digest.hexdigest()[:32]


class KeyIndex:
    """Keys held once, sorted, as fixed-width bytes in numpy, each row of a column found among
    them by binary search. Python sets of 200k keys cost tens of MB, and Arrow's `index_in`
    hashes its whole value set again on every call: for each file and batch of a stream, work
    that grew with the square of the lake (3.2 s of the flow's time at 100k articles)."""

    def __init__(self, keys: Iterable[str] | pa.Array | pa.ChunkedArray) -> None:
        if not isinstance(keys, pa.Array | pa.ChunkedArray):
            keys = pa.array(list(keys), pa.string())
        # sorted, each key once; `first`: where each came first among the keys not null
        self.keys, self.first = np.unique(_as_bytes(keys.drop_null()), return_index=True)

    def __len__(self) -> int:
        return len(self.keys)

    def positions(self, column: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """Each row's index among the keys, -1 for a key not held (or null)."""
        values = _as_bytes(column)
        at = np.searchsorted(self.keys, values)
        found = at < len(self.keys)
        found[found] = self.keys[at[found]] == values[found]
        found &= np.asarray(pc.is_valid(column))
        return np.where(found, at, -1)


class _FirstTime:
    """Which rows of a stream hold a wanted key not seen in an earlier row."""

    def __init__(self, keys: Iterable[str] | pa.Array) -> None:
        self.wanted = KeyIndex(keys)
        self.seen = np.zeros(len(self.wanted), dtype=bool)

    def wanted_in(self, column: pa.Array | pa.ChunkedArray) -> bool:
        """Whether the column holds a wanted key not seen yet (nothing is marked seen)."""
        at = self.wanted.positions(column)
        return bool((~self.seen[at[at >= 0]]).any())

    def mask(self, column: pa.Array) -> pa.Array:
        at = self.wanted.positions(column)
        rows = np.flatnonzero(at >= 0)
        # the first row of each wanted key in this batch, if no earlier batch held it
        keys, first = np.unique(at[rows], return_index=True)
        unseen = ~self.seen[keys]
        self.seen[keys] = True
        mask = np.zeros(len(at), dtype=bool)
        mask[rows[first[unseen]]] = True
        return pa.array(mask)


def _as_bytes(keys: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Keys as numpy bytes of one width (a null as empty), which sort and compare as the text
    (numpy drops trailing NUL bytes: "a\\x00" is "a", which no id of the lake ends with)."""
    data = pc.fill_null(keys, "").cast(pa.binary()).to_numpy(zero_copy_only=False)
    return data.astype(bytes) if len(data) else np.array([], dtype="S1")


def _is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def column_rows(table: pa.Table) -> Iterator[tuple]:
    """The rows of a table as tuples, in column order: lighter than to_pylist's dicts."""
    return zip(*(column.to_pylist() for column in table.columns), strict=True)


class Snapshot:
    """The parts of a table being replaced (see Lake.replacing)."""

    def __init__(self, table: str, writer: pq.ParquetWriter) -> None:
        self.table, self.writer, self.rows = table, writer, 0

    def write(self, rows: Iterable[dict] | pa.Table) -> None:
        data = as_table(self.table, rows)
        if data.num_rows:
            self.writer.write_table(data)
            self.rows += data.num_rows


def as_table(table: str, rows: Iterable[dict] | pa.Table) -> pa.Table:
    target = schema(table)
    if isinstance(rows, pa.Table):
        return rows.select(target.names).cast(target)
    return pa.Table.from_pylist(list(rows), schema=target)

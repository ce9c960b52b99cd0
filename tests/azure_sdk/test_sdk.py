"""The official Azure Python SDK (azure-health-deidentification 1.0.0) against `deid serve`.

Run by tests/azure_sdk/run.sh, which starts the server with --dev in a scratch folder and sets
DEID_ENDPOINT, DEID_CERT, DEID_TOKEN, DEID_WORKDIR and, when Azurite runs, DEID_AZURITE_URL.
"""

import os
import pathlib
import sys
import time
import uuid

from azure.core.credentials import AccessToken
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceNotFoundError,
)
from azure.health.deidentification import DeidentificationClient
from azure.health.deidentification.models import (
    DeidentificationContent,
    DeidentificationCustomizationOptions,
    DeidentificationJob,
    DeidentificationOperationType,
    SourceStorageLocation,
    TargetStorageLocation,
)

ENDPOINT = os.environ["DEID_ENDPOINT"]
CERT = os.environ["DEID_CERT"]
TOKEN = os.environ["DEID_TOKEN"]
WORKDIR = pathlib.Path(os.environ["DEID_WORKDIR"])
AZURITE = os.environ.get("DEID_AZURITE_URL")

NOTE = (
    "Patient John Smith (MRN 4567890) was seen by Dr. Alice Jones on 03/04/2021 "
    "at Mercy Hospital, Boston. Café owner 😀 José García called 555-123-4567."
)


class StaticToken:
    def __init__(self, token):
        self.token = token

    def get_token(self, *scopes, **kwargs):
        assert scopes == ("https://deid.azure.com/.default",), scopes
        return AccessToken(self.token, int(time.time()) + 3600)


def client(token=TOKEN, **kw):
    return DeidentificationClient(ENDPOINT, StaticToken(token), connection_verify=CERT, **kw)


def check_offsets(text, entities):
    """Every entity's three offset encodings agree with Python's own indices."""
    assert entities, "expected entities"
    b = text.encode("utf-8")
    u16 = text.encode("utf-16-le")
    for e in entities:
        cp, n = e.offset.code_point, e.length.code_point
        assert text[cp : cp + n] == e.text, (e.text, text[cp : cp + n])
        assert b[e.offset.utf8 : e.offset.utf8 + e.length.utf8].decode("utf-8") == e.text
        s16 = u16[2 * e.offset.utf16 : 2 * (e.offset.utf16 + e.length.utf16)]
        assert s16.decode("utf-16-le") == e.text


def test_tag():
    text = "😀😀 " + NOTE
    r = client().deidentify_text(
        DeidentificationContent(input_text=text, operation_type=DeidentificationOperationType.TAG)
    )
    assert r.output_text is None
    cats = {e.category for e in r.tagger_result.entities}
    assert "Patient" in cats or "Doctor" in cats, cats
    assert "Date" in cats, cats
    check_offsets(text, r.tagger_result.entities)
    for e in r.tagger_result.entities:
        assert 0 <= e.confidence_score <= 1


def test_redact():
    r = client().deidentify_text(
        DeidentificationContent(input_text=NOTE, operation_type=DeidentificationOperationType.REDACT)
    )
    assert r.tagger_result is None
    assert "John Smith" not in r.output_text and "[patient]" in r.output_text, r.output_text
    r = client().deidentify_text(
        DeidentificationContent(
            input_text=NOTE,
            operation_type=DeidentificationOperationType.REDACT,
            customizations=DeidentificationCustomizationOptions(redaction_format="<{TYPE}>"),
        )
    )
    assert "<PATIENT>" in r.output_text and "<DATE>" in r.output_text, r.output_text


def test_surrogate():
    # The default operation is Surrogate; two calls get different surrogates.
    a = client().deidentify_text(DeidentificationContent(input_text=NOTE))
    b = client().deidentify_text(DeidentificationContent(input_text=NOTE))
    assert a.tagger_result is None
    for original in ["John Smith", "03/04/2021", "555-123-4567"]:
        assert original not in a.output_text, a.output_text
    assert a.output_text != b.output_text


def test_errors():
    try:
        client(api_version="2099-01-01").deidentify_text(DeidentificationContent(input_text="x"))
        raise AssertionError("bad api-version accepted")
    except HttpResponseError as e:
        assert e.status_code == 400 and e.error.code == "UnsupportedApiVersionValue", e
    try:
        client(token="wrong").deidentify_text(DeidentificationContent(input_text="x"))
        raise AssertionError("bad token accepted")
    except ClientAuthenticationError as e:
        assert e.status_code == 401
    reader = os.environ.get("DEID_READER_TOKEN")
    if reader:
        try:
            client(token=reader).deidentify_text(DeidentificationContent(input_text="x"))
            raise AssertionError("reader may not call /deid")
        except HttpResponseError as e:
            assert e.status_code == 403, e
        assert isinstance(list(client(token=reader).list_jobs()), list)
    try:
        client().get_job("no-such-job")
        raise AssertionError("missing job found")
    except ResourceNotFoundError as e:
        assert e.error.code == "JobNotFound"
    try:
        client().deidentify_text(DeidentificationContent(input_text="x" * 48_001))
        raise AssertionError("long text accepted")
    except HttpResponseError as e:
        assert e.status_code == 400 and "48000" in str(e), e


def write_notes(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"note{i}.txt").write_text(f"Note {i}: {NOTE}\n", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\x00\x01")


def run_job(source_url, target_url, name, op=DeidentificationOperationType.SURROGATE):
    job = DeidentificationJob(
        operation_type=op,
        source_location=SourceStorageLocation(location=source_url, prefix="in/", extensions=["*.txt"]),
        target_location=TargetStorageLocation(location=target_url, prefix="out/", overwrite=True),
    )
    c = client()
    poller = c.begin_deidentify_documents(name, job)
    done = poller.result()
    assert done.status == "Succeeded", done
    assert done.summary.total_count == 3 and done.summary.successful_count == 3, done.summary
    assert done.summary.bytes_processed > 0
    docs = list(c.list_job_documents(name, maxpagesize=2))
    assert len(docs) == 3, docs
    for d in docs:
        assert len(d.id) == 36 and d.status == "Succeeded" and d.output_location.etag, d
        assert d.input_location.location.startswith(source_url.rstrip("/")), d.input_location.location
        assert "/out/note" in d.output_location.location, d.output_location.location
    return c, docs


def test_job_local():
    base = WORKDIR / "data"
    write_notes(base / "in", 3)
    url = base.resolve().as_uri()
    name = "py-local-" + uuid.uuid4().hex[:8]
    c, _ = run_job(url, url, name)
    outs = sorted((base / "out").glob("*.txt"))
    assert [p.name for p in outs] == ["note0.txt", "note1.txt", "note2.txt"], outs
    texts = [p.read_text(encoding="utf-8") for p in outs]
    for t in texts:
        assert "John Smith" not in t and "03/04/2021" not in t, t
    # One surrogate mapping per job: the same patient gets the same name everywhere.
    rest = [t.split(":", 1)[1] for t in texts]
    assert rest[0] == rest[1] == rest[2], rest
    # A second job surrogates differently.
    name2 = "py-local2-" + uuid.uuid4().hex[:8]
    run_job(url, url, name2)
    again = (base / "out" / "note0.txt").read_text(encoding="utf-8")
    assert again.split(":", 1)[1] != rest[0]
    # Paging of jobs.
    names = [j.job_name for j in c.list_jobs(maxpagesize=1)]
    assert name in names and name2 in names, names
    c.delete_job(name2)
    try:
        c.get_job(name2)
        raise AssertionError("deleted job found")
    except ResourceNotFoundError:
        pass


def test_cancel():
    base = WORKDIR / "many"
    write_notes(base / "in", 200)
    url = base.resolve().as_uri()
    name = "py-cancel-" + uuid.uuid4().hex[:8]
    c = client()
    job = DeidentificationJob(
        source_location=SourceStorageLocation(location=url, prefix="in/"),
        target_location=TargetStorageLocation(location=url, prefix="out/"),
    )
    c.begin_deidentify_documents(name, job, polling=False)
    j = c.cancel_job(name)
    assert j.status == "Canceled", j.status
    time.sleep(1)
    j = c.get_job(name)
    assert j.status == "Canceled"
    assert j.summary is None or j.summary.successful_count < 200


def test_job_azurite():
    if not AZURITE:
        return SKIPPED
    from azure.storage.blob import BlobServiceClient  # noqa: PLC0415

    conn = (
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        f"BlobEndpoint={AZURITE}/devstoreaccount1;"
    )
    svc = BlobServiceClient.from_connection_string(conn)
    container = "notes" + uuid.uuid4().hex[:6]
    cc = svc.create_container(container)
    for i in range(3):
        cc.upload_blob(f"in/note{i}.txt", f"Note {i}: {NOTE}\n".encode())
    cc.upload_blob("in/skip.bin", b"\x00")
    url = f"{AZURITE}/devstoreaccount1/{container}"
    run_job(url, url, "py-blob-" + uuid.uuid4().hex[:8])
    outs = sorted(b.name for b in cc.list_blobs(name_starts_with="out/"))
    assert outs == ["out/note0.txt", "out/note1.txt", "out/note2.txt"], outs
    text = cc.download_blob("out/note1.txt").readall().decode()
    assert "John Smith" not in text


SKIPPED = "skipped"


def main():
    tests = [v for k, v in sorted(globals().items()) if k.startswith("test_")]
    failed = skipped = 0
    for t in tests:
        try:
            if t() == SKIPPED:
                skipped += 1
                print(f"skip {t.__name__}")
                continue
            print(f"ok   {t.__name__}")
        except Exception as e:  # noqa: BLE001
            failed += 1
            print(f"FAIL {t.__name__}: {type(e).__name__}: {e}")
    print(f"{len(tests) - failed - skipped} passed, {skipped} skipped, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

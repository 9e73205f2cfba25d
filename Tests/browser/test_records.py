"""Sending medical records: two files at once with a progress bar each, listed with their
details, one downloaded back byte for byte; and a refused file explained."""
import re
import time

from playwright.sync_api import expect
from pydicom.data import get_testdata_file

from conftest import sign_in


def open_records(page):
    sign_in(page, "margaret.ellis@example.org")
    page.get_by_role("row", name=re.compile("Cardiology")).get_by_role("link").click()
    page.get_by_role("link", name="Medical records").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medical records")


def test_upload_two_files_with_progress_and_download_one(page, tmp_path, accessible):
    report = tmp_path / "echo-report.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    scan = get_testdata_file("CT_small.dcm")
    open_records(page)
    accessible(page)
    page.get_by_label("What kind of records are these?").select_option(label="Imaging")
    page.get_by_label("Description (optional)").fill("Echo and CT, October")
    page.get_by_label("Files").set_input_files([str(report), scan])

    # Hold each upload's answer a moment, so the progress bars can be seen before the page reloads.
    def slow(route):
        if route.request.method == "POST":
            time.sleep(0.4)
        route.continue_()

    page.route(re.compile(r".*/records$"), slow)
    page.get_by_role("button", name="Send the files").click()
    # one progress bar per file, then the page shows both
    expect(page.get_by_label("Progress of echo-report.pdf")).to_be_attached()
    expect(page.get_by_label("Progress of CT_small.dcm")).to_be_attached()
    expect(page.get_by_text("DICOM: CT study")).to_be_visible(timeout=15000)
    expect(page.get_by_text("echo-report.pdf", exact=True)).to_be_visible()
    accessible(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CT_small.dcm").click()
    download = info.value
    assert download.suggested_filename == "CT_small.dcm"
    assert open(download.path(), "rb").read() == open(scan, "rb").read()


def test_a_refused_file_is_explained_without_javascript(chromium, server, tmp_path, axe):
    context = chromium.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        fake = tmp_path / "lab-results.pdf"
        fake.write_text("<!doctype html><p>not a PDF</p>")
        open_records(page)
        page.get_by_label("Files").set_input_files(str(fake))
        page.get_by_role("button", name="Send the files").click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("lab-results.pdf")
        expect(alert).to_contain_text("We accept PDF documents")
    finally:
        context.close()


def test_a_mixed_upload_updates_the_list_in_place_clears_the_picker_and_marks_the_refusal(page, tmp_path, accessible):
    good = tmp_path / "holter-summary.pdf"
    good.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    fake = tmp_path / "not-really.pdf"
    fake.write_text("<!doctype html><p>not a PDF</p>")
    open_records(page)
    page.evaluate("window.stillThisPage = true")  # a reload would lose it
    page.get_by_label("Files").set_input_files([str(good), str(fake)])
    page.get_by_role("button", name="Send the files").click()
    progress = page.locator(".upload-progress")
    expect(progress.locator(".upload-summary")).to_have_text(re.compile(r"^Files received: 1 / 2\."))
    refused = progress.locator(".upload-refused")
    expect(refused).to_contain_text("not-really.pdf")
    expect(refused).to_contain_text("Not received:")  # in words, not only in red
    expect(progress.locator(".upload-ok")).to_contain_text("Received")
    # the list of records received has the new one, without a reload, and the picker is empty
    expect(page.locator("#records-received")).to_contain_text("holter-summary.pdf")
    expect(page.locator("#records-received")).not_to_contain_text("not-really.pdf")
    assert page.evaluate("window.stillThisPage === true")
    assert page.get_by_label("Files").evaluate("input => input.files.length") == 0
    accessible(page)

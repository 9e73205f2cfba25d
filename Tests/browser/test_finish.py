"""The finish a newcomer noticed (issue 13): what a person sees, measured in the browser.
Boxes and line positions, not screenshots: a word split across two lines is two rectangles at
two heights, a crushed table is a cell narrower than its row."""
import re

import pytest

from playwright.sync_api import expect

from conftest import sign_in

SPLIT_WORDS = """
() => {
  const split = [];
  for (const cell of document.querySelectorAll('main th, main td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      // a word, or the part of one up to a hyphen or slash (a line may break after those)
      const word = /[^\\s\\-\\/]+[\\-\\/]?/g;
      let match;
      while ((match = word.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  const cells = [...document.querySelectorAll('main td')];
  const narrow = cells.filter(td => td.getBoundingClientRect().width < 0.8 * td.closest('table').getBoundingClientRect().width)
    .map(td => td.textContent.trim().slice(0, 40));
  // telephone numbers and reference numbers are read as one piece: never broken over lines
  const brokenNumbers = [...document.querySelectorAll('a[href^="tel:"], .nowrap')]
    .filter(e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size > 1).map(e => e.textContent);
  return {
    brokenNumbers,
    split,
    cells: cells.length,
    narrowCells: narrow.length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}
"""


def tables_of(page, path):
    page.goto(path)
    return page.evaluate(SPLIT_WORDS)


def check_tables(page, paths, accessible):
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            found = tables_of(page, path)
            assert found["cells"] > 0, f"{path} shows no table to measure"
            assert found["split"] == [], f"{path} at {width} px splits words inside cells: {found['split'][:10]}"
            assert found["brokenNumbers"] == [], f"{path} at {width} px breaks numbers over lines: {found['brokenNumbers']}"
            assert found["overflow"] <= 0, f"{path} at {width} px is {found['overflow']} px wider than the screen"
            if width == 375:
                assert found["narrowCells"] == 0, f"{path} at 375 px is a crushed grid, not a stacked list"
                accessible(page)


@pytest.fixture(scope="module")
def signed_in_states():
    """Each person signs in once for this module: the server limits sign-ins (and authenticator
    codes) per account, and other modules sign the same demo people in."""
    return {}


@pytest.fixture
def person(chromium, server, signed_in_states):
    contexts = []

    def signed_in(email):
        known = signed_in_states.get(email)
        context = chromium.new_context(base_url=server.url, storage_state=known)
        contexts.append(context)
        page = context.new_page()
        if known is None:
            sign_in(page, email)
            signed_in_states[email] = context.storage_state()
        return page

    yield signed_in
    for context in contexts:
        context.close()


def test_tables_wrap_between_words_and_stack_on_a_phone(person, accessible):
    patient = person("walter.price@example.org")
    patient.goto("/account")
    case = patient.locator("main table a").first.get_attribute("href")
    check_tables(patient, ["/account", case + "/access"], accessible)
    coordinator = person("miguel.santos@example.org")
    check_tables(coordinator, ["/staff/cases", "/staff/physicians"], accessible)
    administrator = person("grace.okafor@example.org")
    check_tables(administrator, ["/admin/users", "/admin/audit"], accessible)


def test_a_stacked_row_names_each_value(person):
    coordinator = person("miguel.santos@example.org")
    coordinator.set_viewport_size({"width": 375, "height": 900})
    coordinator.goto("/staff/cases")
    first = coordinator.locator("main tbody tr").first
    label = first.locator("td").nth(2).evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Specialty"'
    # the reference number stays on one line
    reference = first.locator("td a").first
    assert len(reference.evaluate("a => [...a.getClientRects()].map(r => Math.round(r.top))")) == 1


def test_the_queue_and_the_audit_log_find_a_reference_as_it_is_displayed(person, accessible):
    coordinator = person("miguel.santos@example.org")
    coordinator.goto("/staff/cases")
    reference = coordinator.locator("main tbody tr td a").first.inner_text()
    assert re.fullmatch(r"\d{3} \d{3} \d{4}", reference)
    search = coordinator.get_by_label("Reference number or patient name")
    assert search.bounding_box()["width"] >= 250, "the search box is wide enough to read what is typed"
    assert search.evaluate("e => getComputedStyle(e).borderTopWidth") == "2px", "the search box is styled like the other fields"
    for typed in (reference, reference.replace(" ", "-"), reference.replace(" ", ".")):
        search.fill(typed)
        coordinator.get_by_role("button", name="Show cases").click()
        rows = coordinator.locator("main tbody tr")
        assert rows.count() == 1, f"{typed!r} finds the case"
        assert rows.first.locator("a").inner_text() == reference
        search = coordinator.get_by_label("Reference number or patient name")
    coordinator.get_by_role("link", name=reference).click()  # a view the audit log will show
    administrator = person("grace.okafor@example.org")
    administrator.goto("/admin/audit")
    administrator.get_by_label("Patient").fill(reference)
    administrator.get_by_label("Action").select_option(label="Looked at a request")
    administrator.get_by_role("button", name="Search").click()
    accessible(administrator)
    cells = administrator.locator("main tbody tr td:nth-child(3)")
    assert cells.count() >= 1
    # the patient's requests, each named by its reference; the one searched for among them
    texts = cells.all_inner_texts()
    assert all(re.search(r"Request \d{3} \d{3} \d{4}", text) for text in texts)
    assert any(f"Request {reference}" in text for text in texts)
    body = administrator.locator("main table").inner_text()
    assert "case.viewed" not in body and not re.search(r"[0-9A-F]{8}-[0-9A-F]{4}-", body), "actions and objects are in words"


def test_the_letter_has_a_heading_a_letterhead_a_print_button_and_a_way_back(person, accessible):
    patient = person("daniel.ellis@example.org")  # Lily's request waits for Dr. Reyes in the demo
    patient.goto("/account")
    patient.locator("main table a").first.click()
    case_url = patient.url
    patient.get_by_role("link", name="Open the letter for your physician").click()
    expect(patient.get_by_role("heading", level=1)).to_have_text("A letter for your physician")
    expect(patient.locator(".letterhead")).to_contain_text("Example Health Network")
    print_button = patient.get_by_role("button", name="Print the letter")
    expect(print_button).to_be_visible()
    accessible(patient)
    # printed, only the letter is on paper: the heading and buttons are for the screen
    patient.emulate_media(media="print")
    expect(patient.get_by_role("heading", level=1)).to_be_hidden()
    expect(patient.locator(".letterhead")).to_be_visible()
    patient.emulate_media(media="screen")
    patient.get_by_role("link", name=re.compile(r"^Back to the request")).click()
    assert patient.url == case_url


def test_the_patients_copy_of_a_report_says_it_is_a_courtesy_copy_and_whose_questions_are_whose(person, accessible):
    patient = person("walter.price@example.org")
    patient.goto("/account")
    for link in patient.locator("main table a").all():
        href = link.get_attribute("href")
        patient.goto(href + "/report")
        if patient.get_by_role("heading", name="Consultation report").count():
            break
    else:
        pytest.fail("the demo has no released report for Walter Price")
    expect(patient.locator(".courtesy-copy")).to_contain_text("Courtesy copy for the patient")
    expect(patient.get_by_role("heading", name="The patient's question")).to_be_visible()
    reviewed = patient.locator("h2:has-text('Records reviewed') + ul li")
    if reviewed.count():
        expect(reviewed.first).to_contain_text("sent by")
    accessible(patient)


def test_a_physician_sees_the_requests_waiting_for_him_and_opens_one(person, accessible):
    physician = person("samuel.reyes@example.org")
    physician.goto("/account")
    waiting = physician.get_by_role("table", name="Requests waiting for your confirmation")
    expect(waiting).to_contain_text("Lily Ellis")
    accessible(physician)
    waiting.get_by_role("button", name=re.compile("Review and confirm")).first.click()
    assert physician.url.endswith("/cases/join/confirm")
    expect(physician.get_by_role("main")).to_contain_text("Lily Ellis")


def test_back_after_a_corrected_error_shows_the_page_and_posts_nothing(person, accessible):
    patient = person("margaret.ellis@example.org")
    patient.goto("/account/contact")
    phone = patient.get_by_label("Telephone number")
    typed_before = phone.input_value()
    phone.fill("617-555")
    patient.get_by_role("button", name="Save my contact details").click()
    # the answer with errors is a page of its own, at the form's address, focused on the summary
    assert patient.url.endswith("/account/contact")
    expect(patient.locator(".error-summary")).to_be_focused()
    expect(patient.get_by_label("Telephone number")).to_have_value("617-555")
    accessible(patient)
    patient.get_by_label("Telephone number").fill(typed_before)
    patient.get_by_role("button", name="Save my contact details").click()
    expect(patient.locator(".notice")).to_contain_text("Your contact details are saved")
    # Back goes to the form as a page: no post is repeated, no "confirm resubmission"
    response = patient.go_back()
    assert response is not None and response.request.method == "GET" and response.ok
    assert patient.url.endswith("/account/contact")
    expect(patient.get_by_role("button", name="Save my contact details")).to_be_visible()
    expect(patient.locator(".error-summary")).to_have_count(0)

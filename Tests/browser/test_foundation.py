"""What a person does first: read the home page, sign in and out, recover a forgotten password,
and land on a missing page. Every page reached is checked with axe-core."""
from playwright.sync_api import expect

from conftest import DEMO_PASSWORD, DEMO_TOTP_SECRET, fresh_code, sign_in


def test_home_page_explains_the_service(page, accessible):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("second opinion")
    expect(page.get_by_role("banner")).to_contain_text("Example Health Network")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("(555) 010-0199")
    accessible(page)


def test_pages_fit_a_320_pixel_screen(page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/signin", "/forgot-password", "/no-such-page"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"


def test_sign_in_and_out_with_a_demo_account(page, accessible):
    page.goto("/signin")
    accessible(page)
    sign_in(page, "grace.okafor@example.org")
    expect(page).to_have_url(page.url.split("/account")[0] + "/account")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.get_by_role("main")).to_contain_text("Grace Okafor")
    expect(page.get_by_role("main")).to_contain_text("Administrator")
    accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("status")).to_contain_text("You have signed out")
    page.goto("/account")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_wrong_password_is_explained_beside_the_field(page, accessible):
    page.goto("/signin")
    page.get_by_label("Email address").fill("grace.okafor@example.org")
    page.get_by_label("Password").fill("not-my-password-1")
    page.get_by_role("button", name="Sign in").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(page.locator("#email-error")).to_have_text("The email address or password is not correct.")
    expect(page.get_by_label("Email address")).to_have_value("grace.okafor@example.org")
    expect(page.get_by_label("Password")).to_have_value("")
    accessible(page)
    # the summary's link takes the keyboard to the field
    summary.get_by_role("link").click()
    expect(page.get_by_label("Email address")).to_be_focused()


def test_keyboard_only_sign_in(page):
    page.goto("/signin")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.get_by_label("Email address").focus()
    page.keyboard.type("miguel.santos@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    # a coordinator's second step, by keyboard too
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    page.get_by_label("6-digit code").focus()
    page.keyboard.type(fresh_code(page.url.split("/signin")[0], DEMO_TOTP_SECRET, "miguel.santos@example.org"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


def test_password_reset_round_trip_through_the_mail(page, mail, accessible):
    page.goto("/signin")
    page.get_by_role("link", name="Forgot your password?").click()
    accessible(page)
    page.get_by_label("Email address").fill("Daniel.Ellis@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    accessible(page)

    link = mail.wait_for_link("daniel.ellis@example.org", "/reset-password")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    accessible(page)
    # a password that breaks the rule is refused with the reason beside the field
    page.get_by_label("New password", exact=True).fill("daniel-1")
    page.get_by_label("New password again").fill("daniel-1")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.locator("#password-error")).to_contain_text("Do not use your name")
    accessible(page)
    page.get_by_label("New password", exact=True).fill("Quiet-harbour-42")
    page.get_by_label("New password again").fill("Quiet-harbour-42")
    page.get_by_role("button", name="Save my new password").click()
    expect(page.get_by_role("status")).to_contain_text("Your password has been changed")

    sign_in(page, "daniel.ellis@example.org", DEMO_PASSWORD)
    expect(page.locator("#email-error")).to_be_visible()
    sign_in(page, "daniel.ellis@example.org", "Quiet-harbour-42")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")

    # the link works only once
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    accessible(page)


def test_missing_page(page, accessible):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    # the number to quote on the telephone is the response's request id, in groups of four
    reference = response.headers["x-request-id"]
    grouped = " ".join(reference[i:i + 4] for i in range(0, len(reference), 4))
    expect(page.locator(".error-reference")).to_have_text(f"If you call us about this, quote this number: {grouped}")
    accessible(page)

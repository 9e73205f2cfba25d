# Consilium's words in English (United States), in Project Fluent's syntax
# (https://projectfluent.org/). es.ftl holds the same messages in Spanish; a test fails
# when a message or a placeholder is in one file and not the other.
# Messages are plain text: the templates keep the markup. Placeholders are named: { $name }.

## Every page

skip-to-content = Skip to main content
account-nav-label = Your account
signed-in-as = Signed in as { $name } ({ $role })
your-account = Your account
sign-out = Sign out
sign-in = Sign in
language-switch-label = Language
footer-questions = Questions? Call us at { $phone }.
footer-service-of = { $service } is a service of { $institution }.
footer-links-label = About the service
footer-questions-link = Questions and contact
footer-terms-link = Terms of Use
footer-privacy-link = Privacy notice
footer-development-mailbox = Development mailbox
footer-development-only = (development only)
error-summary-title = There is a problem

## Roles, as a person's own role is named to them

role-patient = Patient
role-family-member = Family member
role-treating-physician = Treating physician
role-consultant = Consultant
role-coordinator = Coordinator
role-administrator = Administrator

## Home page

home-title = A second opinion from our specialists
home-heading = A second opinion from our specialists, without travelling
home-lead = { $service } lets you and your own doctor ask one of the specialists of { $institution } for a written opinion on your diagnosis or treatment.
home-how-heading = How it works
home-step-register-title = Register.
home-step-register = You, or a family member acting for you, create an account and sign the patient agreement.
home-step-ask-title = Ask with your doctor.
home-step-ask = Your treating physician confirms the request and sends us your medical records.
home-step-review-title = A specialist reviews your case.
home-step-review = { $days ->
        [one] One of our specialists studies your records and writes an opinion, usually within one day of receiving complete records.
       *[other] One of our specialists studies your records and writes an opinion, usually within { $days } days of receiving complete records.
    }
home-step-explain-title = Your doctor explains it.
home-step-explain = The report goes to your doctor, who talks it through with you. You also receive a courtesy copy unless you ask us not to send one.
home-good-to-know = Good to know
home-paper-consultation = This is a consultation on paper: the specialist does not examine you in person. You can always choose an in-person visit at one of our hospitals instead.
home-not-everywhere = The service is not available in every U.S. state or country. We tell you right away if we cannot take your case.
home-private = Your medical information is kept private and seen only by the people working on your case.
home-register-button = Register as a patient or family member
home-physician-question = Are you a treating physician?
home-physician-register = Register as a physician
home-physician-why = to confirm your patients' requests and receive the specialists' reports.
home-questions-before = Questions before you start? Call us at { $phone }.

## Sign in

signin-title = Sign in
signin-expired = For your security you were signed out after a period of inactivity. Please sign in again.
signin-signed-out = You have signed out.
signin-email = Email address
signin-password = Password
signin-button = Sign in
signin-forgot = Forgot your password?
signin-new-here = New here?
signin-register-link = Register as a patient or family member
signin-physician = Are you a treating physician?
signin-physician-link = Register as a physician
signin-error-title = Error: Sign in
signin-missing = Enter your email address and your password.
signin-failed = The email address or password is not correct.
signin-inactive = This account is not active. Please call us if you need help.

## Error pages

error-400-heading = We could not understand that request
error-400-explanation = Something in the request was not in the form we expected. Please go back and try again.
error-403-heading = This form has expired
error-403-explanation = For your security, forms stop working after a while or when opened from another site. Please go back, reload the page and try again.
error-404-heading = Page not found
error-404-explanation = We could not find the page you asked for. It may have moved, or the address may be mistyped.
error-413-heading = That was too large
error-413-explanation = What you sent is larger than we accept. Please send something smaller, or call us for help.
error-429-heading = Too many attempts
error-429-explanation = For your security we have paused further attempts for a little while. Please wait a few minutes and try again.
error-503-heading = We are very busy just now
error-503-explanation = Many people are using the service at this moment, so we could not answer in time. Nothing was lost. Please try again in a few seconds.
error-500-heading = Something went wrong on our side
error-500-explanation = We are sorry: we could not complete your request. Nothing you entered has been lost from your account. Please try again in a moment.
error-other-heading = We could not complete that request
error-other-explanation = Please go back and try again.
error-help = If you need help, call us at { $phone }.
error-home-link = Go to the home page
error-code = Error { $code }
error-reference = If you call us about this, quote this number: { $id }

## Forgotten password

forgot-title = Forgot your password?
forgot-error-title = Error: Forgot your password?
forgot-explanation = Enter the email address you use to sign in. If it belongs to an account, we will email you a link to choose a new password.
forgot-button = Send me a link
forgot-email-invalid = Enter the email address you use to sign in, like name@example.com.
back-to-sign-in = Back to sign in
reset-sent-title = Check your email
reset-sent-explanation = If an account uses the address you entered, we have sent it a link to choose a new password. The link works once and expires in one hour.
reset-sent-nothing-arrived = Nothing arrived after a few minutes? Check your spam folder, or call us at { $phone }.

## Words of every form

error-prefix = Error:
select-prompt = Select
continue = Continue
back = Back
all-fields-required = All fields are required.
nothing-kept = Nothing you entered has been kept.
instead-heading = What you can do instead
back-to-home = Back to the home page
date-day = Day
date-month = Month
date-year = Year

## Registration: the steps

wizard-step-count = Step { $number } of { $total }
wizard-steps-label = Registration steps
wizard-step-done = (done)
wizard-page-title = Step { $number } of { $total }: { $step }
add-patient-page-title = Add a patient: step { $number } of { $total }
reg-step-personal = Personal information
reg-step-agreement = Patient Agreement and Authorization
reg-step-account = Account information
reg-step-contact = Contact information
registration-help = Questions? Read { $questions }, or call us at { $phone }.
registration-help-questions-link = questions and answers
terms-link-text = Terms of Use (version { $version })

## Registration step 1: the patient

reg-personal-heading = Personal information
reg-expired = Your registration session expired, so for your privacy we cleared what you had entered. Please start again.
reg-location-callout = Our service is not available in every U.S. state or country. After you enter the patient's location, we will tell you straight away if we cannot take the case.
reg-about-patient = About the patient
reg-birth-legend = Patient's date of birth
reg-birth-hint = For example 27 3 1957.
reg-about-you-if-family = If you are a family member: about you
reg-about-you = About you
reg-where-patient-lives = Where the patient lives
reg-who-is-registering = Who is registering?
reg-patient-first-name = Patient's first name
reg-patient-last-name = Patient's last name
reg-sex = Patient's sex
reg-sex-hint = As recorded by the patient's doctors.
reg-your-first-name = Your first name
reg-your-last-name = Your last name
reg-relationship = Your relationship to the patient
reg-authority = Your authority to act for the patient
reg-authority-hint = A patient under { $age } can only be registered by a parent or legal guardian.
reg-country = Country where the patient lives
reg-state = State (if the patient lives in the United States)
sex-female = Female
sex-male = Male
sex-other = Other
sex-unknown = Unknown, or prefer not to say
registrant-self = Myself: I am the patient
registrant-family = A family member: I am acting for the patient
relationship-parent = Parent
relationship-spouse_or_partner = Spouse or partner
relationship-adult_child = Son or daughter
relationship-sibling = Brother or sister
relationship-other_relative = Other relative
relationship-legal_guardian = Legal guardian (not a relative)
authority-parent_of_minor = Parent of a patient under 18
authority-legal_guardian = Legal guardian
authority-health_care_proxy = Health-care proxy or power of attorney
authority-family_with_permission = Family member acting with the patient's permission
authority-as-their-parent_of_minor = parent
authority-as-their-legal_guardian = legal guardian
authority-as-their-health_care_proxy = health-care proxy or holder of a power of attorney
authority-as-their-family_with_permission = family member, with their permission
registration-error-country = Select the country where the patient lives.
registration-error-state = Select the state where the patient lives.
registration-error-registrant = Say whether you are the patient or a family member.
registration-error-birth-future = The date of birth must be in the past.
registration-error-birth-too-old = Check the year of birth: it is more than { $years } years ago.
registration-error-birth-incomplete = Enter the patient's date of birth: day, month and year.
registration-error-birth-invalid = Enter a real date of birth, for example 27 3 1957.
registration-error-sex = Select the patient's sex.
registration-error-relationship = Select how you are related to the patient.
registration-error-authority = Select the authority under which you act for the patient.
registration-error-minor-authority = A patient under { $age } can only be registered by a parent or legal guardian.
registration-error-minor-self = A patient under { $age } must be registered by a parent or legal guardian. Please ask them to register for you.
name-empty-patientFirstName = Enter the patient's first name.
name-empty-patientLastName = Enter the patient's last name.
name-empty-proxyFirstName = Enter your first name.
name-empty-proxyLastName = Enter your last name.
name-too-long-patientFirstName = Shorten the patient's first name to { $max } characters.
name-too-long-patientLastName = Shorten the patient's last name to { $max } characters.
name-too-long-proxyFirstName = Shorten your first name to { $max } characters.
name-too-long-proxyLastName = Shorten your last name to { $max } characters.
name-characters-patientFirstName = Use only letters, spaces, hyphens and apostrophes in the patient's first name.
name-characters-patientLastName = Use only letters, spaces, hyphens and apostrophes in the patient's last name.
name-characters-proxyFirstName = Use only letters, spaces, hyphens and apostrophes in your first name.
name-characters-proxyLastName = Use only letters, spaces, hyphens and apostrophes in your last name.

## Registration step 2: the agreement

agreement-title = Patient Agreement and Authorization
agreement-read-intro = Please read the whole agreement. It explains what the consultation can and cannot do, who sees your information and what you agree to.
agreement-includes-terms = It includes our { $terms }.
agreement-signing-for = You are signing on behalf of { $patient }, as their { $authority }. Where the agreement says “you”, it means the patient.
agreement-version-heading = Patient Agreement and Authorization, version { $version }
agreement-not-translated = This agreement is shown in English, the version that binds. If you would like an interpreter to read it with you, call us at { $phone }: it costs you nothing.
agreement-your-acceptance = Your acceptance
agreement-tick = I have read this agreement and the Terms of Use, and I accept them
agreement-signature-label = Type your full name to sign
agreement-signature-hint = Type it as { $name }. This is your electronic signature.
agreement-courtesy-legend = Courtesy copy of the report
agreement-courtesy-hint = The report goes to your treating physician. We can also make a copy available to you. You can change your mind later by calling { $phone }.
agreement-courtesy-yes = Yes, make a courtesy copy of the report available to me
agreement-accept-button = I accept: continue
agreement-decline-button = I do not accept
agreement-error-tick = Tick the box to accept the agreement, or choose “I do not accept”.
agreement-error-signature-empty = Type your full name to sign.
agreement-error-signature-mismatch = Type your name exactly as you gave it: { $name }.

## Registration step 3: the account

reg-account-heading = Account information
reg-email-hint = We will use this address as our main way to contact you. We will not share it or use it for anything else.
reg-email-again = Email address again
reg-password-kept = You have already chosen a password. Leave both password fields empty to keep it.
reg-password-again = Password again
password-rules-intro = Your password needs:
password-needs-length = At least { $min } characters, and at most { $max }.
password-needs-characters = At least one letter, one number and one special character (anything that is not a letter or a number, a space included).
password-needs-uncommon = Not a common password, and not your name or your email address.
password-rule-tooShort = Use at least { $count } characters.
password-rule-tooLong = Use at most { $count } characters.
password-rule-noLetter = Include at least one letter.
password-rule-noDigit = Include at least one number.
password-rule-noSpecial = Include at least one special character, such as ! # % or a space.
password-rule-common = This password is too common and easy to guess. Choose another.
password-rule-containsPersonalDetail = Do not use your name or your email address in your password.
account-error-email-empty = Enter your email address.
account-error-email-form = Enter an email address in the right form, like name@example.com.
account-error-email-again = Enter your email address again.
account-error-email-mismatch = The two email addresses do not match.
account-error-password-empty = Choose a password.
account-error-password-mismatch = The two passwords do not match.

## Registration step 4: contact

reg-contact-heading = Contact information
reg-postal-address = Your postal address
reg-finish-button = Finish registration
reg-agreement-changed = While you were registering we published a new version of the agreement. Please read it and accept it; everything else you entered is kept.
contact-address-line1 = Address line 1
contact-address-line2 = Address line 2 (optional)
contact-city = Town or city
contact-region = State, province or region
contact-region-hint = For the United States, the two-letter state code, like MA.
contact-postal-code = ZIP or postal code
contact-country = Country
contact-phone = Telephone number
contact-phone-hint = A U.S. number as you usually write it, like (617) 555-0123. Other countries: start with + and the country code.
contact-time = Best time to call you (optional)
contact-time-any = No preference
contact-time-morning = Mornings (8 am to noon)
contact-time-afternoon = Afternoons (noon to 5 pm)
contact-time-evening = Evenings (5 pm to 8 pm)
contact-error-addressLine1-empty = Enter the first line of your address.
contact-error-city-empty = Enter your town or city.
contact-error-region-empty = Enter your state, province or region.
contact-error-postalCode-empty = Enter your ZIP or postal code.
contact-error-too-long = Shorten this to { $max } characters.
contact-error-country = Select your country.
contact-error-us-state = Enter a U.S. state, like MA or Massachusetts.
contact-error-zip = Enter a ZIP code of 5 digits, or 5 and 4, like 02114 or 02114-2696.
contact-error-phone-empty = Enter a telephone number.
contact-error-phone-country-code = Start a number outside the United States with + and its country code, like +44 20 7946 0958.
contact-error-phone-us = Enter a U.S. number of 10 digits, like (617) 555-0123, or start with + and the country code.
contact-error-phone-characters = Enter a telephone number using digits, spaces, ( ) - and a leading + only.
contact-error-time = Select a time from the list.

## Registration: the end, and the ways it can stop

check-email-heading = Check your email
check-email-lead = To finish, please open the message we have just sent to your email address and follow the link in it.
check-email-link = The link confirms that the address is yours and signs you in. It works once and expires in 24 hours.
check-email-nothing-arrived = Nothing arrived after a few minutes? Check your spam or junk folder. If you still cannot find it, call us at { $phone }.
declined-heading = You did not accept the agreement
declined-lead = Without your acceptance of the Patient Agreement and Authorization we cannot provide an online consultation, so your registration has stopped here.
declined-instead = You can always choose an in-person evaluation at one of the hospitals or physician offices of { $institution }. Call us at { $phone } and we will help you arrange it, or answer any question about the agreement.
declined-start-again = Start the registration again
not-available-heading = We cannot take this case online
not-available-lead = We are sorry: our online second-opinion service is not available where the patient lives, so we cannot go ahead with this registration.
not-available-instead = You can still ask for an in-person evaluation at one of the hospitals or physician offices of { $institution }. Call us at { $phone } and we will help you arrange it.

## A new version of the agreement, and another patient

accept-new-heading = Please accept the updated agreement
accept-new-lead = We have updated the Patient Agreement and Authorization. Before you continue, please read version { $version } and accept it.
accept-new-applies-to = Your acceptance applies to: { $patients }.
accept-new-tick = I have read the updated agreement and the Terms of Use, and I accept them
accept-new-courtesy-legend = Courtesy copy of reports
accept-new-courtesy-yes = Yes, make a courtesy copy of reports available to me
accept-new-decline = If you do not want to accept it, you can sign out using the link at the top of the page, and call us at { $phone } to talk about an in-person evaluation instead.
accept-new-error-tick = Tick the box to accept the new version, or sign out.
accept-new-error-signature = Type your name exactly as it is on your account: { $name }.
accept-new-signature-hint = Type it as { $name }.
accept-new-thanks = Thank you: you have accepted version { $version } of the agreement.
add-patient-added = { $name } has been added to your account.

## U.S. states and territories, as the state lists name them

us-state-AL = Alabama
us-state-AK = Alaska
us-state-AS = American Samoa
us-state-AZ = Arizona
us-state-AR = Arkansas
us-state-CA = California
us-state-CO = Colorado
us-state-CT = Connecticut
us-state-DE = Delaware
us-state-DC = District of Columbia
us-state-FL = Florida
us-state-GA = Georgia
us-state-GU = Guam
us-state-HI = Hawaii
us-state-ID = Idaho
us-state-IL = Illinois
us-state-IN = Indiana
us-state-IA = Iowa
us-state-KS = Kansas
us-state-KY = Kentucky
us-state-LA = Louisiana
us-state-ME = Maine
us-state-MD = Maryland
us-state-MA = Massachusetts
us-state-MI = Michigan
us-state-MN = Minnesota
us-state-MS = Mississippi
us-state-MO = Missouri
us-state-MT = Montana
us-state-NE = Nebraska
us-state-NV = Nevada
us-state-NH = New Hampshire
us-state-NJ = New Jersey
us-state-NM = New Mexico
us-state-NY = New York
us-state-NC = North Carolina
us-state-ND = North Dakota
us-state-MP = Northern Mariana Islands
us-state-OH = Ohio
us-state-OK = Oklahoma
us-state-OR = Oregon
us-state-PA = Pennsylvania
us-state-PR = Puerto Rico
us-state-RI = Rhode Island
us-state-SC = South Carolina
us-state-SD = South Dakota
us-state-TN = Tennessee
us-state-TX = Texas
us-state-UT = Utah
us-state-VT = Vermont
us-state-VI = U.S. Virgin Islands
us-state-VA = Virginia
us-state-WA = Washington
us-state-WV = West Virginia
us-state-WI = Wisconsin
us-state-WY = Wyoming

## Registration: the patient's language

yes = Yes
no = No
reg-preferred-language = Patient's preferred language
reg-preferred-language-hint = The language the patient is most comfortable speaking about their health.
reg-interpreter = Does the patient need an interpreter when we telephone?
reg-interpreter-hint = Our interpreters are free of charge, in any language.
registration-error-language = Select the patient's preferred language.
registration-error-interpreter = Say whether the patient needs an interpreter when we telephone.
# languages whose names CLDR does not give in every language (spoken-language-<ISO 639 code>)
spoken-language-ase = American Sign Language
spoken-language-pdc = Pennsylvania German

## Mail: every notice is a sentence and a link, never health information

mail-hello = Hello,
mail-not-you = If this was not you, please call us at { $phone } straight away.
mail-verify-subject = Confirm your email address for { $service }
mail-verify-open = Please confirm your email address by opening this link:
mail-verify-after = The link works once and expires in 24 hours. If you did not create an account with { $service }, you can ignore this message.
mail-reset-subject = Reset your { $service } password
mail-reset-open = Someone, probably you, asked to reset the password of your account. To choose a new password, open this link:
mail-reset-after = The link works once and expires in one hour. If you did not ask for this, you can ignore this message: your password has not changed.
mail-invitation-subject = You are invited to { $service }
mail-invitation-invited = { $inviter } has invited you to join { $service } as { $role }.
mail-invitation-open = To accept, open this link, choose your password and set up two-step sign-in with an authenticator app on your phone:
mail-invitation-after = The link works once and expires in 7 days. If you did not expect this invitation, you can ignore this message.
mail-two-factor-on-subject = Two-step sign-in was turned on for your { $service } account
mail-two-factor-on-sentence = Two-step sign-in was just turned on for your account: signing in now also needs a code from your authenticator app.
mail-two-factor-off-subject = Two-step sign-in was turned off for your { $service } account
mail-two-factor-off-sentence = Two-step sign-in was just turned off for your account: your password alone now signs you in.
mail-two-factor-reset-subject = Two-step sign-in was reset for your { $service } account
mail-two-factor-reset-sentence = At your request, two-step sign-in was reset for your account: you will set up your authenticator app again at your next sign-in, and you have been signed out everywhere.
mail-two-factor-recovery-used-subject = A recovery code was used to sign in to your { $service } account
mail-two-factor-recovery-used-sentence = Someone signed in to your account with one of your recovery codes instead of a code from your authenticator app. { $left ->
        [one] { $left } of your { $total } codes is left.
       *[other] { $left } of your { $total } codes are left.
    }
mail-two-factor-recovery-renewed-subject = New recovery codes were made for your { $service } account
mail-two-factor-recovery-renewed-sentence = New recovery codes were made for your account; the old ones no longer work.
mail-password-changed-subject = Your { $service } password was changed
mail-password-changed-sentence = The password of your account was just changed, and every other place where you were signed in has been signed out.
mail-password-changed-not-you = If you did not do this, please call us at { $phone } straight away.
mail-attempt-subject = Someone tried to register with your email address
mail-attempt-sentence = Someone just tried to create a new { $service } account with this email address, which already has an account. No new account was created.
mail-attempt-sign-in = If it was you, you can sign in here:
mail-attempt-forgot = If you have forgotten your password, use “{ $forgot }” on that page. If it was not you, you can ignore this message.
mail-physician-invited-subject = A patient has asked you to take part in a second-opinion consultation
mail-physician-invited-sentence = One of your patients has asked for a second opinion through { $service }, a service of { $institution }, and named you as their treating physician.
mail-physician-invited-open = To see the request, sign in (or register as a treating physician) with this link:
mail-physician-invited-after = The link works for 30 days. If you are not this patient's physician, you can say so after signing in.
mail-case-updated-subject-patient = There is news about your second-opinion request
mail-case-updated-subject-physician = There is news about a second-opinion request of your patient
mail-case-updated-sentence-patient = Something has changed in your second-opinion request. Please sign in to see it:
mail-case-updated-sentence-physician = Something has changed in a second-opinion request of your patient. Please sign in to see it:
mail-follow-up-subject = A follow-up question on a report you signed
mail-follow-up-sentence = The treating physician has asked a follow-up question about a consultation report you signed. Please sign in to read it and answer with a signed addendum:
mail-assigned-subject = A second-opinion case has been assigned to you
mail-assigned-sentence = A case has been assigned to you for review. Please sign in to see it:
mail-report-ready-subject = The specialist's report is ready
mail-report-ready-sentence = The specialist's report on a second-opinion request is ready. Please sign in to read it:
mail-physician-rejected-subject = We could not verify your { $service } registration
mail-physician-rejected-sentence = We were not able to verify your registration as a treating physician, so your account cannot be used to take part in consultations.
mail-physician-rejected-call = If you think this is a mistake, please call us at { $phone }.

## The agreement and the terms, and their translations

terms-version-heading = Terms of Use, version { $version }
document-version-line = Version { $version }, published { $date }.
agreement-translated = This is our translation into your language. The English text is the version that binds; if anything differs, the English text applies.

## The report, as the patient's side reads it

report-summary-for-you = Summary for you
report-summary-written-by = Written by { $name }, the consulting specialist, in { $language }.
report-summary-translated = Translated into { $language } by { $translator }. Attached by { $coordinator } on { $date }. The specialist's original is above.

## Where a request stands, as each reader is told

case-state-draft-patient = Draft
case-state-draft-physician = Draft
case-state-draft-staff = Draft
case-state-submitted-patient = Waiting for your physician to confirm
case-state-submitted-physician = Waiting for you to confirm
case-state-submitted-staff = Waiting for the treating physician to confirm
case-state-physician_confirmed-patient = Confirmed by the treating physician
case-state-physician_confirmed-physician = Confirmed by the treating physician
case-state-physician_confirmed-staff = Confirmed by the treating physician
case-state-physician_declined-patient = The physician did not confirm
case-state-physician_declined-physician = You did not confirm
case-state-physician_declined-staff = The physician did not confirm
case-state-in_review-patient = Being reviewed by our coordinators
case-state-in_review-physician = Being reviewed by our coordinators
case-state-in_review-staff = In review
case-state-info_requested-patient = More information requested
case-state-info_requested-physician = More information requested
case-state-info_requested-staff = More information requested
case-state-assigned-patient = With a specialist
case-state-assigned-physician = With a specialist
case-state-assigned-staff = Assigned to a consultant
case-state-report_drafted-patient = Report being finalized
case-state-report_drafted-physician = Report being finalized
case-state-report_drafted-staff = Report drafted
case-state-released-patient = Report released
case-state-released-physician = Report released
case-state-released-staff = Report released
case-state-closed-patient = Closed
case-state-closed-physician = Closed
case-state-closed-staff = Closed
case-state-withdrawn-patient = Withdrawn
case-state-withdrawn-physician = Withdrawn
case-state-withdrawn-staff = Withdrawn
case-state-declined-patient = Not suitable for a remote opinion
case-state-declined-physician = Not suitable for a remote opinion
case-state-declined-staff = Not suitable for a remote opinion

## Confirming the email address, and links that no longer work

verify-heading = Confirm your email address
verify-lead = Press the button to confirm that this email address is yours. You will then be signed in.
verify-button = Confirm my email address
verify-confirmed = Thank you: your email address is confirmed.
verify-confirmed-sign-in = Thank you: your email address is confirmed. Please sign in.
verify-new-link-sent = We have sent a new confirmation link to { $email }.
link-expired-heading = This link no longer works
link-expired-lead = Links we send by email work once and only for a limited time. This one has already been used or has expired.
link-expired-password = To choose a new password, { $link }.
link-expired-ask-new = ask for a new link
link-expired-confirm = To confirm your email address, { $link } and ask for a new confirmation link from your account page.
link-expired-sign-in = sign in
link-expired-invitation = An invitation to join our staff that has expired can be sent again by an administrator.

## Your account

dashboard-name = Name
dashboard-role = Role
dashboard-email-confirmed = Email confirmed
dashboard-not-yet = Not yet
dashboard-confirm-email = Please confirm your email address: we use it to tell you when something happens in your case. Look for our message, or ask for a new one.
dashboard-new-link = Send me a new confirmation link
dashboard-physician-heading = Your registration as a physician
dashboard-physician-status = Status: { $status }.
dashboard-physician-once-verified = You will be able to see your patients' requests once our coordinators have verified your details.
physician-verified = Verified
physician-not-verified = Not verified
physician-waiting = Waiting for verification
dashboard-waiting-heading = Requests waiting for you to confirm
dashboard-waiting-lead = These patients named you as their treating physician. Confirm each request to take part, or say that the patient is not yours.
dashboard-waiting-caption = Requests waiting for your confirmation
column-reference = Reference
column-patient = Patient
column-specialty = Specialty
column-asked-on = Asked on
column-action = Action
column-where-it-stands = Where it stands
dashboard-review-confirm = Review and confirm
dashboard-request-number = request { $number }
dashboard-join = Join a patient's request
dashboard-administration = Administration
dashboard-administration-link = Settings, agreement, people and the audit log
dashboard-coordination = Coordination
dashboard-queue-link = Case queue
dashboard-physicians-link = Physicians to verify
dashboard-ask = Ask for a second opinion
dashboard-requests = Requests
dashboard-requests-caption = Second-opinion requests
dashboard-patients-you-act-for = Patients you act for
dashboard-your-registration = Your registration
dashboard-relationship = Relationship
dashboard-relationship-you = You
dashboard-agreement-signed = Agreement signed
dashboard-signed-version = { $version }, on { $date }, by { $name }
dashboard-version-number = Version { $version }
dashboard-courtesy-copy = Courtesy copy of reports
dashboard-courtesy-declined = No, declined
dashboard-add-patient = Add another patient
dashboard-contact-heading = Your contact details
dashboard-postal-address = Postal address
dashboard-telephone = Telephone
dashboard-not-given = Not given yet
dashboard-change-contact = Change your contact details
dashboard-security = Security
dashboard-change-password = Change your password
dashboard-two-factor-on = Two-step sign-in is on.
dashboard-two-factor-off = Two-step sign-in is off.
dashboard-two-factor-settings = Recovery codes and settings
dashboard-two-factor-set-up = Set up two-step sign-in
contact-time-phrase-morning = best mornings, 8 am to noon
contact-time-phrase-afternoon = best afternoons, noon to 5 pm
contact-time-phrase-evening = best evenings, 5 pm to 8 pm
terms-title = Terms of Use

## Asking for a second opinion

request-lead = Tell us what you would like a specialist to look at, and who your treating physician is. Your physician confirms the request and sends us your records.
request-who-for = Who is the consultation for?
request-specialty = Kind of specialist
request-question = Your question, in your own words
request-question-hint = For example: Is surgery the right treatment for me, or are there other options?
request-diagnosis = Current diagnosis, if you know it (optional)
request-treatments = Current treatments and medications (optional)
request-your-physician = Your treating physician
request-physician-name = Your treating physician's name
request-physician-email = Your physician's email address
request-physician-email-hint = We send your physician a link to join. It contains no health information.
request-physician-npi = Your physician's NPI (optional)
request-physician-npi-hint = The 10-digit National Provider Identifier, if you know it.
request-send = Send my request
request-error-patient = Choose who the consultation is for.
request-error-specialty = Select the kind of specialist you would like an opinion from.
request-error-question = Write the question you would like the specialist to answer.
request-error-physician-name = Enter your treating physician's name.
request-error-physician-email = Enter your physician's email address, like name@practice.org.
request-error-npi-check = This NPI's last digit does not match the others: please check it, or leave it empty.
request-error-npi-length = An NPI has exactly 10 digits. If you do not know it, leave it empty.
request-error-answer = Write your answer before sending it.
request-opened = Your request is open. Its reference number is { $reference }.
request-physician-invited = We have invited { $name } to join your request.
request-answer-sent = Thank you: your answer has been sent to our coordinators.

## A request, as the patient's side and the physician read it

case-heading = Second-opinion request
case-reference = Reference number
case-patient-language = Patient's language
case-question = Question
case-diagnosis = Current diagnosis
case-treatments = Treatments and medications
case-physician = Treating physician
case-from-physician = From the treating physician
case-clinical-history = Clinical history
case-clinical-question = Clinical question
case-materials = Materials to be sent
case-turnaround = Turnaround: { $clock }.
case-clock-running = { $duration } since the records were complete, against a target of { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
case-clock-stopped = report released { $duration } after the records were complete, against a target of { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
case-messages = Messages from our coordinators
case-message-decline = Why the case was declined
case-message-reply = Answer
case-message-request = More information needed
case-your-answer = Your answer
case-answer-hint = You can also send records from the Medical records page.
case-send-answer = Send my answer
case-access-link = Who has looked at this information
case-emailed-physician = We have emailed { $name } a link to join. You can also give them a letter with the reference number.
case-open-letter = Open the letter for your physician
case-physician-declined = Your physician did not confirm
case-physician-declined-lead = { $name } told us they are not your treating physician. You can name another physician, and we will invite them.
case-invite-physician = Invite this physician
case-records-link = Medical records
case-report-link = Consultation report
case-timeline = Timeline
case-took = { $duration } after the step before
case-record-received = Record received
duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
duration-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
duration-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
case-title = Second-opinion request { $reference }

## Medical records

back-to-request = Back to the request { $reference }
records-for = For { $patient }, request { $reference }.
records-refused = We could not take these files
records-send = Send records
records-accepted = We accept { $kinds }, up to { $size } each. You can choose several files at once.
records-accepted-kinds = PDF documents, JPEG and PNG images, DICOM imaging files, and ZIP archives of DICOM files
records-category = What kind of records are these?
records-description = Description (optional)
records-description-hint = For example: CT of the chest, March 2026.
records-files = Files
records-send-button = Send the files
records-received = Records received
records-none = No records yet.
records-removed = (removed: entered in error)
records-sent-by = { $category } · { $size } · sent by { $name } on { $date }
records-dicom-study = DICOM: { $modality } study
records-study-of = of { $date }
records-zip = ZIP archive of { $entries } DICOM files
records-check = Check:
records-check-coordinators = Our coordinators will confirm it belongs to this patient.
records-view = View { $name }
records-download = Download { $name }
records-remove = Remove { $name }
record-category-imaging = Imaging
record-category-pathology = Pathology
record-category-laboratory = Laboratory results
record-category-clinical_notes = Clinical notes
record-category-other = Other

## The consultation report, as the physician and the patient's side read it

report-courtesy-marker = (patient's courtesy copy)
report-request = Request { $reference }
report-patient = Patient: { $name }
report-signed-short = { $name }, signed { $date }
report-signed-by = Signed by { $name } on { $date }
report-courtesy-title = Courtesy copy for the patient.
report-courtesy-lead = This report is written for your treating physician, { $name }, who will go through it with you and answer your questions about it.
report-questions-asked = The questions asked
report-patient-question = The patient's question
report-physician-question = The treating physician's clinical question
report-records-reviewed = Records reviewed
report-sent-by = sent by { $name } on { $date }
report-history = Summary of the history
report-opinion = Opinion
report-recommendations = Recommendations
report-answers = Answers to the questions asked
report-seal = Electronically signed by { $name } on { $date }. Content SHA-256:
report-addenda = Addenda
report-addendum = Addendum
report-answer-to = Answer to: { $question }
report-addendum-seal = Signed by { $name } on { $date }. SHA-256:
report-follow-ups = Follow-up questions
report-answered = answered below the report
report-waiting-answer = waiting for an answer
report-ask-label = Ask the consultant a follow-up question
report-questions-up-to = { $count ->
        [one] You can ask { $count } follow-up question about this report.
       *[other] You can ask up to { $count } follow-up questions about this report.
    }
report-questions-more = { $count ->
        [0] You cannot ask more questions about this report.
        [one] You can ask { $count } more.
       *[other] You can ask { $count } more.
    }
report-send-question = Send the question
report-summary-as-written = Summary for the patient, as written for them

## Password and contact details

password-change-lead = When you change your password, you are signed out everywhere else.
password-current = Current password
password-new = New password
password-new-again = New password again
password-change-button = Change my password
password-change-not-current = This is not your current password.
password-change-done = Your password has been changed.
password-reset-heading = Choose a new password
password-reset-button = Save my new password
password-reset-done = Your password has been changed. Please sign in with your new password.
back-to-account = Back to your account
contact-lead = We use these to reach you about your requests. We do not share them or use them for anything else.
contact-save = Save my contact details
contact-saved = Your contact details are saved.
cancel = Cancel

## Questions and the privacy notice

questions-title = Questions and contact
questions-lead = If your question is not answered here, call us at { $phone }. We are glad to help, and we can answer questions about the agreement before you sign it.
questions-how = How does it work?
questions-how-answer = You, or a family member acting for you, register and sign the Patient Agreement and Authorization. You then ask for a consultation together with your own doctor, your treating physician, who confirms the request and sends us your medical records. One of the specialists of { $institution } studies the records and writes an opinion. The report goes to your doctor, who explains it to you; you also receive a courtesy copy unless you tell us you do not want one.
questions-talk = Will I talk to the specialist?
questions-talk-answer = No. The specialist gives an opinion from your records and does not examine you. Everything the specialist says reaches you through your own doctor. If you would like to be seen in person, we can help you arrange a visit at one of our hospitals.
questions-how-long = How long does it take?
questions-how-long-answer = Usually about a week from the day we have all the records the specialist needs. We tell you and your doctor if we need anything more.
questions-cost = What does it cost?
questions-cost-answer = We tell you the fee, if there is one, before the specialist starts. Call us to ask whether your insurance may cover it.
questions-who = Who can register?
questions-who-answer = Patients who live where our service is available, and family members acting for them: a parent of a patient under 18, a legal guardian, a health-care proxy or holder of a power of attorney, or another family member with the patient's permission. A patient under 18 can only be registered by a parent or legal guardian.
questions-physician = Are you a treating physician?
questions-physician-answer = If a patient of yours has named you on a request, or you want to take part with them, { $link }. Our coordinators check your NPI and license before you can see a request; then you confirm it, send the records, and receive the specialist's report.
questions-physician-link = register as a physician
questions-not-available = What if the service is not available where I live?
questions-not-available-answer = We tell you as soon as you enter the patient's location, and we keep nothing you typed. You can still ask for an in-person evaluation at one of our hospitals.
questions-emergencies = Is this for emergencies?
questions-emergencies-answer = No. If you have a medical emergency, call 911 or go to the nearest emergency department.
questions-privacy = Who sees my information?
questions-privacy-answer = Only the people working on your case. Read our { $link } for the details.
questions-privacy-link = privacy notice
privacy-lead = { $institution } runs { $service }. This notice says what we keep about you, why, for how long, and who sees it.
privacy-what = What we keep
privacy-what-account = Your account: your name, email address and a scrambled form of your password that no one can read back.
privacy-what-patient = The patient's details: name, date of birth, sex, where they live and the language they prefer; and, for a family member, your relationship and the authority you act under.
privacy-what-agreement = The agreement you signed: which version, in which language you read it, the name you typed, when, and from which internet address and browser.
privacy-what-contact = Your postal address, telephone number and the time you prefer us to call.
privacy-what-case = The case: the questions asked, the records sent, the specialist's report and its follow-up answers.
privacy-what-log = A record of every time anyone opens or changes the case, so that we can always tell you who looked at it.
privacy-who = Who sees it
privacy-who-answer = The patient and the family members they registered, the patient's treating physician once they confirm the request, the specialist assigned to the case, and the service's coordinators. No one else. We never sell your information or use it for advertising.
privacy-email = Email
privacy-email-answer = We use your email address only to tell you that something has happened in your case, with a link to sign in. Our messages never contain health information.
privacy-how-long = How long we keep it
privacy-how-long-answer = As long as the law requires us to keep medical records, and then we delete it.
privacy-choices = Your choices
privacy-choices-answer = You can ask us what we hold about you, ask us to correct it, or decline the courtesy copy of the report at any time. Call us at { $phone }.

## A treating physician's registration

physician-register-heading = Register as a treating physician
physician-register-lead = Register here if a patient of yours has asked for a second opinion through { $service }. All fields are required unless marked optional. We verify every physician's identity before they can see a patient's information; this usually takes one working day.
physician-your-practice = Your practice
physician-register-button = Register
physician-already-registered = Already registered?
physician-first-name = First name
physician-last-name = Last name
physician-email-hint = We write to you here when a patient needs you. We never share it.
physician-npi = National Provider Identifier (NPI)
physician-npi-hint = 10 digits.
physician-licence-state = State that issued your medical license
physician-licence-number = License number
physician-specialty = Your specialty
physician-specialty-hint = For example: Internal medicine, Family medicine, Cardiology.
physician-practice-name = Practice name
physician-address-line1 = Practice address line 1
physician-address-line2 = Practice address line 2 (optional)
physician-state = State
physician-postal-code = ZIP code
physician-phone = Practice telephone number
physician-error-firstName-empty = Enter your first name.
physician-error-firstName-characters = Use only letters, spaces, hyphens and apostrophes in your first name.
physician-error-lastName-empty = Enter your last name.
physician-error-lastName-characters = Use only letters, spaces, hyphens and apostrophes in your last name.
physician-error-too-long = Shorten this to { $max } characters.
physician-error-npi-empty = Enter your 10-digit NPI.
physician-error-npi-digits = An NPI has exactly 10 digits.
physician-error-npi-check-digit = This NPI's last digit does not match the others: please check it for a typo.
physician-error-npi-taken = A physician with this NPI is already registered. Sign in, or call us if this is wrong.
physician-error-licenceState = Select the state that issued your license.
physician-error-licenceNumber-empty = Enter your license number.
physician-error-specialty-empty = Enter your specialty.
physician-error-practiceName-empty = Enter the name of your practice.
physician-error-addressLine1-empty = Enter the first line of the practice's address.
physician-error-city-empty = Enter the practice's town or city.
physician-error-state = Select the practice's state.
physician-error-postalCode = Enter a ZIP code of 5 digits, or 5 and 4.
physician-error-phone = Enter the practice's telephone number, like (617) 555-0123.

## A treating physician joins a patient's request

join-invite-heading = A patient has asked for your opinion
join-invite-lead = One of your patients has named you as their treating physician for a second-opinion request. Sign in to see it; if you have no account yet, register first and then open this link again.
join-heading = Join a patient's request
join-not-verified = Your registration is waiting to be verified by our coordinators. Once it is, you can enter the reference number here, or follow the link in the email we sent you.
join-lead = Enter the reference number from your patient's letter.
join-find = Find the request
join-reference = Reference number
join-reference-hint = The 10-digit number on your patient's letter.
join-error-digits = A reference number has 10 digits.
join-error-check-digit = This number's last digit does not match the others: please check it for a typo.
join-error-not-found = We could not find a request waiting for you under that number. Check the number with your patient, and that they named you with this account's email address or your NPI.
join-confirm-heading = Confirm the request
join-patient = Patient
join-patient-born = { $name }, born { $date }
join-patients-question = The patient's question
join-your-confirmation = Your confirmation
join-confirm-statement = I am this patient's treating physician and I request this consultation
join-not-my-patient = Not my patient
join-clinical-history = Clinical history
join-clinical-question = Your clinical question for the specialist
join-materials = Materials you will send
join-materials-hint = For example: CT chest 3 March, pathology report, last three clinic letters.
join-error-confirm = Tick the box to confirm that you are this patient's treating physician, or choose “Not my patient”.
join-error-clinicalHistory-empty = Enter the clinical history.
join-error-clinicalQuestion-empty = Enter the clinical question.
join-error-materials-empty = Enter the materials you will send.
join-error-too-long = Shorten this to { $max } characters.
join-declined-notice = Thank you. We have told the patient that you are not their treating physician.
join-confirmed-notice = Thank you: you have confirmed the request. The patient has been told.

## Why a request was refused (the detail of an error page)

refused-not-now = This cannot be done at this point of the request.
refused-not-waiting-for-physician = This request is not waiting for another physician.
refused-not-waiting-for-answer = This request is not waiting for information from you.
refused-report-signed = A signed report cannot be changed. Add a signed addendum instead.
refused-release = Only a signed report that has not been released can be released.
refused-addendum = Addenda follow a signed report.
refused-answered = This question already has a signed answer.
refused-translation-summary = A translation follows a signed report that has a summary for the patient.
refused-translation = A translation follows a signed report.
refused-not-multipart = Send the files as a multipart form.
email-not-verified-notice = Please confirm your email address first: use the link we sent you, or ask for a new one below.

## Sending records: what was received, and why a file was refused

upload-received = { $count ->
        [one] Your file has been received.
       *[other] Your { $count } files have been received.
    }
upload-refused-kind = We could not accept “{ $file }”: { $reason }. We accept { records-accepted-kinds }.
upload-refused-too-large = “{ $file }” is larger than the { $limit } we accept for one file. Nothing was stored.
upload-refused-case-full = These files would take the case past the space left for it ({ $limit }). Nothing was stored.
upload-refused-no-files = Choose at least one file to send.
upload-refused-malformed = The upload did not arrive complete. Please try again.
upload-reason-dicom-program = it is a DICOM file whose header holds a program
upload-reason-empty = it is empty
upload-reason-kind = it is not one of the kinds we accept
upload-reason-image-header = its image header is not readable
upload-reason-image-pixels = it is an image of { $width } × { $height } pixels, more than the { $millions } million we accept
upload-reason-image-short = it ends before its image header says how large it is
upload-reason-zip-entry = the archive holds “{ $name }”, which is not a DICOM file
upload-reason-zip-encrypted = the archive uses encrypted entries, which we cannot check
upload-reason-zip-sizes = the archive uses stored entries without sizes, which we cannot check
upload-reason-zip-method = the archive uses compression method { $method }, which we cannot check
upload-reason-zip-empty = the archive holds no DICOM file
upload-reason-zip-unreadable = it is not a readable ZIP archive
# The words of the upload script (Public/js/uploads.js), given to it by the page
upload-js-progress = Progress of
upload-js-received = Received
upload-js-not-received = Not received:
upload-js-try-again = please try again
upload-js-connection-failed = the connection failed
upload-js-summary = Files received:
upload-js-summary-refused = The files marked “Not received” were not stored: you can choose them again.

## The letter a patient gives their physician

letter-title = Letter to your physician
letter-back = Back to the request { $reference }
letter-heading = A letter for your physician
letter-lead = Print it, or save it as a PDF from the print window, and give it to { $name }. We have also emailed them the same invitation.
letter-in-language = The letter is in { $language }. Also in:
letter-print = Print the letter
letter-label = The letter
letter-telephone = Telephone
letter-dear = Dear { $name },
letter-subject = Your patient asks for a second opinion: request { $reference }
letter-your-patient = Your patient, { $patient }, has asked for a second opinion through { $service }, a service of { $institution }, and has named you as their treating physician.
letter-review = A specialist of { $institution } will review the case from the records you send and write a consultation report. The report is made available to you, and you remain responsible for the patient's care and for explaining the opinion to them.
letter-reference = Reference number:
letter-to-take-part = To take part:
letter-step-register = Register as a treating physician at { $url } (or sign in if you already have an account). We verify your identity once.
letter-step-join = Enter the reference number at { $url }, confirm the request, and tell us which records you will send.
letter-questions = Questions? Call { $service } at { $phone }.
letter-thanks = With thanks,

## Two-step sign-in: the code, recovery codes, and setting it up

code-heading = Enter your sign-in code
code-lead = Open the authenticator app on your phone and enter the 6-digit code it shows for { $service }.
code-label = 6-digit code
code-use-recovery = I do not have my phone: use a recovery code
code-someone-else = Sign in as someone else
code-error-replayed = That code has already been used. Wait for the app to show a new one, then enter it.
code-error-wrong = That code is not right. Enter the 6 digits your authenticator app shows now.
recovery-heading = Use a recovery code
recovery-lead = Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.
recovery-label = Recovery code
recovery-hint = Like { $example }. Capitals and hyphens do not matter.
recovery-use-app = Use the code from my authenticator app instead
recovery-none = No phone and no recovery codes? Call us at { $phone }: an administrator can let you set up two-step sign-in again once we have confirmed who you are.
recovery-error-wrong = That recovery code is not right, or it was already used.
recovery-used-notice = { $left ->
        [one] You used a recovery code; { $left } of { $total } is left.
       *[other] You used a recovery code; { $left } of { $total } are left.
    }
recovery-new-phone = If your phone is lost, turn two-step sign-in off and on again from your account page to set up a new phone.
recovery-new-phone-staff = If your phone is lost, ask an administrator to reset two-step sign-in so that you can set up a new phone.
enrol-required = Because your work opens many patients' records, a password alone is not enough. Before you can see any patient's information, set up two-step sign-in: each time you sign in, you will also enter a code from an app on your phone.
enrol-why = Two-step sign-in protects your records even if someone learns your password: each time you sign in, you also enter a code from an app on your phone.
enrol-install = Install an authenticator app
enrol-install-examples = For example Google Authenticator, Microsoft Authenticator or 1Password, from your phone's app store.
enrol-add = Add { $service } to the app
enrol-scan = In the app, choose to add an account, then scan this QR code with your phone's camera.
enrol-qr-alt = QR code for your authenticator app. If you cannot scan it, type the key shown below instead.
enrol-qr-title = QR code for your authenticator app
enrol-manual-key = If you cannot scan it, choose to enter a key by hand and type this key (spaces do not matter; it is time-based):
enrol-enter-code = Enter the code the app shows
enrol-turn-on = Turn on two-step sign-in
enrol-error-code = That code is not right. Check that the app shows { $service } and enter the 6 digits it shows now.
two-factor-heading = Two-step sign-in
two-factor-on-lead = Two-step sign-in is on: when you sign in, you enter your password and then a code from your authenticator app.
recovery-codes-heading = Recovery codes
two-factor-codes-left = { $left ->
        [one] You have { $left } unused recovery code of { $total }.
       *[other] You have { $left } unused recovery codes of { $total }.
    }
two-factor-few-left = Make new ones now, so you are not locked out if you lose your phone.
two-factor-new-codes-stop-old = Making new codes stops the old ones from working.
two-factor-app-code = Code from your authenticator app
two-factor-make-codes = Make new recovery codes
two-factor-new-phone = A new phone
two-factor-new-phone-lead = If you change phones, move the app's accounts to the new phone. If you cannot, call us at { $phone }: an administrator can let you set up two-step sign-in again.
two-factor-turn-off-heading = Turn it off
two-factor-your-password = Your password
two-factor-turn-off = Turn off two-step sign-in
two-factor-back = Back to your account
two-factor-error-code = That code is not right, or was already used. Enter the code your app shows now.
two-factor-error-password = This is not your current password.
two-factor-off-notice = Two-step sign-in is off. You sign in with your password alone.
codes-heading = Save your recovery codes
codes-lead = If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Print this page or write them down, and keep them somewhere safe.
codes-only-once = This is the only time they are shown.
codes-saved = I have saved my recovery codes

## Who has looked at the patient's information

access-title = Who has looked at this information
access-heading = Who has looked at { $name }'s information
access-lead = Every time someone opens, sends or changes { $name }'s request, records or report, we record who it was and when. If anything here surprises you, call us at { $phone }.
access-nobody = Nobody has looked at it yet.
access-others = Other people
access-nobody-else = Nobody but you and your family has looked at it yet.
access-others-caption = Other people's access, most recent first
access-own-summary = You and your family: { $visits }
access-own-caption = Your own and your family's access, most recent first
access-who = Who
access-what = What they did
access-how-often = How often
access-when = When
access-last = Last { $date }
access-first = First { $date }
access-capped = Only the latest { $limit } are counted. Call us for the full record.
access-you = You
access-former-account = A former account
access-automatic = { $service }, automatically
access-times = { $count ->
        [one] Once
       *[other] { $count } times
    }
access-visits = { $count ->
        [one] { $count } visit
       *[other] { $count } visits
    }
access-action-case-opened = Opened the request
access-action-case-viewed = Looked at the request
access-action-case-letter-viewed = Opened the letter for the treating physician
access-action-case-state-changed = Moved the request on
access-action-record-uploaded = Sent a medical record
access-action-record-viewed = Looked at a medical record
access-action-record-list-viewed = Looked at the list of medical records
access-action-record-downloaded = Downloaded a medical record
access-action-record-entered-in-error = Withdrew a medical record sent in error
access-action-report-viewed = Read the specialist's report
access-action-report-draft-saved = Worked on the specialist's report
access-action-report-addendum-signed = Added to the report
access-action-case-follow-up-asked = Asked a follow-up question
access-action-consent-courtesy-copy-declined-by-phone = Recorded your choice about the courtesy copy
confirm-go-back = Go back

## What kind of file a record is, and why a request moved, as its timeline says

file-kind-pdf = PDF document
file-kind-jpeg = JPEG image
file-kind-png = PNG image
file-kind-dicom = DICOM image
file-kind-zip = ZIP archive of DICOM images
file-kind-other = File
timeline-reason-caseOpened = Case opened
timeline-reason-physicianConfirmed = Confirmed as the patient's treating physician
timeline-reason-physicianDeclined = Not this physician's patient
timeline-reason-physicianRenamed = Another treating physician named
timeline-reason-reviewBegins = Records complete; review begins
timeline-reason-informationRequested = More information requested
timeline-reason-notSuitable = Not suitable for a remote opinion
timeline-reason-informationSent = Information sent
timeline-reason-moreRecordsSent = More records sent
timeline-reason-reportSigned = Report signed
timeline-reason-reportReleased = Report released
timeline-reason-caseClosed = Case closed
timeline-reason-assigned = Assigned to { $name }
timeline-reason-reassigned = Reassigned to { $name }
report-title = Consultation report { $reference }
report-error-question = Write your question before sending it.
report-error-follow-up-limit = { $count ->
        [one] Each request may have { $count } follow-up question, and it has been asked.
       *[other] Each request may have { $count } follow-up questions, and all have been asked.
    }
report-question-sent = Your question has been sent to the consultant.

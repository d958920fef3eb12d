# Documents: certificates (PDF), the teacher's portfolio, checking a certificate by its number.
# doc-* keys are the text of the PDF documents themselves (no HTML); the rest are bot messages (HTML).

cmd-documents = My documents: certificates and portfolio
cmd-verify = Check a certificate by its number
cmd-teacher = A teacher's card and portfolio

## Where to find them

profile-documents = 📄 My documents
documents-certificate-button = 🏅 Get the certificate (PDF)
meeting-attended-notice =
    ✅ A methodist marked you present: { $kind } “{ $title }”, { $when }.
    Your certificate of participation: the button below, or “Profile” → “My documents”.

## “My documents”

documents-title = 📄 <b>My documents</b>
documents-intro = Certificates of your published materials and of the open lessons you gave, and certificates of participation in the meetings a methodist marked you present at. Each has its own number and a QR code to check it.
documents-empty = Nothing earns a certificate yet: publish a material, give an open lesson or take part in a meeting that a methodist marks.
documents-entry-material = 📚 { $day } · “{ $title }”
documents-entry-lesson = 🏫 { $day } · lesson “{ $title }”
documents-entry-meeting = 🗓 { $day } · “{ $title }”
documents-entry-number = No. { $number }
documents-entry-later = available from { $day }, once colleagues have rated the lesson
documents-entry-new = not issued yet: press its button
documents-portfolio-hint = 📂 <b>Portfolio</b>: courses, lessons, materials, meetings and all certificates of an academic year in one PDF for the attestation commission.
documents-portfolio-year = 📂 Portfolio { $year }
documents-portfolio-span = 📅 Portfolio for another period
documents-ask-span = Which period should the portfolio cover? Write two dates with the year, e.g. <code>01.09.2025 – 31.12.2025</code>. To leave: /cancel.
documents-in-ru = 🇷🇺 На русском
documents-in-en = 🇬🇧 In English
documents-certificate-caption =
    🏅 <b>{ $title }</b> No. <code>{ $number }</code>
    Check it: { $url }
documents-portfolio-caption = 📂 <b>Portfolio</b>: { $name }, { $span }. Certificates in it: { $count }.
documents-portfolio-year-span = academic year { $year }
documents-portfolio-days-span = { $from } – { $until }
documents-file-certificate = Certificate_{ $number }.pdf
documents-file-portfolio = Portfolio_{ $name }_{ $span }.pdf
error-documents-not-yours = ⛔ These are someone else's documents.
error-documents-other-district = ⛔ This teacher is of another district: a methodist of her district prepares her documents.
error-documents-none-material = A certificate is issued for a material of yours published in the bank. This material is not among your published ones (it may have been removed).
error-documents-none-lesson = A certificate is issued for an open lesson of yours that was approved and has taken place. No such lesson was found.
error-documents-none-meeting = A certificate is issued for a meeting a methodist marked you present at. There is no such mark for this meeting.
error-documents-lesson-later = The lesson's certificate will be available from { $day }: by then colleagues will have rated it, and the rating goes into the document.
error-documents-span-format = Write two dates with the year, e.g. 01.09.2025 – 31.12.2025.
error-documents-span-invalid = There is no such date: check the day and the month.
error-documents-span-order = The second date is before the first: the start of the period first, then its end.
error-documents-span-long = The period is too long: { $years } years at most.

## Checking a certificate (/verify)

verify-ask =
    🔎 <b>Check a certificate</b>
    Send the number on the document, e.g. <code>/verify 7K3M-9QX2-HF4C</code>. Or scan the QR code on the certificate.
verify-malformed = ❌ “{ $input }” is not a certificate number of the network: a number has 12 symbols, like 7K3M-9QX2-HF4C, and the last one checks the others. Check it for a typo.
verify-unknown =
    ❌ <b>Certificate No. { $number } not found.</b>
    The network never issued this number: a document bearing it is not genuine.
verify-withdrawn =
    ⚠️ <b>Certificate No. { $number } has been withdrawn.</b>
    It was issued on { $day }, but its holder erased her data from the network, and nothing about her is kept.
verify-genuine =
    ✅ <b>Certificate No. { $number } is genuine.</b>
    { $kind }, issued on { $day } by { $issuer }.

    <b>{ $holder }</b>{ $school } { $statement }
verify-line = { $text }
verify-caveat-material-removed = ⚠️ The material has since been removed from the materials bank.
verify-caveat-lesson-removed = ⚠️ The lesson is no longer in the network.
verify-caveat-attendance-withdrawn = ⚠️ A methodist has since taken the attendance mark back.

verify-page-title = Checking a certificate
verify-page-label = The number on the document (12 symbols, e.g. 7K3M-9QX2-HF4C)
verify-page-button = Check
verify-page-note = Checked against the certificate registry of the district's methodological network
verify-page-in-ru = На русском
verify-page-in-en = In English

## A teacher's card (/teacher, methodists)

teacher-ask =
    👤 <b>A teacher's card</b>
    Write a surname (a first name may follow) after the command, e.g. <code>/teacher Orlova</code>.
teacher-none = Nobody of that name among the teachers of { $scope }.
teacher-none-scope-all = the network
teacher-none-scope-district = your district
teacher-pick = Whom to open?
teacher-more = The first { $shown } of { $total }: narrow the search (first name, patronymic).
teacher-card =
    👤 <b>{ $name }</b>
    School: { $school }
    Subjects: { $subjects }
    🎓 Attestation: { $attestation }

## The text of the PDF documents (no markup)

doc-date = { $date }
doc-grades = { $count ->
        [one] grade { $grades }
       *[other] grades { $grades }
    }
doc-certificate-title-material = CERTIFICATE
doc-certificate-subtitle-material = of publication of a teaching material
doc-certificate-title-lesson = CERTIFICATE
doc-certificate-subtitle-lesson = of an open lesson given
doc-certificate-title-meeting = CERTIFICATE
doc-certificate-subtitle-meeting = of participation in a methodological event
doc-certificate-number = No. { $number }
doc-certificate-confirms = This is to certify that
doc-certificate-statement-material = is the author of the teaching material “{ $title }” ({ $about }), published on { $date } in the district's bank of teaching materials.
doc-certificate-statement-lesson = is the author of the open lesson “{ $title }” ({ $about }; method: { $method }), given on { $date } for the district's teachers.
doc-certificate-statement-meeting = took part in the { $event } “{ $title }” held on { $date } (duration: { $hours } h).
doc-certificate-rating = Rated by colleagues: { $rating } out of 5 ({ $count } { $count ->
        [one] rating
       *[other] ratings
    }).
doc-certificate-no-rating = The lesson was given without colleagues' ratings.
doc-meeting-event-association = meeting of the district's subject association
doc-meeting-event-seminar = seminar
doc-meeting-event-master_class = master class
doc-meeting-event-method_day = methodological day
doc-meeting-event-conference = conference
doc-meeting-event-council = meeting of the methodological council
doc-certificate-approved-material = Reviewed and approved by the methodist { $name }.
doc-certificate-approved-lesson = Approved by the methodist { $name }.
doc-certificate-approved-meeting = Attendance marked by the methodist { $name }.
doc-certificate-issued = Date of issue: { $date }
doc-signature-head = Head
doc-signature-methodist = Methodist
doc-signature-teacher = Teacher
doc-seal = Seal
doc-verify-qr = To check it: scan the QR code
doc-verify-bot = or send the bot @{ $bot } the command
doc-verify-site = or enter the number at { $url }.
doc-footer = Issued by the district's methodological network. Its authenticity is checked by its number { $number }; a document whose number the check does not confirm is void.

doc-portfolio-title = TEACHER'S PORTFOLIO
doc-portfolio-subtitle-year = for the academic year { $year } ({ $from } – { $until })
doc-portfolio-subtitle-span = for the period from { $from } to { $until }
doc-portfolio-name = Name
doc-portfolio-school = School
doc-portfolio-district = District
doc-portfolio-subjects = Subjects
doc-portfolio-category = Qualification category
doc-portfolio-summary = The period in figures
doc-portfolio-summary-line = Professional-development courses: { $courses } ({ $hours } h) · open lessons given: { $given }, visited: { $visited } · publications: { $materials } · events: { $meetings } · certificates: { $certificates }
doc-portfolio-section-courses = 1. Professional-development courses
doc-portfolio-section-given = 2. Open lessons given
doc-portfolio-section-visited = 3. Colleagues' open lessons visited
doc-portfolio-section-materials = 4. Publications in the bank of teaching materials
doc-portfolio-section-meetings = 5. Participation in methodological events
doc-portfolio-section-certificates = 6. Certificates
doc-portfolio-none = Nothing recorded in this period.
doc-portfolio-total-hours = Total: { $hours } h
doc-col-n = No.
doc-col-course = Course
doc-col-provider = Provider
doc-col-dates = Dates
doc-col-hours = Hours
doc-col-date = Date
doc-col-topic = Lesson topic
doc-col-subject = Subject, grade
doc-col-guests = Guests
doc-col-rating = Rating (ratings)
doc-col-author = Author, school
doc-col-title = Title
doc-col-type = Kind, subject
doc-col-votes = Votes for / against
doc-col-views = Views
doc-col-event = Event
doc-col-kind = Form
doc-col-number = Number
doc-col-document = Document
doc-portfolio-certificate-material = Certificate of publication: “{ $title }”
doc-portfolio-certificate-lesson = Certificate of an open lesson given: “{ $title }”
doc-portfolio-certificate-meeting = Certificate of participation: “{ $title }”
doc-portfolio-verify = Each certificate's authenticity is checked by its number: the QR code on the certificate itself, or the command /verify in the bot @{ $bot }.
doc-portfolio-verify-site = Checks on the site: { $url }
doc-portfolio-generated = Generated on { $date } from the records of the district's methodological network.
doc-portfolio-footer = Portfolio: { $name } · { $span } · page { $page } of { $pages }

# Certification: a teacher's qualification category in her profile, a reminder 3 months before it expires,
# the /attestation summary (methodologists).
cmd-attestation = Certification: whose category expires, who has not said

## Categories
attestation-category-none = no category
attestation-category-compliance = fitness for the post
attestation-category-first = first category
attestation-category-highest = highest category

## The teacher's profile
profile-edit-attestation = 🎓 Certification
attestation-card = { $category }, until { $until }
attestation-card-unknown = not given
attestation-ask-category = 🎓 What is your qualification category?
attestation-ask-until =
    Until what date is it valid? Type the date from the order: <code>15.05.2028</code>, or the month: <code>05.2028</code>.
    To cancel — /cancel
attestation-saved = ✅ Saved: { $category }, until { $until }. I will remind you 3 months before it expires. Profile — /profile
attestation-saved-none = ✅ Saved: no category. Profile — /profile
error-attestation-date-format = I did not understand the date. Type it like <code>15.05.2028</code> or <code>05.2028</code> (the last day of that month).
error-attestation-date-invalid = There is no such date. Check the day and the month.
error-attestation-date-too-far = A category is given for { $years } years: the date cannot be later than { $latest }. Check the year.
attestation-reminder =
    🎓 <b>Certification is due</b>
    Your { $category ->
        [compliance] certification for fitness for the post
        [first] first qualification category
        [highest] highest qualification category
       *[other] category
    } is valid until { $until }. { $category ->
        [compliance] Your school holds this certification: ask its administration when it is scheduled.
       *[other] Time to apply for certification, so as not to be left without a category.
    }

## The methodologist's summary: /attestation
attestation-title = 🎓 <b>Teachers' certification</b>
attestation-title-district = 🎓 <b>Teachers' certification — { $district }</b>
attestation-total =
    Teachers: { $teachers }
    ✅ Category in force: { $valid }
    ⏳ Expiring within 6 months: { $expiring }
    ❌ Expired: { $expired }
    ➖ No category: { $none }
    ❔ Not given: { $unknown }
attestation-schools-title = <b>By school</b> (share of teachers with a category in force, lowest first):
attestation-districts-title = <b>By district</b> (share of teachers with a category in force, lowest first):
attestation-no-district = No district
attestation-school-line = { $bar } { $percent }% · { $school } ({ $current }/{ $teachers })
attestation-more-schools = …and { $count } more, in the file.
attestation-no-teachers = No teachers have registered in the bot yet, so there is nothing to sum up.
attestation-no-teachers-district = No teachers from the schools of { $district } have registered in the bot yet, so there is nothing to sum up.
attestation-nobody-to-list = Nobody needs attention: no category is expiring or expired, and everyone has filled it in.
attestation-file-caption = 📎 Certification on { $date }: every school, and the teachers whose category expires within 6 months, has expired or is not given.
attestation-file-caption-district = 📎 Certification on { $date }, { $district }: every school, and the teachers whose category expires within 6 months, has expired or is not given.
attestation-sheet-name = Need attention
attestation-sheet-schools = By school
attestation-sheet-districts = By district
attestation-col-teachers = Teachers
attestation-col-current = Category in force
attestation-col-percent = Share, %
attestation-col-total = Total
attestation-col-category = Category
attestation-col-district = District
attestation-col-until = Valid until
attestation-col-status = State
attestation-status-expiring = expiring
attestation-status-expired = expired
attestation-status-unknown = not given

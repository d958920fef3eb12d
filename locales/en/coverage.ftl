# Course coverage: /coverage (methodologists).
cmd-coverage = Course coverage: by school, and who has no course
coverage-title = 📊 <b>Course coverage, academic year { $year }</b>
coverage-title-district = 📊 <b>Course coverage, academic year { $year } — { $district }</b>
coverage-total = { $bar } <b>{ $percent }%</b>: { $covered } of { $teachers } { $teachers ->
        [one] teacher
       *[other] teachers
    } took or are taking a course; without a course: { $uncovered }.
coverage-schools-title = <b>By school</b> (least covered first):
coverage-districts-title = <b>By district</b> (least covered first):
coverage-no-district = No district
coverage-school-line = { $bar } { $percent }% · { $school } ({ $covered }/{ $teachers })
coverage-more-schools = …and { $count } more in the file.
coverage-no-teachers = No teachers have registered in the bot yet, so there is no coverage to count.
coverage-no-teachers-district = No teachers from the schools of { $district } have registered in the bot yet, so there is no coverage to count.
coverage-file-caption = 📎 Course coverage on { $date }: the “By school” sheet and the list of teachers without a course.
coverage-file-caption-district = 📎 Course coverage on { $date }, { $district }: the “By school” sheet and the list of teachers without a course.
coverage-write-button = 📣 Write to the teachers without a course
coverage-sheet-schools = By school
coverage-sheet-districts = By district
coverage-sheet-uncovered = Without a course
coverage-col-school = School
coverage-col-district = District
coverage-col-teachers = Teachers
coverage-col-covered = With a course
coverage-col-percent = Coverage, %
coverage-col-total = Total
coverage-col-name = Name
coverage-col-subjects = Subjects

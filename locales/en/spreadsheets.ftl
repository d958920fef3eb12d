# .xlsx spreadsheets for methodologists: a course's participants, a meeting's invitees. Column headers are
# in the methodologist's language; names, schools and titles go into the file as they are.

## Common
sheet-button = 📥 Spreadsheet (.xlsx)
# Excel's date format
sheet-date-format = d mmm yyyy
sheet-col-number = No.
sheet-col-name = Full name
sheet-col-school = School
sheet-col-cluster = School cluster
sheet-yes = yes
sheet-no = no

## Course participants
course-sheet-name = Participants
course-sheet-caption = 📎 Participants of “{ $title }” as of { $date }.
course-sheet-empty = Nobody has signed up for the course yet, so the spreadsheet would be empty.
course-sheet-col-subjects = Subjects
course-sheet-col-status = Status
course-sheet-col-signed-up = Signed up
course-sheet-col-completed = Completed
course-sheet-status-registered = registered
course-sheet-status-offered = seat offered
course-sheet-status-waiting = waiting, no. { $position }
course-sheet-status-completed = completed

## Meeting
meeting-sheet-name = Invited
meeting-sheet-caption = 📎 { $kind }: “{ $title }”, { $when }. Who was invited, their answers and attendance.
meeting-sheet-empty = Nobody was invited to this meeting and nobody answered, so the spreadsheet would be empty.
meeting-sheet-col-answer = Answer
meeting-sheet-col-attended = Attended
meeting-sheet-going = going
meeting-sheet-not-going = not going
meeting-sheet-no-answer = no answer

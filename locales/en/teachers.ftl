# Who has joined the bot: /teachers (methodologists). How many teachers registered, who joined lately, who
# blocked the bot, and by school, the schools nobody has joined from yet first.
cmd-teachers = Teachers in the bot: which schools have not joined yet
teachers-title = 👥 <b>Teachers in the bot</b>
teachers-title-district = 👥 <b>Teachers in the bot — { $district }</b>
teachers-total =
    Teachers registered: <b>{ $teachers }</b>
    🆕 In the last 7 days (since { $since }): { $recent }
    🚫 Blocked the bot (messages do not reach them): { $inactive }
teachers-staff = Also in the bot, methodologists and administrators: { $staff }. They are in the spreadsheet but not in the counts by school.
teachers-reach = { $bar } <b>{ $percent }%</b> of schools: teachers from { $reached } of { $schools } have joined; none yet from { $empty }.
teachers-districts-title = <b>By district</b> (share of schools with teachers in the bot, smallest first):
teachers-district-line = { $bar } { $percent }% · { $district } (schools: { $reached } of { $schools }, teachers: { $teachers })
teachers-no-district = No district
teachers-schools-title = <b>By school</b> (those nobody has joined from yet first: worth a call):
teachers-school-line = { $teachers ->
        [0] ⭕
       *[other] 👤
    } { $teachers } · { $school }
teachers-more-schools = …and { $count } more in the file.
teachers-none =
    No teacher has registered in the bot yet. { $schools ->
        [0] There are no schools in the directory yet.
        [one] The only school in the directory is still to be invited.
       *[other] All { $schools } schools are still to be invited.
    }
teachers-none-district =
    No teacher from the schools of { $district } has registered in the bot yet. { $schools ->
        [0] The district has no schools in the directory yet.
        [one] Its only school is still to be invited.
       *[other] All { $schools } of its schools are still to be invited.
    }
teachers-file-caption = 📎 Teachers in the bot on { $date }: the “By school” sheet (every school, those with nobody first) and the list of everyone registered.
teachers-file-caption-district = 📎 Teachers in the bot on { $date }, { $district }: the “By school” sheet (every school, those with nobody first) and the list of everyone registered.
teachers-sheet-schools = By school
teachers-sheet-people = Teachers
teachers-col-district = District
teachers-col-teachers = Teachers in the bot
teachers-col-recent = Last 7 days
teachers-col-inactive = Blocked the bot
teachers-col-total = Total
teachers-col-subjects = Subjects
teachers-col-role = Role
teachers-col-registered = Registered
teachers-col-language = Language
teachers-col-active = Reachable
teachers-language-ru = Russian
teachers-language-en = English

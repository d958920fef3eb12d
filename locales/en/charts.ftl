# Charts (src/charts): the pictures /coverage, /attestation, /teachers send and the site shows.
chart-note = { $percent } % · { $part } of { $whole }
chart-note-teachers = { $teachers } teachers
chart-coverage-title = Course coverage, { $year }
chart-coverage-title-district = Course coverage, { $year }: { $district }
chart-coverage-subtitle = In all { $percent } %: { $covered } of { $teachers } teachers signed up for a course or took one
chart-attestation-title = Attestation
chart-attestation-title-district = Attestation: { $district }
chart-attestation-subtitle = A category in force: { $current } of { $teachers } teachers ({ $percent } %)
chart-teachers-title = Who has joined the bot
chart-teachers-title-district = Who has joined the bot: { $district }
chart-teachers-subtitle = { $teachers } teachers; schools with teachers: { $reached } of { $schools } ({ $percent } %)
chart-survey-title = Survey of broadcast #{ $id }: the answers
chart-survey-subtitle = { $answered } of { $reached } recipients answered{ $multiple ->
        [yes] ; several options could be ticked
       *[no] {""}
    }

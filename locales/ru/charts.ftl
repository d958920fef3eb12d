# Charts (src/charts): the pictures /coverage, /attestation, /teachers send and the site shows.
chart-note = { $percent } % · { $part } из { $whole }
chart-note-teachers = { $teachers } пед.
chart-coverage-title = Охват курсами, { $year }
chart-coverage-title-district = Охват курсами, { $year } — { $district }
chart-coverage-subtitle = Всего { $percent } %: { $covered } из { $teachers } педагогов записаны на курс или прошли его
chart-attestation-title = Аттестация
chart-attestation-title-district = Аттестация — { $district }
chart-attestation-subtitle = Категория действует у { $current } из { $teachers } педагогов ({ $percent } %)
chart-teachers-title = Кто подключился к боту
chart-teachers-title-district = Кто подключился к боту — { $district }
chart-teachers-subtitle = { $teachers } педагогов; школ, где уже есть педагоги: { $reached } из { $schools } ({ $percent } %)
chart-survey-title = Опрос рассылки №{ $id }: ответы
chart-survey-subtitle = Ответили { $answered } из { $reached } получателей{ $multiple ->
        [yes] ; можно было отметить несколько вариантов
       *[no] {""}
    }

# Охват курсами повышения квалификации: /coverage (методисты).
cmd-coverage = Охват курсами: по школам и кто без курсов
coverage-title = 📊 <b>Охват курсами ПК, { $year } учебный год</b>
coverage-title-district = 📊 <b>Охват курсами ПК, { $year } учебный год — { $district }</b>
coverage-total = { $bar } <b>{ $percent }%</b> — прошли или проходят курсы { $covered } из { $teachers } { $teachers ->
        [one] педагога
       *[other] педагогов
    }; без курсов: { $uncovered }.
coverage-schools-title = <b>По школам</b> (сначала с наименьшим охватом):
coverage-districts-title = <b>По районам</b> (сначала с наименьшим охватом):
coverage-no-district = Без района
coverage-school-line = { $bar } { $percent }% · { $school } ({ $covered }/{ $teachers })
coverage-more-schools = …и ещё { $count } — в файле.
coverage-no-teachers = В боте пока нет зарегистрированных педагогов — считать охват не по кому.
coverage-no-teachers-district = В боте пока нет зарегистрированных педагогов из школ района «{ $district }» — считать охват не по кому.
coverage-file-caption = 📎 Охват курсами на { $date }: лист «По школам» и список педагогов без курсов.
coverage-file-caption-district = 📎 Охват курсами на { $date } — { $district }: лист «По школам» и список педагогов без курсов.
coverage-write-button = 📣 Написать педагогам без курсов
coverage-sheet-schools = По школам
coverage-sheet-districts = По районам
coverage-sheet-uncovered = Без курсов
coverage-col-school = Школа
coverage-col-district = Район
coverage-col-teachers = Педагогов
coverage-col-covered = С курсами
coverage-col-percent = Охват, %
coverage-col-total = Итого
coverage-col-name = ФИО
coverage-col-subjects = Предметы

# Таблицы .xlsx для методистов: участники курса, приглашённые на встречу. Подписи столбцов — на языке
# методиста; имена, школы и названия попадают в файл как есть.

## Общее
sheet-button = 📥 Таблица (.xlsx)
# формат дат в Excel
sheet-date-format = dd.mm.yyyy
sheet-col-number = №
sheet-col-name = ФИО
sheet-col-school = Школа
sheet-col-cluster = Школьный округ
sheet-yes = да
sheet-no = нет

## Участники курса
course-sheet-name = Участники
course-sheet-caption = 📎 Участники курса «{ $title }» на { $date }.
course-sheet-empty = На курс пока никто не записан — таблица была бы пустой.
course-sheet-col-subjects = Предметы
course-sheet-col-status = Статус
course-sheet-col-signed-up = Дата записи
course-sheet-col-completed = Дата прохождения
course-sheet-status-registered = записан(а)
course-sheet-status-offered = предложено место
course-sheet-status-waiting = в очереди, № { $position }
course-sheet-status-completed = курс пройден

## Встреча
meeting-sheet-name = Приглашённые
meeting-sheet-caption = 📎 { $kind }: «{ $title }», { $when }. Приглашённые, их ответы и посещение.
meeting-sheet-empty = На эту встречу никого не пригласили и никто не отвечал — таблица была бы пустой.
meeting-sheet-col-answer = Ответ
meeting-sheet-col-attended = Посещение
meeting-sheet-going = придёт
meeting-sheet-not-going = не сможет
meeting-sheet-no-answer = нет ответа

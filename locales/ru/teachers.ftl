# Кто уже в боте: /teachers (методисты). Сколько педагогов зарегистрировалось, кто недавно, кто
# заблокировал бота, и по школам — сначала школы, откуда ещё никого нет.
cmd-teachers = Педагоги в боте: какие школы ещё не подключились
teachers-title = 👥 <b>Педагоги в боте</b>
teachers-title-district = 👥 <b>Педагоги в боте — { $district }</b>
teachers-total =
    Зарегистрировано педагогов: <b>{ $teachers }</b>
    🆕 За последние 7 дней (с { $since }): { $recent }
    🚫 Заблокировали бота (сообщения до них не доходят): { $inactive }
teachers-staff = Ещё в боте методистов и администраторов: { $staff } — они есть в таблице, но в счёт по школам не входят.
teachers-reach = { $bar } <b>{ $percent }%</b> школ — педагоги есть в { $reached } из { $schools }; ни одного: { $empty }.
teachers-districts-title = <b>По районам</b> (доля школ, где уже есть педагоги, сначала с наименьшей):
teachers-district-line = { $bar } { $percent }% · { $district } (школ: { $reached } из { $schools }, педагогов: { $teachers })
teachers-no-district = Без района
teachers-schools-title = <b>По школам</b> (сначала те, откуда ещё никого нет, — туда стоит позвонить):
teachers-school-line = { $teachers ->
        [0] ⭕
       *[other] 👤
    } { $teachers } · { $school }
teachers-more-schools = …и ещё { $count } — в файле.
teachers-none =
    В боте пока не зарегистрировался ни один педагог. { $schools ->
        [0] Школ в справочнике пока нет.
       *[other] Приглашать предстоит все школы: { $schools }.
    }
teachers-none-district =
    В боте пока не зарегистрировался ни один педагог из школ района «{ $district }». { $schools ->
        [0] Школ района в справочнике пока нет.
       *[other] Приглашать предстоит все школы района: { $schools }.
    }
teachers-file-caption = 📎 Педагоги в боте на { $date }: лист «По школам» (все школы, сначала без педагогов) и список зарегистрированных.
teachers-file-caption-district = 📎 Педагоги в боте на { $date } — { $district }: лист «По школам» (все школы, сначала без педагогов) и список зарегистрированных.
teachers-sheet-schools = По школам
teachers-sheet-people = Педагоги
teachers-col-district = Район
teachers-col-teachers = Педагогов в боте
teachers-col-recent = За 7 дней
teachers-col-inactive = Заблокировали бота
teachers-col-total = Итого
teachers-col-subjects = Предметы
teachers-col-role = Роль
teachers-col-registered = Дата регистрации
teachers-col-language = Язык
teachers-col-active = Доступен
teachers-language-ru = русский
teachers-language-en = английский

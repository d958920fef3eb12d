# Рассылки методиста: объявление нужным педагогам и отчёт о доставке.

cmd-broadcast = Разослать объявление
cmd-broadcasts = Прошлые рассылки и отчёты

## Текст объявления

broadcast-ask-message =
    📣 <b>Новое объявление</b>
    Пришлите текст так, как его должны увидеть педагоги: жирный шрифт, курсив, ссылки сохранятся.
    Можно приложить одно фото или один документ — тогда текст станет подписью к нему.
    Выйти — /cancel.
broadcast-expect-message = Пришлите текст объявления, фото или документ. Выйти — /cancel.
error-broadcast-empty = В объявлении нет ни текста, ни вложения.
error-broadcast-too-long = Слишком длинно: не больше { $max } символов (у подписи к фото или документу предел меньше, чем у обычного сообщения).
error-broadcast-album = К объявлению можно приложить одно фото или один документ, а не альбом. Пришлите одно (несколько файлов — соберите в один документ или архив).

## Кому

broadcast-audience-panel =
    👥 <b>Кому отправить?</b>
    Выберите условия кнопками. Если условий несколько, объявление получат только те, кто подходит под все сразу (например, учителя математики из школы № 5).
broadcast-audience-now = <b>Получатели:</b>
broadcast-audience-everyone = все зарегистрированные педагоги и методисты
broadcast-audience-and = { " " }и{ " " }
broadcast-audience-subjects = предметы: { $list }{ $more ->
        [0] {""}
       *[other] { " " }и ещё { $more }
    }
broadcast-audience-schools = школы: { $list }{ $more ->
        [0] {""}
       *[other] { " " }и ещё { $more }
    }
broadcast-audience-roles = роль: { $list }
broadcast-audience-course = участники курса «{ $title }»{ $waiting ->
    [yes] {" "}вместе с листом ожидания
   *[no] {""}
}
broadcast-audience-meeting = участники встречи «{ $title }»
broadcast-audience-no-course = педагоги без курсов ПК в { $year } учебном году
broadcast-audience-districts = районы: { $list }{ $more ->
        [0] {""}
       *[other] { " " }и ещё { $more }
    }
broadcast-audience-district = Район: { $name }
broadcast-role-teacher = педагоги
broadcast-role-methodist = методисты
broadcast-urgent-note-on = 🔔 <b>Срочное</b>: получат все, даже те, кто отключил объявления в профиле.
broadcast-urgent-note-off = Обычное объявление: те, кто отключил объявления в профиле, его не получат.
broadcast-recipients = Получателей: <b>{ $count }</b>
broadcast-filter-subjects = 📚 Предметы
broadcast-filter-schools = 🏫 Школы
broadcast-filter-roles = 👤 Роль
broadcast-filter-course = 🎓 Курс
broadcast-filter-course-waiting = ⏳ И лист ожидания курса
broadcast-filter-meeting = 📅 Встреча
broadcast-filter-no-course = 📉 Без курсов в этом году
broadcast-filter-districts = 🏙 Районы
broadcast-filter-everyone = ↺ Всем (сбросить)
broadcast-urgent-on = 🔔 Срочное: да
broadcast-urgent-off = 🔕 Срочное: нет
broadcast-next = Далее: предпросмотр ➡️
broadcast-pick-done = Готово
broadcast-pick-none = Без этого условия
broadcast-pick-subjects = Отметьте предметы и нажмите «Готово». Ничего не отмечено — любые предметы.
broadcast-pick-schools = Отметьте школы и нажмите «Готово». Ничего не отмечено — любые школы. Чтобы найти школу, напишите слово из названия или номер.
broadcast-pick-roles = Кому по роли? Отметьте и нажмите «Готово».
broadcast-pick-districts = Педагогам каких районов? Отметьте районы и нажмите «Готово». Ничего не отмечено — всем районам.
broadcast-pick-course = Участники какого курса? (записанные, те, кому предложено место, и прошедшие курс) Чтобы найти курс, напишите слово из названия.
broadcast-pick-meeting = Участники какой встречи? (кто ответил «приду» или был отмечен присутствующим) Чтобы найти встречу, напишите слово из названия.
broadcast-no-courses = Курсов пока нет — это условие выбрать нельзя.
broadcast-no-meetings = Встреч пока нет — это условие выбрать нельзя.
error-broadcast-no-recipients = Под выбранные условия не подходит ни один человек. Измените условия.

## Предпросмотр и отправка

broadcast-preview-title = 👀 <b>Предпросмотр.</b> Так объявление увидят получатели:
broadcast-preview-check = Всё верно? После подтверждения сообщения уйдут сразу, а вы будете видеть отчёт о доставке.
broadcast-confirm-button = ✅ Отправить
broadcast-edit-button = ✏️ Изменить
broadcast-cancel-button = ✖️ Отменить
broadcast-cancelled = Рассылка отменена, ничего не отправлено.
broadcast-edit-what = Что изменить?
broadcast-edit-message = ✏️ Текст
broadcast-edit-audience = 👥 Получателей
error-broadcast-already-confirmed = Эта рассылка уже отправлена — повторно она не уйдёт.
error-broadcast-not-found = Рассылка не найдена.
error-broadcast-scope-changed = Черновик готовился, когда вы работали с другим районом, — теперь он не отправится. Подготовьте рассылку заново: /broadcast
error-broadcast-not-running = Эта рассылка уже завершена или остановлена.
error-broadcast-stop-not-yours = Остановить рассылку может только её автор или администратор. Если в ней ошибка — скажите им.

## Отчёт

broadcast-report =
    📣 <b>Рассылка № { $id }</b> — { $status ->
        [sending] идёт отправка…
        [stopped] остановлена
       *[done] завершена
    }
    Получателей: { $total }
    ✅ Доставлено: { $sent }
    ⏳ В очереди: { $queued }
    🚫 Заблокировали бота: { $blocked }
    ⚠️ Не доставлено из-за ошибки: { $failed }
    ✖️ Отменено: { $cancelled }
broadcast-stop-button = ⏹ Остановить рассылку
broadcast-stopped = Рассылка остановлена. Не отправлено: { $count }.
broadcast-summary =
    🏁 <b>Рассылка № { $id } завершена.</b>
    Доставлено { $sent } из { $total }. Заблокировали бота: { $blocked }, ошибок: { $failed }.
broadcast-summary-stopped =
    ⏹ <b>Рассылка № { $id } остановлена.</b>
    Доставлено { $sent } из { $total }, отменено { $cancelled }. Заблокировали бота: { $blocked }, ошибок: { $failed }.

## Список рассылок

broadcast-list-empty = Рассылок пока не было. Новая — /broadcast.
broadcast-list-title = 📣 <b>Рассылки</b> (всего { $total }), сначала новые:
broadcast-list-head = <b>№ { $id }</b> · { $date } · { $status ->
        [sending] идёт отправка
        [stopped] остановлена
       *[done] завершена
    }{ $urgent ->
        [yes] { " " }· 🔔 срочная
       *[no] {""}
    }
broadcast-list-text = { $author }: { $attachment ->
        [photo] 🖼{ " " }
        [document] 📎{ " " }
       *[none] {""}
    }«{ $text }»
broadcast-list-counts = ✅ { $sent } из { $total } · ⏳ { $queued } · 🚫 { $blocked } · ⚠️ { $failed } · ✖️ { $cancelled }
broadcast-list-stop-button = ⏹ Остановить рассылку № { $id }
broadcast-search-none = Ничего не нашлось. Напишите иначе или выберите кнопкой выше.

## Опрос: вопрос с вариантами ответа

broadcast-filter-question = 📊 Варианты ответа (опрос)
broadcast-edit-question = 📊 Варианты ответа
broadcast-question-note = 📊 <b>Опрос</b>: { $count } { $count ->
        [one] вариант
        [few] варианта
       *[many] вариантов
    } ответа кнопками под сообщением, { $multiple ->
        [yes] можно отметить несколько
       *[no] выбрать можно один
    }.
broadcast-question-ask =
    📊 <b>Варианты ответа</b>
    Текст объявления станет вопросом, а варианты — кнопками под ним. Напишите варианты одним сообщением, каждый с новой строки: от 2 до 8 вариантов, каждый не длиннее 60 символов. Например:
    <i>Да, приду
    Нет, не смогу
    Пока не знаю</i>
broadcast-question-current = Сейчас: { $list }
broadcast-question-keep = ↩️ Оставить эти варианты
broadcast-question-remove = 🗑 Убрать варианты (обычное объявление)
broadcast-question-back = ⬅️ Без вариантов ответа
broadcast-question-expect-text = Напишите варианты ответа текстом, каждый с новой строки, или нажмите кнопку выше.
broadcast-question-mode = Сколько вариантов может выбрать каждый?
broadcast-question-single = 🔘 Один
broadcast-question-multiple = ☑️ Несколько
broadcast-question-removed = Варианты ответа убраны — это снова обычное объявление.
broadcast-preview-option = Это предпросмотр: так педагоги будут выбирать ответ.
error-broadcast-options-count = Нужно от { $min } до { $max } вариантов, каждый с новой строки, а в сообщении { $count }.
error-broadcast-option-empty = Вариант № { $n } пустой: уберите пустую строку между вариантами.
error-broadcast-option-too-long = Вариант № { $n } слишком длинный: { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, а на кнопке помещается не больше { $max }. Сократите его.
error-broadcast-option-duplicate = Вариант «{ $option }» повторяется. Варианты должны различаться.
error-broadcast-question-no-text = Для опроса нужен текст вопроса: варианты ответа станут кнопками под ним. Пришлите объявление с текстом (у фото или документа — с подписью).

## Ответ педагога

broadcast-answer-saved = ✅ Ответ принят. Передумаете — нажмите другой вариант.
broadcast-answer-ticked = ☑️ Отмечено. Выбрано вариантов: { $count }. Нажмите ещё раз, чтобы снять отметку.
broadcast-answer-unticked = Отметка снята. Выбрано вариантов: { $count }.
error-broadcast-answer-not-yours = Этот опрос адресован не вам, поэтому ответ не принят. Спасибо за готовность помочь!
error-broadcast-question-closed = Опрос закрыт — ответы больше не принимаются. Спасибо!
error-broadcast-question-not-found = Опрос не найден.

## Результаты опроса

broadcast-results-title = 📊 <b>Ответы</b>: { $answered } из { $reached } получивших{ $closed ->
        [yes] { " " }· 🔒 опрос закрыт
       *[no] {""}
    }
broadcast-results-line = { $n }. { $option } — { $count } ({ $percent }%)
broadcast-results-multiple = Можно было отметить несколько вариантов, поэтому проценты — от ответивших и в сумме бывают больше 100.
broadcast-results-hidden = 📊 Опрос ({ $count } { $count ->
        [one] вариант
        [few] варианта
       *[many] вариантов
    }): ответы видят автор рассылки и администраторы.
broadcast-close-button = 🔒 Закрыть опрос
broadcast-sheet-button = 📊 Ответы (.xlsx)
broadcast-list-close-button = 🔒 Закрыть опрос № { $id }
broadcast-list-sheet-button = 📊 Ответы № { $id } (.xlsx)
broadcast-question-closed-now = 🔒 Опрос закрыт, новые ответы не принимаются.
error-broadcast-question-not-yours = Видеть ответы и закрывать опрос могут только автор рассылки и администраторы.
error-broadcast-question-already-closed = Этот опрос уже закрыт.
broadcast-sheet-answers = Ответы
broadcast-sheet-counts = Итоги
broadcast-sheet-col-district = Район
broadcast-sheet-no-district = без района
broadcast-sheet-col-answer = Ответ
broadcast-sheet-col-option = Вариант ответа
broadcast-sheet-col-count = Выбрали
broadcast-sheet-col-percent = % ответивших
broadcast-sheet-total = Ответили { $answered } из { $reached }
broadcast-sheet-caption = 📎 Ответы на опрос № { $id } «{ $text }» на { $date }: ответили { $answered } из { $reached }.

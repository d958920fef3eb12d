# Встречи: заседания РМО, семинары, мастер-классы, методические дни, конференции, методсоветы.

cmd-meetings = Встречи и заседания
cmd-newmeeting = Назначить встречу
cmd-meetings_admin = Мои встречи: ответы, изменения, посещаемость

meeting-kind-association = Заседание РМО
meeting-kind-seminar = Семинар
meeting-kind-master_class = Мастер-класс
meeting-kind-method_day = Методический день
meeting-kind-conference = Конференция
meeting-kind-council = Методсовет

meeting-audience-everyone = 👥 Все педагоги
meeting-audience-subjects = 📚 По предметам
meeting-audience-schools = 🏫 По школам
meeting-audience-districts = 🏙 По районам
meeting-audience-methodists = 🛠 Только методисты

meeting-going = ✅ Приду
meeting-not-going = ❌ Не смогу
meeting-rsvp-going = Записали: вы придёте.
meeting-rsvp-not-going = Записали: вы не сможете прийти.

## Карточка встречи

meeting-card-head = 📅 <b>{ $kind }: { $title }</b>
meeting-card-time = 🕒 { $when } ({ $minutes } мин)
meeting-card-place = 📍 { $place }
meeting-card-link = 💻 Онлайн: { $url }
meeting-card-agenda = 📝 { $agenda }
meeting-card-deadline = ⏳ Ответить до { $deadline }
meeting-card-cancelled = ❌ <b>Встреча отменена.</b>
meeting-card-district = 🏙 Район: { $district }
meeting-card-districts = 🏙 { $count ->
    [1] Район
   *[other] Районы
}: { $districts }
meeting-answer-going = Ваш ответ: приду ✅
meeting-answer-not-going = Ваш ответ: не смогу ❌
meeting-answer-none = Вы ещё не ответили, придёте ли.

## Раздел «Встречи» у педагога

meeting-list-title = 📅 <b>Ближайшие встречи для вас</b>
meeting-list-empty = 📅 Ближайших встреч для вас пока нет. Когда методист назначит встречу, бот пришлёт приглашение.
meeting-record = { $count ->
    [0] Посещённых встреч пока нет.
    [one] Вы посетили { $count } встречу.
    [few] Вы посетили { $count } встречи.
   *[many] Вы посетили { $count } встреч.
}

## Уведомления

meeting-announce =
    📅 <b>{ $kind }: { $title }</b>
    🕒 { $when }
    { $icon } { $place }{ $hasAgenda ->
        [yes] {"\u000A"}📝 { $agenda }
       *[no] {""}
    }

    { $hasDeadline ->
        [yes] Придёте? Ответьте, пожалуйста, до { $deadline }.
       *[no] Придёте? Ответьте, пожалуйста, кнопкой ниже.
    }
meeting-nudge =
    ❓ { $late ->
        [yes] Скоро
       *[other] Завтра
    } — { $kind }: «{ $title }», { $when }.
    { $icon } { $place }
    Вы ещё не ответили, придёте ли. Ответьте, пожалуйста, кнопкой ниже.
meeting-reminder =
    ⏰ <b>Напоминание</b>: { $kind } «{ $title }» — { $when }.
    { $icon } { $place }
meeting-moved =
    🕒 <b>Время встречи изменилось</b>: { $kind } «{ $title }».
    Было: { $old }
    Стало: <b>{ $when }</b>
    { $icon } { $place }
    Если встреча уже в вашем календаре, добавьте её заново — запись обновится.
meeting-relocated =
    { $icon } <b>Место встречи изменилось</b>: { $kind } «{ $title }», { $when }.
    Теперь: <b>{ $place }</b>
meeting-cancelled-notice = ❌ <b>Встреча отменена</b>: { $kind } «{ $title }», { $when }. Приносим извинения.

## Создание встречи

meeting-chosen = Выбрано: { $value }
meeting-ask-kind = 📅 <b>Новая встреча.</b> Что это будет?
meeting-ask-title = Название встречи, например: <i>Заседание РМО учителей математики: подготовка к ОГЭ</i>.
meeting-ask-agenda = Повестка или краткое описание (можно в несколько строк). Если не нужно — отправьте «-».
meeting-ask-start = Когда начало? Напишите дату и время, например: <code>25.12 14:30</code> или <code>25.12.2026 14:30</code>.
meeting-ask-duration = Сколько продлится? Например: <code>90</code> (минут), <code>1:30</code> или <code>2 ч</code>.
meeting-ask-venue = Где пройдёт? Напишите адрес и кабинет (например, <i>МБОУ «Гимназия № 2», каб. 14</i>) или ссылку на онлайн-встречу (https://...).
meeting-ask-audience = Кого пригласить?
meeting-ask-schools = Отметьте школы, педагогов которых приглашаете, и нажмите «Готово».
meeting-schools-done = Готово ✔️
meeting-schools-found = Нашлись школы — отметьте нужные (можно написать ещё запрос):
meeting-schools-chosen = 🏫 Выбрано школ: { $count }
meeting-expect-schools = Отметьте школы кнопками выше и нажмите «Готово». Чтобы выйти — /cancel.
meeting-ask-districts = Педагогов каких районов приглашаете? Отметьте районы и нажмите «Готово».
meeting-expect-districts = Отметьте районы кнопками выше и нажмите «Готово». Чтобы выйти — /cancel.
meeting-ask-deadline = До какого времени принимать ответы «приду / не смогу»? Напишите дату и время (не позже начала) или «-», чтобы принимать до начала встречи.
meeting-preview = 👀 <b>Проверьте встречу перед публикацией:</b>
meeting-reach = Приглашение получат: { $count } чел.
meeting-publish = 📣 Опубликовать
meeting-discard = Отмена
meeting-discarded = Хорошо, встреча не опубликована.
meeting-published = ✅ Встреча опубликована. Приглашение отправляется: { $count } чел. Ответы и посещаемость — /meetings_admin

## Изменение встречи

meeting-ask-new-start = Новые дата и время начала, например: <code>25.12 14:30</code>.
meeting-ask-new-venue = Новое место или ссылка на онлайн-встречу.
meeting-updated = ✅ Встреча изменена. Всем, кто может прийти (кроме ответивших «Не смогу»), отправлено уведомление.

## Инструменты методиста

meeting-new-button = ➕ Назначить встречу
meeting-admin-list = 📅 <b>Встречи</b> (ближайшие и за последний месяц). Выберите встречу:
meeting-admin-empty = Встреч пока нет.
meeting-admin-counts = Приглашено: { $audience } · придут: { $going } · не смогут: { $notGoing } · посетили: { $attended }
meeting-admin-answers = 👥 Ответы
meeting-admin-time = 🕒 Перенести
meeting-admin-place = 📍 Сменить место
meeting-admin-cancel = ❌ Отменить встречу
meeting-admin-attendance = ✅ Отметить посещение
meeting-answers-title = 👥 <b>Ответы</b>
meeting-answers-none = Пока никто не ответил.
meeting-answers-going = ✅ { $name }
meeting-answers-not-going = ❌ { $name }
meeting-answers-none-yet = ▫️ { $name }
meeting-answers-silent = ▫️ <b>Не ответили: { $count }</b>
meeting-answers-silent-more = …и ещё { $count } — все они в таблице (📥 Таблица).
meeting-cancel-confirm = Отменить встречу? Уведомление получат все, кто собирался прийти или ещё не ответил; напоминания отправлены не будут.
meeting-cancel-yes = Да, отменить
meeting-cancel-no = Нет
meeting-cancel-done = ❌ Встреча отменена, участники уведомлены.
meeting-cancel-kept = Хорошо, встреча остаётся в силе.
meeting-attend-title = ✅ <b>Посещение.</b> Нажмите на человека, чтобы отметить, был ли он. В списке все приглашённые: сначала обещавшие прийти (✋), потом остальные.
meeting-attend-nobody = Отмечать некого: на эту встречу никого не пригласили и никто не отвечал.
meeting-attend-all-going = ✅ Отметить всех, кто обещал прийти
meeting-attend-all-done = Отмечено: { $count }

## Ошибки

error-meeting-title-length = Название должно быть от 3 до { $max } символов.
error-meeting-agenda-too-long = Слишком длинно: не больше { $max } символов.
error-meeting-duration-format = Не понял продолжительность. Напишите, например, <code>90</code>, <code>1:30</code> или <code>2 ч</code>.
error-meeting-duration-range = Продолжительность — от 5 минут до 12 часов.
error-meeting-bad-link = Ссылка не похожа на адрес онлайн-встречи. Скопируйте её целиком, начиная с https://
error-meeting-place-length = Место — от 3 до { $max } символов.
error-meeting-place-missing = Укажите место или ссылку на онлайн-встречу.
error-meeting-audience-empty = Выберите хотя бы одну школу или предмет — иначе приглашение некому отправить.
error-meeting-districts-empty = Отметьте хотя бы один район — иначе приглашение некому отправить.
error-meeting-deadline-after-start = Срок ответа не может быть позже начала встречи.
error-meeting-not-found = Этой встречи больше нет.
error-meeting-cancelled = Эта встреча отменена.
error-meeting-started = Встреча уже началась.
error-meeting-not-started = Встреча ещё не началась: посещение отмечают после начала.
error-meeting-rsvp-closed = Срок ответа на это приглашение уже прошёл. Если планы изменились, напишите методисту.
error-meeting-not-for-you = Эта встреча для другой группы педагогов.
meeting-ask-subjects = 📚 Для учителей каких предметов встреча? Отметьте все и нажмите «Готово».

## Правка названия, повестки, длительности
meeting-admin-duration = ⏱ Длительность
meeting-admin-title = ✏️ Название
meeting-admin-agenda = 📝 Повестка
meeting-revised = ✅ Исправлено. Уведомления не рассылались; кнопка «📅 В календарь» теперь даёт файл с новым текстом.
meeting-duration-changed =
    🕒 <b>Встреча продлится иначе</b>: { $kind } «{ $title }», { $when }.
    Теперь: { $minutes } мин.
    Если встреча уже в вашем календаре, добавьте её заново — запись обновится.

## Смена аудитории
meeting-admin-audience = 👥 Кого пригласить
meeting-audience-changed =
    ✅ Аудитория встречи изменена. { $count ->
        [0] Новых приглашённых нет: все, для кого встреча теперь, приглашение уже получали.
       *[other] Приглашение отправляется ещё { $count } чел.
    }
    Кто уже ответил, сохраняет свой ответ.
error-meeting-unchanged = Это то же, что и сейчас: ничего не изменено, уведомления не отправлялись.
